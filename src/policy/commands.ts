export type Command = { name: "approve"; sha: string | null } | { name: "plan"; feedback: string } | { name: "retry" } | { name: "cancel" };

/** An opening or closing code fence: three or more backticks or tildes, and what follows them. */
const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;

/** Whether `line` closes a block opened with `opening`: the same character, at least as many, nothing after. */
function closesFence(line: string, opening: string): boolean {
  const match = FENCE.exec(line);
  const marker = match?.[1] ?? "";
  return marker[0] === opening[0] && marker.length >= opening.length && (match?.[2] ?? "").trim() === "";
}

/** Lines that are not quotes, not indented code, not inside fenced code blocks and not inside HTML comments. */
function liveLines(body: string): string[] {
  const withoutComments = body.replace(/<!--[\s\S]*?(-->|$)/g, "");
  const lines: string[] = [];
  let fence: string | null = null;
  for (const line of withoutComments.split(/\r?\n/)) {
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    const opening = FENCE.exec(line)?.[1];
    if (opening) fence = opening;
    else if (!/^\s*>/.test(line) && !/^( {4}|\t)/.test(line)) lines.push(line.trim());
  }
  return lines;
}

/** `/approve <sha>` names the commit it approves: 7 to 40 hexadecimal digits; anything else approves the head. */
function approvedSha(rest: string): string | null {
  const word = rest.trim().split(/\s+/)[0] ?? "";
  return /^[0-9a-f]{7,40}$/i.test(word) ? word.toLowerCase() : null;
}

/** Finds the first slash command in a comment, ignoring quoted, fenced and commented-out text. */
export function parseCommand(body: string): Command | null {
  for (const line of liveLines(body)) {
    const match = /^\/(approve|plan|retry|cancel)\b\s*(.*)$/i.exec(line);
    if (!match?.[1]) continue;
    const name = match[1].toLowerCase();
    if (name === "plan") return { name: "plan", feedback: (match[2] ?? "").trim() };
    if (name === "approve") return { name, sha: approvedSha(match[2] ?? "") };
    if (name === "retry" || name === "cancel") return { name };
  }
  return null;
}
