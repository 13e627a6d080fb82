export type Command =
  | { name: "approve" }
  | { name: "plan"; feedback: string }
  | { name: "retry" }
  | { name: "cancel" };

/** Lines that are not quotes, not inside fenced code blocks and not inside HTML comments. */
function liveLines(body: string): string[] {
  const withoutComments = body.replace(/<!--[\s\S]*?(-->|$)/g, "");
  const lines: string[] = [];
  let fenced = false;
  for (const line of withoutComments.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (!fenced && !/^\s*>/.test(line) && !/^( {4}|\t)/.test(line)) lines.push(line.trim());
  }
  return lines;
}

/** Finds the first slash command in a comment, ignoring quoted, fenced and commented-out text. */
export function parseCommand(body: string): Command | null {
  for (const line of liveLines(body)) {
    const match = /^\/(approve|plan|retry|cancel)\b\s*(.*)$/i.exec(line);
    if (!match?.[1]) continue;
    const name = match[1].toLowerCase();
    if (name === "plan") return { name: "plan", feedback: (match[2] ?? "").trim() };
    if (name === "approve" || name === "retry" || name === "cancel") return { name };
  }
  return null;
}
