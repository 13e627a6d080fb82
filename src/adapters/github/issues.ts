import type { CommentInfo, IssueInfo, LabelEvent } from "../../ports/github-types.ts";
import { isAppLogin } from "../../ports/github-types.ts";
import { commentMarker, hasCommentMarker } from "./comment-marker.ts";
import { toCommentInfo, toIssueInfo } from "./mappers.ts";
import type { Octokit, Target } from "./octokit.ts";

export async function getIssue(octokit: Octokit, target: Target, number: number): Promise<IssueInfo> {
  const { data } = await octokit.rest.issues.get({ ...target, issue_number: number });
  return toIssueInfo(data);
}

/** Open issues with the label; GitHub lists pull requests as issues too, and those are left out. */
export async function openIssuesWithLabel(octokit: Octokit, target: Target, label: string): Promise<IssueInfo[]> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...target, state: "open", labels: label, per_page: 100 });
  return issues.filter((issue) => issue.pull_request === undefined).map((issue) => toIssueInfo(issue));
}

/** Who added the label last, from the issue's events; label names compare case-insensitively as on GitHub. */
export async function labeledBy(octokit: Octokit, target: Target, issue: number, label: string): Promise<LabelEvent | null> {
  const events = await octokit.paginate(octokit.rest.issues.listEvents, { ...target, issue_number: issue, per_page: 100 });
  const labeled = events.filter(
    (event) => event.event === "labeled" && "label" in event && event.label.name.toLowerCase() === label.toLowerCase(),
  );
  const last = labeled.at(-1);
  return last?.actor ? { by: { login: last.actor.login, type: last.actor.type }, at: Date.parse(last.created_at) } : null;
}

export async function listComments(octokit: Octokit, target: Target, issue: number): Promise<CommentInfo[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...target, issue_number: issue, per_page: 100 });
  return comments.map((comment) => toCommentInfo(comment));
}

const EDITED_QUERY = `query Edited($ids: [ID!]!) {
  nodes(ids: $ids) { ... on IssueComment { id lastEditedAt } }
}`;

/** Which of the comments (node ids) were ever edited: GraphQL's `lastEditedAt`, 100 ids a query. */
export async function editedComments(octokit: Octokit, nodeIds: readonly string[]): Promise<Set<string>> {
  const edited = new Set<string>();
  for (let from = 0; from < nodeIds.length; from += 100) {
    const ids = nodeIds.slice(from, from + 100);
    const answer = await octokit.graphql<{ nodes: Array<{ id?: string; lastEditedAt?: string | null } | null> }>(EDITED_QUERY, { ids });
    for (const node of answer.nodes) if (node?.id && node.lastEditedAt) edited.add(node.id);
  }
  return edited;
}

/** The app's own comment with the marker for `key`: a comment by anyone else is never taken for it. */
async function findComment(octokit: Octokit, target: Target, issue: number, key: string, appLogin: string): Promise<number | null> {
  const comments = await listComments(octokit, target, issue);
  return comments.find((comment) => isAppLogin(comment.author, appLogin) && hasCommentMarker(comment.body, key))?.id ?? null;
}

export interface UpsertCommentInput {
  issue: number;
  key: string;
  body: string;
  knownId?: number | null;
}

/** Updates the app's comment for `key` (by its known id, else found by its marker), or creates it. */
export async function upsertComment(
  octokit: Octokit,
  target: Target,
  input: UpsertCommentInput,
  appLogin: string,
): Promise<{ id: number }> {
  const body = `${input.body}\n\n${commentMarker(input.key)}`;
  const id = input.knownId ?? (await findComment(octokit, target, input.issue, input.key, appLogin));
  if (id) {
    await octokit.rest.issues.updateComment({ ...target, comment_id: id, body });
    return { id };
  }
  const { data } = await octokit.rest.issues.createComment({ ...target, issue_number: input.issue, body });
  return { id: data.id };
}
