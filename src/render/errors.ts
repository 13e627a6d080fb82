/** A value Foreman was asked to write into a marker or a branch name cannot be read back. */
export class InvalidTaskReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidTaskReferenceError";
  }
}
