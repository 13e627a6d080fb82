import type { DifferenceKind } from "./compare.ts";

/** A way the sandbox answers differently from a recorded github.com session, and why that is acceptable. */
export interface AcceptedDifference {
  /** The operation it occurs on; `*` for any. */
  operationId: string;
  at: string;
  kind: DifferenceKind;
  reason: string;
}

/** Fields GitHub added after the sessions were recorded (2022); today's description of the operation has them. */
function addedSinceRecording(operationId: string, pointers: string[]): AcceptedDifference[] {
  return pointers.map((at) => ({
    operationId,
    at,
    kind: "extra key",
    reason:
      "GitHub added this field after the recording; the sandbox answers with today's fields, as GitHub's current description lists them",
  }));
}

/**
 * Every difference the replay finds that is not a defect of the sandbox. The test fails on any
 * other difference, and on an entry here that no longer matches one (so the list stays true).
 */
export const ACCEPTED_DIFFERENCES: AcceptedDifference[] = [
  {
    operationId: "*",
    at: "/status",
    kind: "extra key",
    reason:
      "GitHub's error bodies carry `status` (the code as a string) since after these recordings; the sandbox answers as GitHub does today",
  },
  ...addedSinceRecording("repos/get", [
    "/has_discussions",
    "/custom_properties",
    "/squash_merge_commit_title",
    "/squash_merge_commit_message",
    "/merge_commit_title",
    "/merge_commit_message",
  ]),
  {
    operationId: "repos/get",
    at: "/topics",
    kind: "length",
    reason: "the recorded repository had three topics; the sandbox has no topics, so its repositories list none",
  },
  {
    operationId: "repos/get",
    at: "/temp_clone_token",
    kind: "missing key",
    reason:
      "GitHub gives callers who may push a temporary clone token; the sandbox serves git over HTTP with the caller's own token and has none to give (the field is optional in GitHub's description)",
  },
  {
    operationId: "issues/list-for-repo",
    at: "link (path form)",
    kind: "header",
    reason:
      "the sandbox's page links keep the path the request used (here /repos/{owner}/{repo}); GitHub rewrites it to /repositories/{id}. The pages linked are the same and the sandbox serves both forms",
  },
  ...addedSinceRecording("repos/update-branch-protection", [
    "/lock_branch",
    "/allow_fork_syncing",
    "/required_pull_request_reviews/require_last_push_approval",
  ]),
  ...["/restrictions", "/required_pull_request_reviews/dismissal_restrictions"].map((at): AcceptedDifference => ({
    operationId: "repos/update-branch-protection",
    at,
    kind: "missing key",
    reason:
      "the sandbox does not model who may push to a protected branch or who may dismiss reviews (users, teams, apps), so it reports neither; Foreman reads neither",
  })),
];

/** Recorded requests the sandbox serves but that are not replayed, keyed `scenario#index`, with the reason. */
export const NOT_REPLAYED: Record<string, string> = {
  "rename-repository#1":
    "the sandbox has no repository renames (it does not serve repos/update), so it cannot answer a repository's old name with GitHub's 301 to /repositories/{id}; the request after it, to that address, is replayed",
};
