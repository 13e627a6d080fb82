import type { SandboxCore } from "../core.ts";
import { serializeLabel } from "../serializers/issue.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Account, Issue, Repository } from "../state/types.ts";
import { emitIssueEvent } from "./issues-common.ts";
import { ensureLabel } from "./issues-labels-state.ts";

export interface OpenIssueInput {
  /** The user opening the issue: a login or an account. */
  author: string | Account;
  title: string;
  body?: string | null;
  labels?: string[];
}

/**
 * Opens an issue as a user, as `POST /issues` does: takes the next number (shared with pull
 * requests), creates missing labels, sends `issues.opened` and then one `issues.labeled` per label.
 */
export async function openIssue(core: SandboxCore, repo: Repository, input: OpenIssueInput): Promise<Issue> {
  const { store } = core;
  const author = typeof input.author === "string" ? store.ensureAccount(input.author) : input.author;
  const labels = [...new Set(input.labels ?? [])].map((name) => ensureLabel(core, repo, name));
  const id = store.nextId();
  const now = store.timestamp();
  const issue: Issue = {
    repoId: repo.id,
    number: repo.nextNumber,
    id,
    nodeId: encodeNodeId("I", id),
    title: input.title,
    body: input.body ?? null,
    user: author,
    state: "open",
    stateReason: null,
    labels: labels.map((label) => label.name),
    locked: false,
    isPullRequest: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    reactions: [],
  };
  repo.nextNumber += 1;
  store.saveIssue(issue);
  await emitIssueEvent(core, repo, issue, author, "opened");
  for (const label of labels) {
    await emitIssueEvent(core, repo, issue, author, "labeled", { label: serializeLabel(core.urls, repo, label) });
  }
  return issue;
}
