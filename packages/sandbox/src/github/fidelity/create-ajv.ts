import type { Options } from "ajv";
import { Ajv } from "ajv";
import formats from "ajv-formats";

/**
 * An ajv instance for GitHub's schemas: draft-07, all errors, unknown keywords allowed (the
 * descriptions carry vendor keywords), standard formats checked. `coerceTypes: "array"` is for
 * path and query parameters, which arrive as strings; `inlineRefs: false` keeps code small for
 * schemas that share large definitions by reference.
 */
export function createAjv(options: Pick<Options, "coerceTypes" | "inlineRefs" | "validateSchema"> = {}): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false, ...options });
  formats.default(ajv);
  // GitHub's own format for `owner/name` (pulls/create's `head_repo`).
  ajv.addFormat("repo.nwo", /^[^/\s]+\/[^/\s]+$/);
  // GitHub's bot addresses ("123+app[bot]@users.noreply.github.com") fail the strict RFC check,
  // yet GitHub sends them in the very fields documented as `email`.
  ajv.addFormat("email", /^[^\s@]+@[^\s@]+$/);
  return ajv;
}
