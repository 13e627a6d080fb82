import { fenceUntrusted, sanitizeSource, sanitizeUntrusted } from "../policy/sanitize.ts";

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

/** The repository's own guidance for agents, read from its root when present. */
export const GUIDANCE_FILES: readonly string[] = ["AGENTS.md", "CLAUDE.md", ".github/copilot-instructions.md"];

/** The repository's guidance files that exist, sanitised and fenced as data, within a character budget. */
export function formatGuidance(files: Readonly<Record<string, string | null>>, budgetChars = 12_000): string {
  const parts: string[] = [];
  let room = budgetChars;
  for (const path of GUIDANCE_FILES) {
    const content = files[path];
    if (content === undefined || content === null || room <= 200) continue;
    const text = sanitizeUntrusted(content, room);
    room -= text.length;
    parts.push(`### \`${path}\`\n${fenceUntrusted(`guidance:${path}`, text)}`);
  }
  return parts.join("\n\n") || "(none)";
}

/** Lines of an overview: every path of a small repository, else its folders with their file counts. */
const OVERVIEW_ENTRIES = 200;

function folderCounts(paths: readonly string[], depth: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const parts = path.split("/");
    const key = parts.length > depth ? `${parts.slice(0, depth).join("/")}/` : path;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * What an agent with tools is shown of the repository's files, in a bounded size whatever the
 * repository's: every path when there are few, else the folders (two levels, then one) with how
 * many files each holds; `shown` lists the files named in full.
 */
export function repositoryOverview(paths: readonly string[], maxEntries = OVERVIEW_ENTRIES): { text: string; shown: string[] } {
  if (paths.length <= maxEntries) return { text: formatTree([...paths], maxEntries), shown: [...paths] };
  const counts = [2, 1].map((depth) => folderCounts(paths, depth)).find((found) => found.size <= maxEntries) ?? folderCounts(paths, 1);
  const entries = [...counts].slice(0, maxEntries);
  const lines = entries.map(([entry, count]) => (entry.endsWith("/") ? `- ${entry} (${count} files)` : `- ${entry}`));
  if (counts.size > entries.length) lines.push(`- … and ${counts.size - entries.length} more entries`);
  lines.push(`(${paths.length} files in all: list_files and search show the rest)`);
  return { text: lines.join("\n"), shown: entries.filter(([entry]) => !entry.endsWith("/")).map(([entry]) => entry) };
}

/** Files of the repository whose path the text names (a CI log, a stack trace), longest paths first, at most `limit`. */
export function pathsNamedIn(text: string, paths: readonly string[], limit = 4): string[] {
  const named = (path: string): boolean => {
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // A path of its own, or the end of an absolute one (`/ci/checkout/src/a.js:3`), not part of a longer name.
    return new RegExp(`(?:^|[^\\w.-])${escaped}(?![\\w/-]|\\.\\w)`).test(text);
  };
  return paths
    .filter((path) => text.includes(path) && named(path))
    .sort((left, right) => right.length - left.length)
    .slice(0, limit);
}
