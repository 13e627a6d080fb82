import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { WorkflowState } from "../../../src/engine/types.ts";
import type { ChecksPort, WorkingCopy } from "../../../src/ports/checks.ts";
import type { RepoGitHub } from "../../../src/ports/github.ts";
import { WorkspaceError, type RepoWorkspace, type WorkspacePort, type WorkspaceRepo } from "../../../src/ports/workspace.ts";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";
import type { WorkerDeps } from "../../../src/worker/deps.ts";
import { repoView } from "../../../src/worker/repo-view.ts";
import { MemoryRevision } from "../agents/tools/memory-revision.ts";
import { config, planned, planOf } from "../engine/engine-fixtures.ts";

const SHA = "c".repeat(40);
const FILES = { "AGENTS.md": "Use tabs.\n", "src/a.ts": "export const a = 1;\n", "src/b.ts": "export const b = 2;\n" };

/** GitHub's reads of files, recorded; any other port method throws. */
function github(): { port: RepoGitHub; calls: string[] } {
  const calls: string[] = [];
  const reads: Partial<RepoGitHub> = {
    listFiles: (ref) => {
      calls.push(`listFiles ${ref}`);
      return Promise.resolve(Object.keys(FILES));
    },
    readFiles: (ref, paths) => {
      calls.push(`readFiles ${ref} ${paths.join(",")}`);
      return Promise.resolve(Object.fromEntries(paths.map((path) => [path, FILES[path as keyof typeof FILES] ?? null])));
    },
  };
  const port = new Proxy(reads as RepoGitHub, {
    get(target, name) {
      const method: unknown = Reflect.get(target, name);
      if (method === undefined && name !== "then" && typeof name === "string") throw new Error(`no ${name} in this test`);
      return method;
    },
  });
  return { port, calls };
}

/** A workspace that gives a revision of FILES (or fails), recording what it was asked and the tokens it got. */
function workspace(fail = false): { port: WorkspacePort; asked: string[] } {
  const asked: string[] = [];
  const port: WorkspacePort = {
    forRepo: async (ref: WorkspaceRepo, token: () => Promise<string>): Promise<RepoWorkspace> => {
      asked.push(`${ref.owner}/${ref.repo}@${ref.installationId} with ${await token()}`);
      return {
        at: (sha) => {
          asked.push(`at ${sha}`);
          return fail
            ? Promise.reject(new WorkspaceError("fetch", "fetch", "Acme/Calculator", "down"))
            : Promise.resolve(new MemoryRevision(FILES, sha));
        },
        checkout: () => Promise.reject(new Error("no checkout in this test")),
      };
    },
  };
  return { port, asked };
}

function deps(workspacePort?: WorkspacePort): WorkerDeps {
  return {
    store: new SqliteStore(":memory:"),
    github: {
      installations: () => Promise.resolve([1]),
      repositories: () => Promise.resolve([]),
      forRepo: () => Promise.reject(new Error("unused")),
    },
    model: { complete: () => Promise.reject(new Error("no model in this test")) },
    log: pino({ level: "silent" }),
    now: () => 0,
    botLogin: "foreman[bot]",
    modelFor: () => "m",
    ...(workspacePort ? { workspace: workspacePort, installationToken: (id: number) => Promise.resolve(`token-${id}`) } : {}),
  };
}

function state(agents: Record<string, unknown> = {}, used = 0): WorkflowState {
  const planState = planned(planOf({ id: "a" }), config({ agents, limits: { tokensPerIssue: 10_000 } })).state;
  return { ...planState, usage: { ...planState.usage, promptTokens: used, completionTokens: 0 } };
}

