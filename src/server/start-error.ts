/**
 * A start-up problem only the operator can fix (a port in use, a database that cannot be opened,
 * credentials GitHub refuses): its message names the setting and what to do, and is shown without
 * a stack trace. The original error is kept as `cause`.
 */
export class StartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StartError";
  }
}
