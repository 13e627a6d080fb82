/** Side of a diff a review comment is on: the base (`LEFT`) or the head (`RIGHT`). */
export type DiffSide = "LEFT" | "RIGHT";

/** One line of a file's patch (GitHub's `patch`, which starts with the first `@@` header). */
export interface PatchLine {
  /** GitHub's `position`: lines below the first `@@` header, which is position 0. */
  position: number;
  kind: "header" | "context" | "added" | "removed" | "note";
  oldLine: number | null;
  newLine: number | null;
  /** Position of the `@@` header of the hunk this line belongs to. */
  hunkStart: number;
}

export interface ParsedPatch {
  text: string[];
  lines: PatchLine[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

function kindOf(text: string): PatchLine["kind"] {
  if (text.startsWith("+")) return "added";
  if (text.startsWith("-")) return "removed";
  if (text.startsWith("\\")) return "note";
  return "context";
}

/** Numbers every line of a patch on both sides, the way GitHub anchors review comments. */
export function parsePatch(patch: string): ParsedPatch {
  const text = patch.split("\n");
  const lines: PatchLine[] = [];
  let oldLine = 0;
  let newLine = 0;
  let hunkStart = 0;
  text.forEach((line, position) => {
    const header = HUNK_HEADER.exec(line);
    if (header) {
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      hunkStart = position;
      lines.push({ position, kind: "header", oldLine: null, newLine: null, hunkStart });
      return;
    }
    const kind = kindOf(line);
    const entry: PatchLine = { position, kind, oldLine: null, newLine: null, hunkStart };
    if (kind === "context" || kind === "removed") entry.oldLine = oldLine++;
    if (kind === "context" || kind === "added") entry.newLine = newLine++;
    lines.push(entry);
  });
  return { text, lines };
}

/** The patch line showing `line` of the given side, if the diff shows it. */
export function findDiffLine(patch: ParsedPatch, line: number, side: DiffSide): PatchLine | undefined {
  return patch.lines.find((entry) => (side === "RIGHT" ? entry.newLine === line : entry.oldLine === line) && entry.kind !== "note");
}

/** The patch line at a (deprecated) `position`. */
export function lineAtPosition(patch: ParsedPatch, position: number): PatchLine | undefined {
  const entry = patch.lines[position];
  return entry && entry.kind !== "header" && entry.kind !== "note" ? entry : undefined;
}

/** GitHub's `diff_hunk`: the comment's hunk, from its `@@` header down to the commented line. */
export function diffHunkFor(patch: ParsedPatch, entry: PatchLine): string {
  return patch.text.slice(entry.hunkStart, entry.position + 1).join("\n");
}

/** Where a comment on `entry` sits: its line number and side. */
export function anchorOf(entry: PatchLine): { line: number; side: DiffSide } {
  if (entry.kind === "removed") return { line: entry.oldLine ?? 0, side: "LEFT" };
  return { line: entry.newLine ?? 0, side: "RIGHT" };
}
