import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { driveScenario, parseScenario, type RecordedModelRequest, type Scenario, type World } from "@foreman/sandbox";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { appComments, CASE_TIMEOUT_MS, explain, scenarioPath } from "./run-case.ts";

const FILE = scenarioPath("tools-find-caller.yml");
/** The caller's test: only a tool result can show it to the coder. */
const CALLERS_TEST = "assert.equal(checkoutTotal([";

/** The scenario, with `agents.tools` set in its repository's config when given. */
async function scenario(tools?: boolean): Promise<Scenario> {
  const data = parse(await readFile(FILE, "utf8")) as { repository: { config: Record<string, unknown> } };
  if (tools !== undefined) data.repository.config = { ...data.repository.config, agents: { tools } };
  return parseScenario(stringify(data), { baseDir: dirname(FILE), fileName: "tools-find-caller.yml" });
}

interface Observed {
  coder: Array<Pick<RecordedModelRequest, "answerId" | "tools" | "toolResults" | "unmatched"> & { sawCallersTest: boolean }>;
  calls: string[];
  issueComments: string[];
}

function observe(world: World): Observed {
  const coder = (world.model?.requests() ?? []).filter((request) => request.role === "coder");
  return {
    coder: coder.map((request) => ({
      answerId: request.answerId,
      tools: request.tools,
      toolResults: request.toolResults,
      unmatched: request.unmatched,
      sawCallersTest: request.messages.some((message) => message.content.includes(CALLERS_TEST)),
    })),
    calls: (world.model?.toolCalls() ?? []).map((call) => `${call.role ?? "?"} ${call.name}`),
    issueComments: appComments(world, "issue"),
  };
}

async function run(tools?: boolean): Promise<{ failures: string[]; observed: Observed; text: string }> {
  const result = await driveScenario(await scenario(tools), { world: { app: foremanUnderTest }, stopWhenQuiet: true, observe });
  return { failures: result.failures, observed: result.observed, text: explain({ ...result, observed: result.observed }) };
}

describe("a change that needs a file the issue never names", () => {
  it(
    "merges: the coder searches for the caller, reads it and its test, and edits through tools",
    async () => {
      const { failures, observed, text } = await run();

      expect(failures, text).toEqual([]);
      expect(observed.calls).toEqual(["coder search", "coder read_file", "coder read_file", "coder edit"]);
      expect(observed.coder.map((request) => request.answerId)).toEqual(["coder-search", "coder-read", "coder-edit", "coder-done"]);
      expect(observed.coder[0]?.tools).toEqual(["read_file", "list_files", "search", "edit", "create", "delete", "finish"]);
      expect(observed.coder.at(-1)?.sawCallersTest).toBe(true);
    },
    CASE_TIMEOUT_MS * 2,
  );

  it(
    "fails with tools turned off: the coder never sees the caller nor its test, and the task cannot be coded",
    async () => {
      const { failures, observed, text } = await run(false);

      expect(
        failures.some((failure) => failure.includes("parse-price")),
        text,
      ).toBe(true);
      expect(observed.calls, text).toEqual([]);
      expect(observed.coder.map((request) => request.answerId)).toEqual(["coder-blind", "coder-blind"]);
      expect(observed.coder.every((request) => request.tools.length === 0 && !request.sawCallersTest)).toBe(true);
      expect(observed.issueComments.join("\n")).toContain("could not be coded");
    },
    CASE_TIMEOUT_MS * 2,
  );
});
