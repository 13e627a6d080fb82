import { describe, expect, it } from "vitest";
import { decide } from "../../../src/engine/decide.ts";
import { KEPT_DIAGNOSES, KEPT_DIAGNOSIS_CHARS } from "../../../src/engine/diagnoses.ts";
import type { DebugOutcome, EngineEvent } from "../../../src/engine/events.ts";
import { readWorkflowState, WORKFLOW_STATE_VERSION } from "../../../src/engine/stored-state.ts";
import type { WorkflowState } from "../../../src/engine/types.ts";
import type { Task } from "../../../src/plan/index.ts";
import { config, executing, NOW, ofType, planOf, published, red, run, shaOf, step, taskOf, USAGE } from "./engine-fixtures.ts";

type Files = Task["files"];

const debugged = (outcome: DebugOutcome, signature = "sig-1", sha = shaOf("a")): EngineEvent => ({
  type: "debug_done",
  taskId: "a",
  sha,
  outcome,
  signature,
  excerpt: "Error: src/index.js does not export mean",
  usage: USAGE,
});
const mismatch: DebugOutcome = { kind: "spec_mismatch", diagnosis: "The change also needs src/index.js, which the task does not list." };
const amended = (files: Files, sha = shaOf("a")): EngineEvent => ({
  type: "files_amended",
  taskId: "a",
  sha,
  diagnosis: mismatch.kind === "spec_mismatch" ? mismatch.diagnosis : "",
  outcome: { kind: "amended", files, reason: "The export belongs in src/index.js." },
  usage: USAGE,
});
const modify = (...paths: string[]): Files => paths.map((path) => ({ path, action: "modify" as const }));

/** Task `a` (and `b`, running beside it) with `a`'s CI red and the debugger's spec mismatch applied. */
function amending(repoConfig = config(), others: Array<{ id: string; files: string[] }> = []): WorkflowState {
  const plan = planOf({ id: "a", files: ["src/a.js"] }, ...others);
  const started = run(executing(plan, repoConfig).state, [
    published("a"),
    ...others.map((other, index) => published(other.id, 20 + index)),
    red("a"),
  ]).state;
  return step(started, debugged(mismatch)).state;
}

describe("decide: the planner amends a task's files after a spec mismatch", () => {
  it("puts the new list in the plan, notes it, and starts a fresh attempt with the diagnosis", () => {
    const decision = step(amending(), amended([...modify("src/a.js", "src/index.js")]));

    const task = taskOf(decision.state, "a");
    expect(task).toMatchObject({ status: "coding", attempts: 2 });
    expect(task.retryContext).toContain("The change also needs src/index.js");
    expect(task.retryContext).toContain("modify src/index.js");
    expect(decision.state.plan?.tasks.find((planned) => planned.id === "a")?.files).toEqual(modify("src/a.js", "src/index.js"));
    expect(decision.state.planNotes.at(-1)).toContain("`src/index.js`");
    expect(ofType(decision.effects, "start_task")).toEqual([{ type: "start_task", taskId: "a" }]);
    expect(decision.state.usage.modelCalls).toBe(amending().usage.modelCalls + 1);
  });

  it("asks a human, naming the task and the file, when the new list names a file a running task writes", () => {
    const state = amending(config(), [{ id: "b", files: ["src/index.js"] }]);

    const decision = step(state, amended(modify("src/a.js", "src/index.js")));

    expect(taskOf(decision.state, "a")).toMatchObject({ status: "needs_human", attempts: 1 });
    expect(taskOf(decision.state, "a").failure).toMatch(/names files that other running tasks write: `src\/index\.js` \(task `b`\)/);
    expect(decision.state.plan?.tasks.find((planned) => planned.id === "a")?.files).toEqual(modify("src/a.js"));
    expect(ofType(decision.effects, "start_task")).toEqual([]);
    expect(ofType(decision.effects, "label")).toEqual([{ type: "label", add: ["foreman:needs-human"], remove: [] }]);
    expect(ofType(decision.effects, "comment")[0]?.body).toContain("The debugger found that the task cannot pass as specified");
  });

  it("takes a file of a task that is not running: merged, or not started yet", () => {
    const plan = planOf(
      { id: "done", files: ["src/index.js"] },
      { id: "a", files: ["src/a.js"], dependsOn: ["done"] },
      { id: "later", files: ["src/later.js"], dependsOn: ["a"] },
    );
    const merged = run(executing(plan).state, [
      published("done"),
      { type: "ci_completed", taskId: "done", sha: shaOf("done"), conclusion: "success", summary: "ok" },
      { type: "approve_task", taskId: "done", by: "maya", sha: shaOf("done"), permission: "admin" },
      { type: "task_merged", taskId: "done", sha: shaOf("done") },
      published("a"),
      red("a"),
      debugged(mismatch),
    ]).state;

    const decision = step(merged, amended(modify("src/a.js", "src/index.js", "src/later.js")));

    expect(decision.state.tasks["later"]).toBeUndefined();
    expect(taskOf(decision.state, "a").status).toBe("coding");
  });

  it("refuses a list over `limits.filesPerTask`, naming the limit", () => {
    const state = amending(config({ limits: { filesPerTask: 2 } }));

    const decision = step(state, amended(modify("src/a.js", "src/b.js", "src/c.js")));

    expect(taskOf(decision.state, "a").status).toBe("needs_human");
    expect(taskOf(decision.state, "a").failure).toContain("at most 2 are allowed (`limits.filesPerTask`)");
  });

  it("refuses a protected path, built-in or the repository's, and a path outside the repository", () => {
    const state = amending(config({ protectedPaths: ["infra/**"] }));

    const decision = step(state, amended(modify("src/a.js", ".github/workflows/ci.yml", "infra/deploy.sh", "../x.js")));

    const failure = taskOf(decision.state, "a").failure ?? "";
    expect(taskOf(decision.state, "a").status).toBe("needs_human");
    expect(failure).toContain("`.github/workflows/ci.yml` is protected");
    expect(failure).toContain("`infra/deploy.sh` is protected");
    expect(failure).toContain("`../x.js`: leaves the repository");
  });

  it("asks a human when the planner gave no usable list, with its problems", () => {
    const failed: EngineEvent = {
      type: "files_amended",
      taskId: "a",
      sha: shaOf("a"),
      diagnosis: "needs src/index.js",
      outcome: { kind: "failed", reason: "the answer was not JSON" },
      usage: USAGE,
    };

    const decision = step(amending(), failed);

    expect(taskOf(decision.state, "a").status).toBe("needs_human");
    expect(taskOf(decision.state, "a").failure).toContain("The planner could not give the task a new file list");
    expect(taskOf(decision.state, "a").failure).toContain("the answer was not JSON");
  });

  it("ignores a list for a head that is no longer the task's, or a task not waiting for one", () => {
    const state = amending();
    // Someone re-ran CI and it passed while the planner was asked: the task moved on.
    const rerunGreen = step(state, { type: "ci_completed", taskId: "a", sha: shaOf("a"), conclusion: "success", summary: "ok" }).state;

    expect(taskOf(rerunGreen, "a").status).toBe("ready");
    expect(decide(state, amended(modify("src/a.js"), shaOf("a", 9)), NOW)?.ignored).toBe(
      "new files for a task that is not waiting for them",
    );
    expect(decide(rerunGreen, amended(modify("src/a.js")), NOW)?.ignored).toBe("new files for a task that is not waiting for them");
  });
});

