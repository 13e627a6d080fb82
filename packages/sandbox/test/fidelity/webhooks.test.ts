import { readFileSync } from "node:fs";
import type { WebhookDefinition } from "@octokit/webhooks-examples";
import { describe, expect, it } from "vitest";
import { resolvePackageFile } from "../../src/github/fidelity/package-files.ts";
import { validateWebhookPayload } from "../../src/github/fidelity/webhooks.ts";

const examples = JSON.parse(
  readFileSync(resolvePackageFile("@octokit/webhooks-examples", "api.github.com/index.json"), "utf8"),
) as WebhookDefinition[];

/** The nth example payload of an event (and action), from @octokit/webhooks-examples. */
function example(event: string, action: string | null, nth = 0): Record<string, unknown> {
  const definition = examples.find((candidate) => candidate.name === event);
  const payloads = (definition?.examples ?? []) as unknown as Array<Record<string, unknown>>;
  const matching = payloads.filter((payload) => (action === null ? !("action" in payload) : payload["action"] === action));
  const payload = matching[nth];
  if (payload === undefined) throw new Error(`no example #${nth} for ${event}.${action ?? "-"}`);
  return structuredClone(payload);
}

describe("validateWebhookPayload", () => {
  it.each([
    ["issues", "labeled", 0],
    ["issues", "opened", 0],
    ["issue_comment", "created", 1],
    ["pull_request", "opened", 1],
    ["pull_request", "synchronize", 0],
    ["check_suite", "completed", 1],
    ["check_run", "completed", 0],
    ["merge_group", "checks_requested", 1],
    ["installation", "created", 0],
    ["workflow_run", "completed", 1],
  ])("accepts GitHub's example %s.%s payload", (event, action, nth) => {
    const payload = example(event, action, nth);

    const problems = validateWebhookPayload(event, payload);

    expect(problems).toEqual([]);
  });

  it("accepts a push, an event without actions", () => {
    const payload = example("push", null, 1);

    const problems = validateWebhookPayload("push", payload);

    expect(problems).toEqual([]);
  });

  it("rejects a payload whose required field was removed", () => {
    const payload = example("issues", "labeled", 0);
    delete (payload["repository"] as Record<string, unknown>)["full_name"];

    const problems = validateWebhookPayload("issues", payload);

    expect(problems).toEqual([
      { location: "body", pointer: "/repository/full_name", message: `For 'properties/repository', "full_name" wasn't supplied.` },
    ]);
  });

  it("rejects a field of the wrong type", () => {
    const payload = example("pull_request", "opened", 1);
    (payload["pull_request"] as Record<string, unknown>)["number"] = "2";

    const problems = validateWebhookPayload("pull_request", payload);

    expect(problems.map((problem) => problem.pointer)).toEqual(["/pull_request/number"]);
  });

  it("rejects an action the event does not have", () => {
    const payload = { ...example("issues", "labeled", 0), action: "frobbed" };

    const problems = validateWebhookPayload("issues", payload);

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(`action "frobbed" is not known for "issues"`);
  });

  it("rejects an event GitHub does not send", () => {
    const problems = validateWebhookPayload("pull_request_party", { action: "opened" });

    expect(problems).toEqual([{ location: "body", pointer: "", message: `"pull_request_party" is not a known webhook event` }]);
  });
});
