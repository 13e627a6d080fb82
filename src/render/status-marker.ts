import { z } from "zod";
import { WORKFLOW_STATE_VERSION } from "../engine/stored-state.ts";
import { redactText } from "../policy/sanitize.ts";

/** The versioned snapshot hidden at the end of the status comment; `version` is the state version it was written at. */
export type StatusMarker = { version: number; snapshot: unknown };

const PREFIX = "<!-- foreman:status ";
const MARKER = /<!-- foreman:status ([A-Za-z0-9_-]*) -->/g;
const Envelope = z.object({ v: z.int().min(1), snapshot: z.unknown() });

/**
 * `<!-- foreman:status <base64url of {"v":2,"snapshot":…}> -->`, `v` being the state version
 * (`WORKFLOW_STATE_VERSION`). The encoding keeps any `-->` in the snapshot from ending the comment.
 * The snapshot must be JSON data; secrets of a known shape in its strings are redacted, as
 * base64 hides nothing from a reader.
 */
export function statusMarker(snapshot: unknown): string {
  const json = JSON.stringify({ v: WORKFLOW_STATE_VERSION, snapshot }, (_key, value: unknown) =>
    typeof value === "string" ? redactText(value) : value,
  );
  return `${PREFIX}${Buffer.from(json, "utf8").toString("base64url")} -->`;
}

/**
 * The snapshot of the last status marker in a comment body, with the version it was written at
 * (any version: the reader migrates or refuses it), or null when there is none that reads.
 */
export function parseStatusMarker(body: string): StatusMarker | null {
  const encoded = [...body.matchAll(MARKER)].at(-1)?.[1];
  if (encoded === undefined) return null;
  try {
    const envelope = Envelope.safeParse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
    return envelope.success ? { version: envelope.data.v, snapshot: envelope.data.snapshot } : null;
  } catch {
    return null;
  }
}

/** Whether a comment is Foreman's status comment, to find it again (find-or-create). */
export function hasStatusMarker(body: string): boolean {
  return body.includes(PREFIX);
}