describe("decide: the debugger's earlier diagnoses", () => {
  const single = planOf({ id: "a" });
  const manyFixes = config({ qa: { maxFixAttempts: 10, maxFixAttemptsPerIssue: 10 } });
  const redTask = (): WorkflowState => run(executing(single, manyFixes).state, [published("a"), red("a")]).state;

  it("are kept with their classifications, redacted and shortened, only the last few", () => {
    const token = `ghp_${"a1B2c3D4e5".repeat(4)}`;
    let state = redTask();
    for (let push = 2; push <= KEPT_DIAGNOSES + 2; push += 1) {
      const outcome: DebugOutcome = {
        kind: "fixed",
        classification: "implementation_bug",
        diagnosis: push === KEPT_DIAGNOSES + 2 ? `token ${token} ${"x".repeat(2_000)}` : `fix ${push}`,
        commitSha: shaOf("a", push),
      };
      state = step(state, debugged(outcome, `sig-${push}`, shaOf("a", push - 1))).state;
      state = step(state, red("a", shaOf("a", push))).state;
    }

    const kept = taskOf(state, "a").diagnoses;
    expect(kept).toHaveLength(KEPT_DIAGNOSES);
    expect(kept.slice(0, -1)).toEqual([
      { classification: "implementation_bug", diagnosis: "fix 3" },
      { classification: "implementation_bug", diagnosis: "fix 4" },
    ]);
    expect(kept.at(-1)?.diagnosis).not.toContain(token);
    expect(kept.at(-1)?.diagnosis).toContain("[REDACTED");
    expect(kept.at(-1)?.diagnosis.length).toBe(KEPT_DIAGNOSIS_CHARS);
    expect(taskOf(state, "a").classifications).toHaveLength(KEPT_DIAGNOSES + 1);
  });

  it("start empty on a task stored at state version 3, before they were kept", () => {
    const state = redTask();
    const task = taskOf(state, "a");
    const { diagnoses: _diagnoses, ciResult: _ciResult, ...v3Task } = task;
    const v3 = { ...state, tasks: { a: v3Task } };

    const read = readWorkflowState(JSON.parse(JSON.stringify(v3)), 3, "workflow acme/calculator#7");

    expect(WORKFLOW_STATE_VERSION).toBe(6);
    expect(taskOf(read, "a")).toEqual({ ...task, diagnoses: [], ciResult: null });
  });
});
