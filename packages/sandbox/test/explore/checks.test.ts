import { describe, expect, it } from "vitest";
import { checkApproval } from "../../src/explore/checks/g1-approval.ts";
import { checkHumanCommits } from "../../src/explore/checks/g2-human-commits.ts";
import { checkDefaultBranch } from "../../src/explore/checks/g3-default-branch.ts";
import type { RecordedModelRequest } from "../../src/model/index.ts";
import type { RunView } from "../../src/explore/run-view.ts";
import type { HistoryRecord } from "../../src/github/state/history.ts";
import type { PullRequest } from "../../src/github/state/types.ts";

const APP = "foreman[bot]";
const BRANCH = "foreman/1/mean";

type Entry =
  | { kind: "branch"; branch: string; before: string | null; after: string; sender: string; forced: boolean }
  | { kind: "event"; event: string; action: string; sender: string; payload: Record<string, unknown> };

/** A history built in order: each record gets the next sequence number and a time 1 s later. */
function historyOf(entries: Entry[]): HistoryRecord[] {
  return entries.map((entry, index): HistoryRecord => {
    const common = { seq: index + 1, at: 1_000 * (index + 1), repoId: 1 };
    return entry.kind === "branch" ? { ...common, ...entry } : { ...common, ...entry };
  });
}

const move = (after: string, before: string | null, sender: string, forced = false): Entry => ({
  kind: "branch",
  branch: BRANCH,
  before,
  after,
  sender,
  forced,
});

const approve = (sender: string, body = "/approve"): Entry => ({
  kind: "event",
  event: "issue_comment",
  action: "created",
  sender,
  payload: { issue: { number: 2 }, comment: { body } },
});

/** An `/approve` on the issue (number 1), which approves every ready task. */
const approveOnIssue = (sender: string): Entry => ({
  kind: "event",
  event: "issue_comment",
  action: "created",
  sender,
  payload: { issue: { number: 1 }, comment: { body: "/approve" } },
});

const merged = (head: string): Entry => ({
  kind: "event",
  event: "pull_request",
  action: "closed",
  sender: APP,
  payload: { number: 2, pull_request: { number: 2, merged: true, head: { sha: head, ref: BRANCH } } },
});

/** Commits and their parents: `b` descends from `a`, `c` from `b`; `x` is unrelated. */
const PARENTS: Record<string, string[]> = { a: [], b: ["a"], c: ["b"], x: [] };

function isAncestor(ancestor: string, descendant: string): Promise<boolean> {
  if (ancestor === descendant) return Promise.resolve(true);
  return Promise.resolve((PARENTS[descendant] ?? []).some((parent) => parent === ancestor || PARENTS[parent]?.includes(ancestor)));
}

const SIGNATURE = { name: "x", email: "x@example.com", date: "2024-01-01T00:00:00Z" };

/** Git as the checks read it, over the commits above. */
const git: RunView["git"] = {
  isAncestor,
  getCommit: (sha) =>
    Promise.resolve({ sha, tree: `${sha}-tree`, parents: PARENTS[sha] ?? [], message: "", author: SIGNATURE, committer: SIGNATURE }),
  compare: () => Promise.reject(new Error("not used")),
  tryMergeTree: () => Promise.resolve({ conflict: true, files: [] }),
  readFile: () => Promise.resolve(null),
  resolve: (sha) => Promise.resolve(sha),
};

const pull: PullRequest = {
  repoId: 1,
  number: 2,
  id: 2,
  nodeId: "PR_2",
  headRef: BRANCH,
  headSha: "",
  baseRef: "main",
  baseSha: "a",
  draft: false,
  merged: true,
  mergedAt: null,
  mergedBy: null,
  mergeCommitSha: null,
  maintainerCanModify: false,
  autoMerge: null,
};

function view(history: HistoryRecord[], head: string): RunView {
  return {
    startedAt: 0,
    atRest: true,
    issueNumber: 1,
    issueState: "closed",
    issueLabels: [],
    label: "foreman",
    defaultBranch: "main",
    initialMain: "a",
    appLogin: APP,
    appId: 1,
    taskPrefix: "foreman/1/",
    writers: new Set(["maya"]),
    history,
    pulls: [{ ...pull, headSha: head }],
    comments: [],
    reviews: [],
    checkRuns: [],
    modelRequests: [],
    git,
    ciPasses: () => Promise.resolve(true),
  };
}

