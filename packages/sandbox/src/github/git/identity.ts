import { GitInvalidInputError } from "./errors.ts";
import type { GitIdentity, GitSignature } from "./types.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const SIGNATURE_LINE = /^(.*) <(.*)> (-?\d+) ([+-]\d{4})$/;

/** Environment that makes git record exactly these identities, whatever the machine's config. */
export function identityEnvironment(author: GitIdentity, committer: GitIdentity, now: Date): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: requireText(author.name, "author.name"),
    GIT_AUTHOR_EMAIL: requireText(author.email, "author.email"),
    GIT_AUTHOR_DATE: toGitDate(author.date, now),
    GIT_COMMITTER_NAME: requireText(committer.name, "committer.name"),
    GIT_COMMITTER_EMAIL: requireText(committer.email, "committer.email"),
    GIT_COMMITTER_DATE: toGitDate(committer.date, now),
  };
}

function requireText(value: string, field: string): string {
  if (value.trim() === "" || /[<>\n\0]/.test(value)) {
    throw new GitInvalidInputError(`${field} must be non-empty and must not contain <, > or newlines`);
  }
  return value;
}

/**
 * Git's internal date format (`<unix seconds> <+hhmm>`), keeping the offset written in the ISO
 * string so that the commit records the same wall-clock time GitHub would.
 */
export function toGitDate(iso: string | undefined, now: Date): string {
  if (iso === undefined) return `${Math.floor(now.getTime() / 1000)} +0000`;
  const match = ISO_DATE.exec(iso);
  const zone = match?.[3] ?? "Z";
  const offset = zone === "Z" ? "+00:00" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const parsed = match === null ? Number.NaN : Date.parse(`${iso.slice(0, iso.length - (match[3]?.length ?? 0))}${offset}`);
  if (Number.isNaN(parsed)) {
    throw new GitInvalidInputError(`date "${iso}" is not an ISO 8601 timestamp`);
  }
  return `${Math.floor(parsed / 1000)} ${offset.replace(":", "")}`;
}

/** Parses the value of an `author` or `committer` header of a raw commit. */
export function parseSignature(value: string): GitSignature {
  const match = SIGNATURE_LINE.exec(value);
  if (match === null) return { name: value, email: "", date: formatGitHubDate(0) };
  return { name: match[1] ?? "", email: match[2] ?? "", date: formatGitHubDate(Number(match[3])) };
}

/** `2024-01-02T03:04:05Z`: GitHub's rendering of commit dates. */
function formatGitHubDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}
