/** Why a model call failed, for the provider chain and the job runner. */
export type ModelErrorKind = "rate_limited" | "server" | "timeout" | "connection" | "quota" | "refused";

function kindFor(status: number | null, retryable: boolean): ModelErrorKind {
  if (status === 429) return retryable ? "rate_limited" : "quota";
  if (status !== null && status >= 500) return "server";
  if (status === null) return "connection";
  return "refused";
}

/** A model call that failed; `retryable` tells the job runner whether to try later, `kind` why it failed. */
export class ModelCallError extends Error {
  readonly status: number | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly kind: ModelErrorKind;
  constructor(message: string, status: number | null, retryable: boolean, retryAfterMs: number | null, kind?: ModelErrorKind) {
    super(message);
    this.status = status;
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
    this.kind = kind ?? kindFor(status, retryable);
    this.name = "ModelCallError";
  }
}
