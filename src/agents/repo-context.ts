import { fenceUntrusted, sanitizeSource } from "../policy/sanitize.ts";

const IMPORTANT = [/^readme(\.\w+)?$/i, /^package\.json$/, /^pyproject\.toml$/, /^go\.mod$/, /^cargo\.toml$/i, /^tsconfig\.json$/];

/** Picks the files worth showing a planner: manifests and READMEs at the root, then files the issue names. */
export function filesThatMatter(tree: string[], issueText: string, limit = 8): string[] {
  const named = tree.filter((path) => issueText.includes(path) || issueText.includes(path.split("/").pop() ?? "\u0000"));
  const root = tree.filter((path) => !path.includes("/") && IMPORTANT.some((pattern) => pattern.test(path)));
  return [...new Set([...root, ...named])].slice(0, limit);
}

export function formatTree(tree: string[], maxEntries = 400): string {
  const shown = tree.slice(0, maxEntries).map((path) => `- ${path}`);
  if (tree.length > maxEntries) shown.push(`- … and ${tree.length - maxEntries} more`);
  return shown.join("\n") || "(empty repository)";
}

/** Renders file contents as fenced, sanitised data, within a character budget. */
export function formatFiles(files: Record<string, string | null>, budgetChars = 60_000): string {
  const parts: string[] = [];
  let used = 0;
  for (const [path, content] of Object.entries(files)) {
    const heading = `### \`${path.replace(/[\r\n`]/g, "?")}\``;
    if (content === null) {
      parts.push(`${heading}\n(does not exist yet)`);
      continue;
    }
    const room = budgetChars - used;
    if (room <= 200) {
      parts.push(`${heading}\n(omitted: context budget reached)`);
      continue;
    }
    const text = sanitizeSource(content, room);
    used += text.length;
    parts.push(`${heading}\n${fenceUntrusted(`file:${path}`, text)}`);
  }
  return parts.join("\n\n") || "(none)";
}
