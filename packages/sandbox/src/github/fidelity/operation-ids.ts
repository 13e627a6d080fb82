/**
 * GitHub REST operations the sandbox implements. Their full description (parameters, request
 * body, responses) is extracted into `openapi-operations.json` by `npm run openapi:extract`.
 * Every other operation of the description is still known by route, so the sandbox can answer
 * 501 for a real endpoint it does not implement and 404 for a path GitHub does not have.
 */
export const SANDBOX_OPERATION_IDS = [
  "apps/get-authenticated",
  "apps/create-installation-access-token",
  "apps/get-repo-installation",
  "apps/list-installations",
  "apps/get-installation",
  "apps/list-repos-accessible-to-installation",

  "repos/get",
  "repos/get-branch",
  "repos/list-branches",
  "repos/get-content",
  "repos/compare-commits-with-basehead",
  "repos/merge",
  "repos/get-collaborator-permission-level",
  "repos/get-commit",
  "repos/list-pull-requests-associated-with-commit",

  "git/create-blob",
  "git/get-blob",
  "git/create-tree",
  "git/get-tree",
  "git/create-commit",
  "git/get-commit",
  "git/get-ref",
  "git/create-ref",
  "git/update-ref",
  "git/delete-ref",
  "git/list-matching-refs",

  "issues/get",
  "issues/create",
  "issues/update",
  "issues/list-comments",
  "issues/create-comment",
  "issues/update-comment",
  "issues/get-comment",
  "issues/delete-comment",
  "issues/add-labels",
  "issues/remove-label",
  "issues/set-labels",
  "issues/list-labels-on-issue",
  "issues/create-label",
  "issues/get-label",
  "issues/list-events",
  "issues/list-for-repo",

  "reactions/create-for-issue",
  "reactions/create-for-issue-comment",
  "reactions/create-for-pull-request-review-comment",
  "reactions/list-for-issue-comment",

  "pulls/create",
  "pulls/get",
  "pulls/list",
  "pulls/update",
  "pulls/list-files",
  "pulls/merge",
  "pulls/update-branch",
  "pulls/create-review",
  "pulls/list-reviews",
  "pulls/list-review-comments",
  "pulls/create-review-comment",
  "pulls/create-reply-for-review-comment",
  "pulls/list-commits",

  "checks/create",
  "checks/update",
  "checks/get",
  "checks/list-for-ref",
  "checks/list-annotations",
  "checks/list-suites-for-ref",
  "checks/get-suite",
  "checks/rerequest-suite",

  "actions/list-workflow-runs-for-repo",
  "actions/get-workflow-run",
  "actions/list-jobs-for-workflow-run",
  "actions/get-job-for-workflow-run",
  "actions/download-job-logs-for-workflow-run",
  "actions/re-run-workflow-failed-jobs",
  "actions/re-run-job-for-workflow-run",

  "meta/root",
  "rate-limit/get",
] as const;

export type SandboxOperationId = (typeof SANDBOX_OPERATION_IDS)[number];
