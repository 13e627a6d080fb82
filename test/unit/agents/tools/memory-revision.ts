import { compileGlob } from "../../../../src/policy/glob.ts";
import type { FileList, FileRead, LineRange, Revision, SearchOptions, SearchResult } from "../../../../src/ports/workspace.ts";
import { WorkspaceError } from "../../../../src/ports/workspace.ts";
import { countLines, sliceLines } from "../../../../src/agents/tools/text-lines.ts";

function matcher(pattern: string | undefined): (path: string) => boolean {
  const trimmed = (pattern ?? "").replace(/^\.\//, "");
  if (trimmed === "" || trimmed === ".") return () => true;
  if (/[*?{[]/.test(trimmed)) return compileGlob(trimmed);
  const folder = trimmed.replace(/\/+$/, "");
  return (path) => path === folder || path.startsWith(`${folder}/`);
}

/** A revision held in memory, behaving as the workspace port says: sorted paths, capped lists and searches, invalid input refused. */
export class MemoryRevision implements Revision {
  readonly sha: string;
  readonly files: Record<string, string>;
  /** Every read, as `operation path`. */
  readonly reads: string[] = [];

  constructor(files: Record<string, string>, sha = "a".repeat(40)) {
    this.files = files;
    this.sha = sha;
  }

  readFile(path: string, range?: LineRange): Promise<FileRead | null> {
    this.reads.push(`read_file ${path}`);
    if (path.startsWith("/") || path.split("/").includes(".."))
      return Promise.reject(new WorkspaceError("invalid_input", "read_file", "acme/calculator", `bad path ${path}`));
    const content = this.files[path];
    if (content === undefined) return Promise.resolve(null);
    const binary = content.includes("\u0000");
    return Promise.resolve({
      content: binary ? "" : range ? sliceLines(content, range) : content,
      totalLines: binary ? 0 : countLines(content),
      binary,
      truncated: false,
    });
  }

  listFiles(pattern?: string, options: { max?: number } = {}): Promise<FileList> {
    this.reads.push(`list_files ${pattern ?? ""}`);
    const max = options.max ?? 500;
    const paths = Object.keys(this.files).sort().filter(matcher(pattern));
    return Promise.resolve({ paths: paths.slice(0, max), truncated: paths.length > max });
  }

  search(regex: string, options: SearchOptions): Promise<SearchResult> {
    this.reads.push(`search ${regex}`);
    let pattern: RegExp;
    try {
      pattern = new RegExp(regex);
    } catch {
      return Promise.reject(new WorkspaceError("invalid_input", "search", "acme/calculator", `invalid regular expression ${regex}`));
    }
    const paths = Object.keys(this.files).sort().filter(matcher(options.pathGlob));
    const hits = paths.flatMap((path) =>
      (this.files[path] ?? "").split("\n").flatMap((text, index) => (pattern.test(text) ? [{ path, line: index + 1, text }] : [])),
    );
    return Promise.resolve({ hits: hits.slice(0, options.maxHits), truncated: hits.length > options.maxHits });
  }

  paths(): Promise<readonly string[]> {
    return Promise.resolve(Object.keys(this.files).sort());
  }
}
