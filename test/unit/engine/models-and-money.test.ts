import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import type { EngineEvent } from "../../../src/engine/events.ts";
import type { Usage } from "../../../src/engine/types.ts";
import { renderStatus } from "../../../src/worker/status-view.ts";
import { config, executing, NOW, ofType, planOf, published, red, run, startEvent, step, taskOf } from "./engine-fixtures.ts";

const single = planOf({ id: "a" });

/** A task published with tokens of a model that has no price: they cost nothing known, and count as tokens. */
const publishedUnpriced = (tokens: number): EngineEvent => {
  const usage: Usage = { promptTokens: tokens, completionTokens: 0, costUsd: 0, modelCalls: 1, unpricedTokens: tokens };
  const event = published("a");
  return event.type === "task_published" ? { ...event, usage } : event;
};

const refusedKey = {
  provider: "default",
  keyVariable: "FOREMAN_LLM_API_KEY",
  status: 401,
  kind: "unauthorized" as const,
  model: "gpt-4o-mini",
};

describe("decide: a model without a price", () => {
  it("stops on the token budget while the cost budget, which the known prices alone count, is not spent", () => {
    // The engineer and the planner cost $0.25 each (known prices); the coder's model has none.
    const budgets = config({ limits: { tokensPerIssue: 5_000, costPerIssueUsd: 0.6 } });

    const within = run(executing(single, budgets).state, [publishedUnpriced(4_000), red("a")]);
    const over = run(executing(single, budgets).state, [publishedUnpriced(6_000), red("a")]);

    expect(ofType(within.effects, "run_debugger")).toHaveLength(1);
    expect(over.state.phase).toBe("failed");
    expect(ofType(over.effects, "comment")[0]?.body).toContain("over its budget of 5000 (`limits.tokensPerIssue`)");
  });

  it("says in the status comment's usage line which tokens have no known price", () => {
    const state = run(executing(single).state, [publishedUnpriced(1_234)]).state;

    const status = renderStatus(state);

    expect(status).toContain(
      "<sub>Usage: 1,434 tokens in · 40 tokens out · $0.50 + price unknown for 1,234 tokens (counted in the token budget only)</sub>",
    );
  });
});

describe("decide: the model endpoint refused the call", () => {
  it("stops the workflow with what the operator must fix when the engineer's key is refused", () => {
    const begun = step(null, startEvent()).state;

    const decision = step(begun, { type: "model_refused", role: "engineer", taskId: null, refusals: [refusedKey] });

    expect(decision.state.phase).toBe("failed");
    const [comment] = ofType(decision.effects, "comment");
    expect(comment?.on).toBe("issue");
    expect(comment?.body).toContain("The model endpoint refused the engineer's call");
    expect(comment?.body).toContain("provider `default` refused Foreman's key (HTTP 401). The operator must set `FOREMAN_LLM_API_KEY`");
  });

  it("names the repository's setting that chose a model the endpoint does not know", () => {
    const begun = step(null, startEvent(config({ models: { planner: "ghost-model" } }))).state;
    const refusal = { ...refusedKey, status: 404, kind: "model_not_found" as const, model: "ghost-model" };

    const decision = step(begun, { type: "model_refused", role: "planner", taskId: null, refusals: [refusal] });

    expect(decision.state.failure).toContain(
      "provider `default` does not know the model `ghost-model` (HTTP 404). It was chosen by `models.planner` in `.github/foreman.yml`",
    );
  });

  it("says the installation chose the model when the repository names none", () => {
    const begun = step(null, startEvent()).state;
    const refusal = { ...refusedKey, status: 404, kind: "model_not_found" as const, model: "gpt-5-typo" };

    const decision = step(begun, { type: "model_refused", role: "engineer", taskId: null, refusals: [refusal] });

    expect(decision.state.failure).toContain("The installation chose it (`FOREMAN_DEFAULT_MODEL`");
  });

  it("makes a task at work ask a human, and tells the issue when the escalation is on the pull request", () => {
    const state = run(executing(single).state, [published("a"), red("a")]).state;

    const decision = step(state, { type: "model_refused", role: "debugger", taskId: "a", refusals: [refusedKey] });

    expect(taskOf(decision.state, "a").status).toBe("needs_human");
    expect(ofType(decision.effects, "comment").map((comment) => [comment.key, comment.on])).toEqual([
      [expect.stringMatching(/^needs-human-a-/), { taskId: "a" }],
      ["model-refused", "issue"],
    ]);
    expect(ofType(decision.effects, "comment")[1]?.body).toContain("a writer can comment `/retry` on this issue");
  });

  it("ignores a refusal for a task that is no longer at work", () => {
    const state = run(executing(single).state, [published("a"), red("a")]).state;
    const asked = step(state, { type: "model_refused", role: "debugger", taskId: "a", refusals: [refusedKey] }).state;

    expect(decide(asked, { type: "model_refused", role: "debugger", taskId: "a", refusals: [refusedKey] }, NOW)?.ignored).toBe(
      "model refusal for a task that is not at work",
    );
  });
});
