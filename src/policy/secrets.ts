import { knownSecrets } from "../qa/redact.ts";

/**
 * What kinds of secret (`a GitHub token`, `an AWS access key` …) `after` holds that `before` did
 * not: the formats GitHub's push protection blocks, found by the rules that redact them. A secret
 * already in the file is not counted, so that an edit elsewhere in it is not refused.
 */
export function addedSecrets(before: string | null, after: string): string[] {
  const old = new Set(knownSecrets(before ?? "").map((secret) => secret.value));
  const added = knownSecrets(after).filter((secret) => !old.has(secret.value));
  return [...new Set(added.map((secret) => secret.what))];
}
