/** Why a model call failed, for the provider chain and the job runner. */
export type ModelErrorKind =
  "rate_limited" | "server" | "timeout" | "connection" | "quota" | "refused" | "unauthorized" | "model_not_found";

/**
 * One provider's refusal that only the operator can fix: its key (401, 403) or the model asked for
 * (404). `keyVariable` names the environment variable the provider's key came from.
 */
export interface ModelRefusal {
  provider: string;
  keyVariable: string;
  status: number;
  kind: "unauthorized" | "model_not_found";
  model: string;
}

/** A 401 or 403 refuses the key; a 404 the model (or the endpoint's address). */
export function refusalKind(status: number | null): ModelRefusal["kind"] | null {
  if (status === 401 || status === 403) return "unauthorized";
  return status === 404 ? "model_not_found" : null;
}

function kindFor(status: number | null, retryable: boolean): ModelErrorKind {
  if (status === 429) return retryable ? "rate_limited" : "quota";
  if (status !== null && status >= 500) return "server";
  if (status === null) return "connection";
  return refusalKind(status) ?? "refused";
}

/**
 * A model call that failed; `retryable` tells the job runner whether to try later, `kind` why it failed,
 * `refusals` each provider that refused Foreman's key or model.
 */
export class ModelCallError extends Error {
  readonly status: number | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly kind: ModelErrorKind;
  readonly refusals: readonly ModelRefusal[];
  constructor(
    message: string,
    status: number | null,
    retryable: boolean,
    retryAfterMs: number | null,
    kind?: ModelErrorKind,
    refusals: readonly ModelRefusal[] = [],
  ) {
    super(message);
    this.status = status;
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
    this.kind = kind ?? kindFor(status, retryable);
    this.refusals = refusals;
    this.name = "ModelCallError";
  }
}