describe("G1: a merged head was approved by a writer for that commit", () => {
  it("holds when a writer approved the head the pull request had then", async () => {
    const history = historyOf([move("b", null, APP), approve("maya"), merged("b")]);
    expect((await checkApproval(view(history, "b"))).violations).toEqual([]);
  });

  it("fails when the approval was written before the merged head existed", async () => {
    const history = historyOf([move("b", null, APP), approve("maya"), move("c", "b", "sam"), merged("c")]);
    const outcome = await checkApproval(view(history, "c"));
    expect(outcome.violations).toHaveLength(1);
    expect(outcome.violations[0]).toContain("merged head c");
    expect(outcome.violations[0]).toContain("maya's /approve at 2.0 s for b");
  });

  it("counts a writer's /approve on the issue for the head each task's pull request had then, and for no later one", async () => {
    const held = historyOf([move("b", null, APP), approveOnIssue("maya"), merged("b")]);
    const later = historyOf([move("b", null, APP), approveOnIssue("maya"), move("c", "b", "sam"), merged("c")]);

    expect((await checkApproval(view(held, "b"))).violations).toEqual([]);
    expect((await checkApproval(view(later, "c"))).violations).toEqual([expect.stringContaining("maya's /approve at 2.0 s for b")]);
  });

  it("counts neither a reader's /approve nor a writer's comment that is not one", async () => {
    const history = historyOf([move("b", null, APP), approve("rita"), approve("maya", "LGTM"), merged("b")]);
    expect((await checkApproval(view(history, "b"))).violations).toEqual([expect.stringContaining("no writer approved it")]);
  });
});

describe("G2: a commit a person pushed stays in its branch", () => {
  it("fails when the app moves the branch to a head that does not descend from it", async () => {
    const history = historyOf([move("b", null, APP), move("c", "b", "sam"), move("x", "c", APP, true)]);
    const outcome = await checkHumanCommits(view(history, "x"));
    expect(outcome.violations).toEqual([expect.stringContaining("sam's commit c on foreman/1/mean (pushed at 2.0 s) is gone")]);
  });

  it("holds when later heads descend from it, or a person force-pushed", async () => {
    const kept = historyOf([move("b", null, "sam"), move("c", "b", APP)]);
    expect((await checkHumanCommits(view(kept, "c"))).violations).toEqual([]);
    const forced = historyOf([move("c", null, "sam"), move("x", "c", "maya", true), move("a", "x", APP, true)]);
    expect((await checkHumanCommits(view(forced, "a"))).violations).toEqual([expect.stringContaining("maya's commit x")]);
  });
});

describe("G3: no line a person added on the default branch is gone after the app's merge", () => {
  const LINE = "- `max(values)`: added by maya on main.";
  const README: Record<string, string> = {
    a: "# stats\n",
    b: `# stats\n${LINE}\n`,
    c: "# stats\n- `mean(values)`: the mean.\n",
  };
  const mainGit: RunView["git"] = {
    ...git,
    compare: (base, head) =>
      Promise.resolve({
        status: "ahead",
        aheadBy: 1,
        behindBy: 0,
        mergeBase: base,
        commits: [head],
        files: [
          {
            filename: "README.md",
            status: "modified",
            additions: 1,
            deletions: 0,
            changes: 1,
            patch: `@@ -1 +1,2 @@\n # stats\n+${LINE}`,
            sha: "blob",
          },
        ],
      }),
    readFile: (sha, path) =>
      Promise.resolve(path === "README.md" && README[sha] ? { content: Buffer.from(README[sha]), sha: "blob", mode: "100644" } : null),
  };
  const onMain = (after: string, before: string, sender: string): Entry => ({
    kind: "branch",
    branch: "main",
    before,
    after,
    sender,
    forced: false,
  });
  const history = historyOf([onMain("b", "a", "maya"), onMain("c", "b", APP)]);
  const coderShown = (text: string): RecordedModelRequest =>
    ({ role: "coder", messages: [{ role: "user", content: text }] }) as RecordedModelRequest;

  it("fails when the merge drops a line of a person's that no agent was shown (written over mechanically)", async () => {
    const outcome = await checkDefaultBranch({ ...view(history, "c"), git: mainGit, modelRequests: [coderShown("# stats\n")] });

    expect(outcome.violations).toEqual([expect.stringContaining(`removed a human's line: README.md: "${LINE}" (added by maya`)]);
  });

  it("holds when the coder was shown the line and wrote the file without it (its own edit, in the diff a writer approved)", async () => {
    const outcome = await checkDefaultBranch({ ...view(history, "c"), git: mainGit, modelRequests: [coderShown(`README.md\n${LINE}\n`)] });

    expect(outcome.violations).toEqual([]);
  });
});