describe("repoView", () => {
  it("with tools, reads the commit from the workspace with the installation's token, and asks GitHub for nothing", async () => {
    const hub = github();
    const local = workspace();

    const view = await repoView(deps(local.port), hub.port, state({ contextTokens: 5000, coder: { maxTurns: 7 } }, 4_000), "coder", SHA);

    expect(await view.tree()).toEqual(["AGENTS.md", "src/a.ts", "src/b.ts"]);
    expect(await view.read(["src/a.ts", "src/z.ts"])).toEqual({
      files: { "src/a.ts": "export const a = 1;\n", "src/z.ts": null },
      guidance: { "AGENTS.md": "Use tabs.\n", "CLAUDE.md": null, ".github/copilot-instructions.md": null },
    });
    expect(view.tools?.revision.sha).toBe(SHA);
    expect(view.tools?.limits).toEqual({ maxTurns: 7, contextChars: 20_000, tokenBudget: 6_000 });
    expect(local.asked).toEqual(["Acme/Calculator@1 with token-1", `at ${SHA}`]);
    expect(hub.calls).toEqual([]);
  });

  it("lays changes over the commit, for the tools and the reads", async () => {
    const view = await repoView(deps(workspace().port), github().port, state(), "coder", SHA, [{ path: "src/a.ts", content: "merged\n" }]);

    expect((await view.read(["src/a.ts"])).files).toEqual({ "src/a.ts": "merged\n" });
    expect((await view.tools?.revision.readFile("src/a.ts"))?.content).toBe("merged\n");
  });

  it.each([
    ["tools are off for the repository", { tools: false }],
    ["tools are off for the role", { reviewer: { tools: false } }],
  ])("reads through GitHub as before tools when %s, the guidance in the same read", async (_why, agents) => {
    const hub = github();
    const local = workspace();

    const view = await repoView(deps(local.port), hub.port, state(agents), "reviewer", SHA);

    expect(view.tools).toBeUndefined();
    expect((await view.read(["src/b.ts"])).guidance["AGENTS.md"]).toBe("Use tabs.\n");
    expect(hub.calls).toEqual([`readFiles ${SHA} src/b.ts,AGENTS.md,CLAUDE.md,.github/copilot-instructions.md`]);
    expect(local.asked).toEqual([]);
  });

  it("works without tools when the workspace cannot give the commit", async () => {
    const hub = github();

    const view = await repoView(deps(workspace(true).port), hub.port, state(), "coder", SHA);

    expect(view.tools).toBeUndefined();
    expect(await view.tree()).toEqual(Object.keys(FILES));
    expect(hub.calls).toEqual([`listFiles ${SHA}`]);
  });

  it("works without tools when the app has no workspace", async () => {
    const view = await repoView(deps(), github().port, state(), "planner", SHA);

    expect(view.tools).toBeUndefined();
  });
});

describe("repoView with local checks", () => {
  const CHECKS = { commands: { test: "npm test" } };

  /** A checks port whose working copies are counted; `available` says whether the host can run them. */
  function checksPort(available: boolean): { port: ChecksPort; opened: string[]; closed: string[] } {
    const opened: string[] = [];
    const closed: string[] = [];
    const port: ChecksPort = {
      availability: () => (available ? { available: true, sandboxed: true } : { available: false, reason: "bubblewrap is missing" }),
      open: (_repo, _token, sha) => {
        opened.push(sha);
        const copy: WorkingCopy = {
          sha,
          setup: null,
          write: () => Promise.resolve(),
          run: () => Promise.resolve({ end: "exited", exitCode: 0, output: "", truncated: false, durationMs: 1 }),
          close: () => {
            closed.push(sha);
            return Promise.resolve();
          },
        };
        return Promise.resolve(copy);
      },
    };
    return { port, opened, closed };
  }

  function checkedState(checks: Record<string, unknown>, agents: Record<string, unknown> = {}): WorkflowState {
    const planState = planned(planOf({ id: "a" }), config({ checks, agents })).state;
    return planState;
  }

  it("gives the coder the repository's checks on a working copy at the commit, closed with the view", async () => {
    const checks = checksPort(true);
    const view = await repoView({ ...deps(workspace().port), checks: checks.port }, github().port, checkedState(CHECKS), "coder", SHA, [], {
      checks: true,
    });

    expect(view.tools?.checks?.names).toEqual(["test"]);
    expect(checks.opened).toEqual([SHA]);
    await view.close();
    expect(checks.closed).toEqual([SHA]);
  });

  it.each([
    ["the repository declares no checks", {}, {}, true],
    ["the host cannot run them", CHECKS, {}, false],
    ["the role may run none", CHECKS, { coder: { maxCheckRuns: 0 } }, true],
  ])("opens no working copy when %s", async (_why, declared, agents, available) => {
    const checks = checksPort(available);
    const view = await repoView(
      { ...deps(workspace().port), checks: checks.port },
      github().port,
      checkedState(declared, agents),
      "coder",
      SHA,
      [],
      { checks: true },
    );

    expect(view.tools?.checks).toBeUndefined();
    expect(checks.opened).toEqual([]);
  });
});
