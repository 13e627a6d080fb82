/**
 * Typed failures of the sandbox git backend. Callers classify them with
 * `instanceof`; messages are meant for humans (and for API error bodies),
 * never for matching.
 */
export class GitError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A git process failed in a way the backend did not anticipate. */
export class GitCommandError extends GitError {
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly stderr: string;

  constructor(args: readonly string[], exitCode: number | null, stderr: string, options?: ErrorOptions) {
    const detail = stderr.trim() || `exit code ${String(exitCode)}`;
    super(`git ${args[0] ?? ""} failed: ${detail}`, options);
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
  }
}

/** An argument is malformed (bad SHA, bad base64, bad identity, bad path...). */
export class GitInvalidInputError extends GitError {}

/** An object (or a ref or revision meant to name one) does not exist, or has the wrong type. */
export class GitObjectNotFoundError extends GitError {
  readonly object: string;
  readonly expectedType: string | undefined;

  constructor(object: string, expectedType?: string, message?: string) {
    super(message ?? describeMissing(object, expectedType));
    this.object = object;
    this.expectedType = expectedType;
  }
}

function describeMissing(object: string, expectedType: string | undefined): string {
  return expectedType === undefined ? `Object ${object} does not exist` : `${object} is not a valid ${expectedType}`;
}

/** A tree entry cannot be applied (malformed path, mode/type mismatch, deleting a missing path...). */
export class GitTreeError extends GitError {
  readonly path: string;

  constructor(path: string, message: string) {
    super(message);
    this.path = path;
  }
}

/** A ref name is not acceptable (`git check-ref-format` rules, at least two slashes when qualified). */
export class GitInvalidRefNameError extends GitError {
  readonly ref: string;

  constructor(ref: string) {
    super(`${ref} is not a valid ref name`);
    this.ref = ref;
  }
}

/** The ref exists, or an existing ref occupies its path (`heads/a` blocks `heads/a/b` and back). */
export class GitRefExistsError extends GitError {
  readonly ref: string;
  readonly existing: string;

  constructor(ref: string, existing: string = ref) {
    super(existing === ref ? `Reference already exists: ${ref}` : `Reference ${existing} exists and conflicts with ${ref}`);
    this.ref = ref;
    this.existing = existing;
  }
}

export class GitRefNotFoundError extends GitError {
  readonly ref: string;

  constructor(ref: string) {
    super(`Reference does not exist: ${ref}`);
    this.ref = ref;
  }
}

export class GitNotFastForwardError extends GitError {
  readonly ref: string;
  readonly current: string;
  readonly proposed: string;

  constructor(ref: string, current: string, proposed: string) {
    super(`Update is not a fast forward: ${ref} is at ${current}, which is not an ancestor of ${proposed}`);
    this.ref = ref;
    this.current = current;
    this.proposed = proposed;
  }
}

/** A ref kept moving under concurrent writers; the compare-and-swap gave up. */
export class GitRefUpdateConflictError extends GitError {
  readonly ref: string;

  constructor(ref: string, options?: ErrorOptions) {
    super(`Reference ${ref} was changed concurrently; try again`, options);
    this.ref = ref;
  }
}

export class GitNoCommonAncestorError extends GitError {
  readonly base: string;
  readonly head: string;

  constructor(base: string, head: string) {
    super(`No common ancestor between ${base} and ${head}`);
    this.base = base;
    this.head = head;
  }
}

export class GitCheckoutError extends GitError {
  readonly dir: string;

  constructor(dir: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.dir = dir;
  }
}
