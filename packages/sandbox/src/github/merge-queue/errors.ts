/** Why the merge queue refused a request; the GraphQL layer answers it as `UNPROCESSABLE`. */
export class EnqueueRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnqueueRejectedError";
  }
}

/** The message GitHub answers `enqueuePullRequest` with when the base branch has no merge queue. */
export const NO_MERGE_QUEUE_MESSAGE = "Base branch does not have a merge queue enabled";
