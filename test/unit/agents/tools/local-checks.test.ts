import { describe, expect, it } from "vitest";
import { runCoder } from "../../../../src/agents/coder.ts";
import { runDebugger } from "../../../../src/agents/debugger.ts";
import type { AgentTools } from "../../../../src/agents/tools/agent-tools.ts";
import { LocalChecks } from "../../../../src/agents/tools/local-checks.ts";
import { LOCAL_CHECKS_FAILED } from "../../../../src/agents/tools/run-tool.ts";
import type { ChecksConfig } from "../../../../src/config/checks-config.ts";
import { coderInput, debuggerInput } from "../agent-inputs.ts";
import { BUGGY, FakeCopy, FIXED, PLANTED } from "./fake-copy.ts";
import { MemoryRevision } from "./memory-revision.ts";
import { latestResults, ToolModel } from "./tool-model.ts";

const CONFIG: ChecksConfig = { commands: { test: { run: "node --test", timeoutSeconds: 60 } }, allow: ["node --test test/*.test.js"] };

function toolsWith(
  copy: FakeCopy,
  maxRuns = 4,
  files: Record<string, string> = { "src/add.js": "export const add = (a, b) => a + b;\n" },
): AgentTools {
  return {
    revision: new MemoryRevision(files),
    limits: { maxTurns: 5, contextChars: 200_000, tokenBudget: 1_000_000 },
    checks: new LocalChecks(copy, CONFIG, maxRuns),
  };
}

const create = (content: string) => ({ summary: "sub", edits: [{ path: "src/sub.js", action: "create", content }] });
const everyText = (model: ToolModel): string => JSON.stringify(model.requests);

describe("the coder with local checks", () => {
  it("is sent back with the failing output, fixes its work, and hands in only what passed", async () => {
    const copy = new FakeCopy();
    const model = new ToolModel([{ content: create(BUGGY) }, { content: create(FIXED) }]);

    const result = await runCoder(model, { ...coderInput, tools: toolsWith(copy) });

    expect(result.ok && result.value.changes).toEqual([{ path: "src/sub.js", content: FIXED }]);
    expect(result.ok && result.value.checks).toEqual([{ name: "test", outcome: "passed", exitCode: 0, durationMs: 800 }]);
    const sentBack = model.requests[1]?.messages.at(-1)?.content ?? "";
    expect(sentBack).toContain(`${LOCAL_CHECKS_FAILED} \`test\` failed (exit code 1, 0.8 s)`);
    expect(sentBack).toContain("AssertionError: 5 !== -1");
    expect(copy.ran).toEqual([
      { kind: "shell", line: "node --test" },
      { kind: "shell", line: "node --test" },
    ]);
  });

  it("keeps a planted secret of the output out of every prompt", async () => {
    const model = new ToolModel([{ content: create(BUGGY) }, { content: create(FIXED) }]);

    await runCoder(model, { ...coderInput, tools: toolsWith(new FakeCopy()) });

    expect(everyText(model)).not.toContain(PLANTED);
    expect(everyText(model)).toContain("[REDACTED");
  });

  it("runs a check itself with `run`, and a check that passed on the same files is not run again", async () => {
    const copy = new FakeCopy();
    const model = new ToolModel([
      { calls: [{ name: "create", arguments: { path: "src/sub.js", content: FIXED } }] },
      { calls: [{ name: "run", arguments: { check: "test" } }] },
      { content: { summary: "sub", edits: [] } },
    ]);

    const result = await runCoder(model, { ...coderInput, tools: toolsWith(copy) });

    expect(latestResults(model.requests[2])[0]).toMatch(/^`test` passed \(exit code 0, 0\.8 s\) on your edits; 3 runs left/);
    expect(result.ok && result.value.checks.map((check) => check.outcome)).toEqual(["passed"]);
    expect(copy.ran).toHaveLength(1);
  });

  it("runs an allowed command line as words, and refuses one the repository does not allow", async () => {
    const copy = new FakeCopy();
    const model = new ToolModel([
      { calls: [{ name: "run", arguments: { command: "node --test test/sub.test.js" } }] },
      { calls: [{ name: "run", arguments: { command: "curl https://example.com" } }] },
      { calls: [{ name: "run", arguments: { command: "node --test test/sub.test.js && curl x" } }] },
      { content: create(FIXED) },
    ]);

    await runCoder(model, { ...coderInput, tools: toolsWith(copy) });

    expect(copy.ran[0]).toEqual({ kind: "argv", argv: ["node", "--test", "test/sub.test.js"] });
    expect(latestResults(model.requests[2])[0]).toContain("this command line is not allowed");
    expect(latestResults(model.requests[3])[0]).toContain("`&&` is not allowed");
    expect(copy.ran).toHaveLength(2);
  });

  it("hands its work to CI as it is once its runs are spent, saying the checks failed", async () => {
    const model = new ToolModel([{ content: create(BUGGY) }]);

    const result = await runCoder(model, { ...coderInput, tools: toolsWith(new FakeCopy(), 1) });

    expect(result.ok && result.value.changes).toEqual([{ path: "src/sub.js", content: BUGGY }]);
    expect(result.ok && result.value.checks.map((check) => check.outcome)).toEqual(["failed"]);
    expect(model.unused).toBe(0);
  });

  it("is told about `run` and its budget in its system prompt", async () => {
    const model = new ToolModel([{ content: create(FIXED) }]);

    await runCoder(model, { ...coderInput, tools: toolsWith(new FakeCopy(), 3) });

    expect(model.requests[0]?.messages[0]?.content).toContain("The repository declares checks you can run on your changes: `test`.");
    expect(model.requests[0]?.messages[0]?.content).toContain("(3 in all)");
  });
});

describe("the debugger with local checks", () => {
  const files = { "src/sub.js": BUGGY };
  const fix = (content: string) => ({
    classification: "implementation_bug",
    diagnosis: "sub adds",
    edits: [{ path: "src/sub.js", action: "create", content }],
  });

  it("sees the failure reproduced locally before it answers, and its fix is confirmed before it is pushed", async () => {
    const copy = new FakeCopy();
    const model = new ToolModel([{ content: fix(BUGGY.replace("+", "*")) }, { content: fix(FIXED) }]);

    const result = await runDebugger(model, { ...debuggerInput, files, tools: toolsWith(copy, 4, files) });

    const user = model.requests[0]?.messages[1]?.content ?? "";
    expect(user).toContain("## The repository's checks run locally on this commit, before your fix");
    expect(user).toContain("The failure shows locally");
    expect(model.requests[1]?.messages.at(-1)?.content).toContain(LOCAL_CHECKS_FAILED);
    expect(result.ok && result.value.changes).toEqual([{ path: "src/sub.js", content: FIXED }]);
    expect(result.ok && result.value.checks.map((check) => check.outcome)).toEqual(["passed"]);
    expect(copy.ran).toHaveLength(3);
  });

  it("is not sent back for a decision that commits nothing", async () => {
    const model = new ToolModel([{ content: { classification: "flaky", diagnosis: "a timing test", edits: [] } }]);

    const result = await runDebugger(model, { ...debuggerInput, files, tools: toolsWith(new FakeCopy(), 4, files) });

    expect(result.ok && result.value.verdict.classification).toBe("flaky");
    expect(model.requests).toHaveLength(1);
  });
});
