import { compileGlob, InvalidGlobError } from "../../policy/glob.ts";
import type { FileList, FileRead, LineRange, Revision, SearchHit, SearchOptions, SearchResult } from "../../ports/workspace.ts";
import { countLines, sliceLines } from "./text-lines.ts";

/** Whether a path is one a `listFiles` pattern (a folder, a file or a glob) names; never throws. */
function patternMatches(pattern: string | undefined, path: string): boolean {
  const trimmed = (pattern ?? "").trim().replace(/^(\.\/)+/, "");
  if (trimmed === "" || trimmed === "." || trimmed === "/") return true;
  if (/[*?[\]{}()!]/.test(trimmed)) {
    try {
      return compileGlob(trimmed.endsWith("/") ? `${trimmed}**` : trimmed)(path);
    } catch (error) {
      if (error instanceof InvalidGlobError) return false;
      throw error;
    }
  }
  const folder = trimmed.replace(/\/+$/, "");
  return path === folder || path.startsWith(`${folder}/`);
}

/** A JavaScript reading of the search's expression, for the files only the overlay holds; null when it has none. */
function jsRegex(source: string): RegExp | null {
  try {
    return new RegExp(source);
  } catch {
    return null;
  }
}

/**
 * A revision with changes on top: files written (or deleted) here are read, listed and searched as
 * they are now, every other file as the revision has it. The coder's own edits land here, so a
 * later read shows them; nothing is written anywhere else.
 */
export class Overlay implements Revision {
  readonly sha: string;
  private readonly base: Revision;
  private readonly changes = new Map<string, string | null>();

  constructor(base: Revision, changes: ReadonlyArray<{ path: string; content: string | null }> = []) {
    this.base = base;
    this.sha = base.sha;
    for (const change of changes) this.changes.set(change.path, change.content);
  }

  /** Records a file's new content (null: deleted). */
  set(path: string, content: string | null): void {
    this.changes.set(path, content);
  }

  async readFile(path: string, range?: LineRange): Promise<FileRead | null> {
    if (!this.changes.has(path)) return this.base.readFile(path, range);
    const content = this.changes.get(path) ?? null;
    if (content === null) return null;
    return { content: range ? sliceLines(content, range) : content, totalLines: countLines(content), binary: false, truncated: false };
  }

  async listFiles(pattern?: string, options: { max?: number } = {}): Promise<FileList> {
    const max = options.max ?? 500;
    const listed = await this.base.listFiles(pattern, { max: max + this.changes.size });
    const added = [...this.changes].filter(([path, content]) => content !== null && patternMatches(pattern, path)).map(([path]) => path);
    const paths = [...new Set([...listed.paths.filter((path) => !this.changes.has(path)), ...added])].sort();
    return { paths: paths.slice(0, max), truncated: listed.truncated || paths.length > max };
  }

  async search(regex: string, options: SearchOptions): Promise<SearchResult> {
    const found = await this.base.search(regex, { ...options, maxHits: options.maxHits + this.changes.size * 20 });
    const hits = found.hits.filter((hit) => !this.changes.has(hit.path));
    const pattern = jsRegex(regex);
    for (const [path, content] of this.changes) {
      if (content === null || pattern === null || (options.pathGlob !== undefined && !patternMatches(options.pathGlob, path))) continue;
      content.split("\n").forEach((text, index) => {
        if (pattern.test(text)) hits.push({ path, line: index + 1, text });
      });
    }
    const sorted = hits.sort(byPlace);
    return { hits: sorted.slice(0, options.maxHits), truncated: found.truncated || sorted.length > options.maxHits };
  }

  async paths(): Promise<readonly string[]> {
    const base = (await this.base.paths()).filter((path) => !this.changes.has(path));
    const added = [...this.changes].filter(([, content]) => content !== null).map(([path]) => path);
    return [...base, ...added].sort();
  }
}

function byPlace(left: SearchHit, right: SearchHit): number {
  return left.path === right.path ? left.line - right.line : left.path < right.path ? -1 : 1;
}
