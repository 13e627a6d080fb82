import { z } from "zod";
import { unsafePathReason } from "../../plan/index.ts";
import { matchesAny } from "../../policy/glob.ts";
import { WorkspaceError, type Revision } from "../../ports/workspace.ts";
import { fileResult, listResult, RESULT_LIMITS, searchResult, toolError, type ToolResult } from "./results.ts";
import { defineTool, type Tool } from "./tool.ts";

/** Files a tool never reads: they hold credentials, whatever their content looks like. */
const SECRET_FILES = ["**/.env", "**/.env.*", "**/*.pem", "**/*.key", "**/id_rsa*", "**/*.p12", "**/.npmrc"];

/** Where an agent's reads go, and what it has seen so far. */
export interface ReadScope {
  revision: Revision;
  /** Every path a read, a listing or a search has shown the agent. */
  seen: Set<string>;
}

/** The path as the repository spells it (`./src//a.ts` is `src/a.ts`), or why it is not one an agent may read. */
export function readablePath(path: string): { path: string } | { problem: string } {
  const trimmed = path
    .trim()
    .replace(/^(\.\/)+/, "")
    .replace(/\/{2,}/g, "/");
  const reason = unsafePathReason(trimmed);
  if (reason !== undefined) return { problem: `the path ${JSON.stringify(path)} ${reason}` };
  if (matchesAny(trimmed, SECRET_FILES))
    return { problem: `${JSON.stringify(trimmed)} looks like a file of secrets; Foreman never reads those` };
  return { path: trimmed };
}

/** A workspace refusal (a bad pattern, a timeout) is the model's to correct or work around; anything else is a fault of Foreman's. */
async function orToolError(work: () => Promise<ToolResult>): Promise<ToolResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkspaceError) return toolError(error.message);
    throw error;
  }
}

const Line = z.coerce.number().int().min(1);

const ReadFileArgs = z.object({ path: z.string().min(1), from: Line.optional(), to: Line.optional() });

function readFileTool(scope: ReadScope): Tool {
  const spec = {
    name: "read_file",
    description: "Read a file of the repository, whole or lines `from` to `to` (counted from 1). Long files are cut: read them in parts.",
    parameters: {
      type: "object",
      properties: {
        path: { type: "string", description: "The file's path from the repository root, e.g. src/index.ts" },
        from: { type: "integer", minimum: 1, description: "First line to read (optional)" },
        to: { type: "integer", minimum: 1, description: "Last line to read (optional)" },
      },
      required: ["path"],
      additionalProperties: false,
    },
  };
  return defineTool(spec, ReadFileArgs, (args) =>
    orToolError(async () => {
      const wanted = readablePath(args.path);
      if ("problem" in wanted) return toolError(wanted.problem);
      const range =
        args.from !== undefined || args.to !== undefined ? { from: args.from ?? 1, to: args.to ?? Number.MAX_SAFE_INTEGER } : undefined;
      if (range && range.to < range.from) return toolError(`\`to\` (${range.to}) is before \`from\` (${range.from})`);
      const read = await scope.revision.readFile(wanted.path, range);
      if (read === null) return toolError(`there is no file ${JSON.stringify(wanted.path)} (list_files or search finds paths)`);
      scope.seen.add(wanted.path);
      return fileResult(wanted.path, read, range);
    }),
  );
}

const ListArgs = z.object({ pattern: z.string().optional(), path: z.string().optional() });

function listFilesTool(scope: ReadScope): Tool {
  const spec = {
    name: "list_files",
    description:
      "List the repository's files under a folder (`src` or `src/`) or matching a glob (`src/**/*.test.ts`, `*.md`); without a pattern, every file.",
    parameters: {
      type: "object",
      properties: { pattern: { type: "string", description: "A folder or a glob, from the repository root (optional)" } },
      additionalProperties: false,
    },
  };
  return defineTool(spec, ListArgs, (args) =>
    orToolError(async () => {
      const pattern = (args.pattern ?? args.path ?? "").trim();
      const listed = await scope.revision.listFiles(pattern === "" ? undefined : pattern, { max: RESULT_LIMITS.listPaths });
      const paths = listed.paths.filter((path) => !matchesAny(path, SECRET_FILES));
      for (const path of paths) scope.seen.add(path);
      return listResult(pattern, paths, listed.truncated);
    }),
  );
}

/** `pattern` is taken for `regex`, as models used to other tools write it. */
const SearchArgs = z
  .object({ regex: z.string().min(1).optional(), pattern: z.string().min(1).optional(), path: z.string().min(1).optional() })
  .transform((args, context) => {
    const regex = args.regex ?? args.pattern;
    if (regex === undefined) {
      context.addIssue({ code: "custom", path: ["regex"], message: "required: the regular expression to search for" });
      return z.NEVER;
    }
    return { regex, path: args.path };
  });

function searchTool(scope: ReadScope): Tool {
  const spec = {
    name: "search",
    description:
      "Find lines matching an extended regular expression (as `grep -E`) in the repository's text files; answers path:line: text. Narrow it with `path`, a folder or a glob.",
    parameters: {
      type: "object",
      properties: {
        regex: { type: "string", description: "An extended regular expression, e.g. `function (add|sum)\\(`" },
        path: { type: "string", description: "Only files under this folder or matching this glob (optional)" },
      },
      required: ["regex"],
      additionalProperties: false,
    },
  };
  return defineTool(spec, SearchArgs, (args) =>
    orToolError(async () => {
      const options =
        args.path === undefined ? { maxHits: RESULT_LIMITS.searchHits } : { maxHits: RESULT_LIMITS.searchHits, pathGlob: args.path };
      const found = await scope.revision.search(args.regex, options);
      const hits = found.hits.filter((hit) => !matchesAny(hit.path, SECRET_FILES));
      for (const hit of hits) scope.seen.add(hit.path);
      return searchResult(args.regex, args.path, { hits, truncated: found.truncated });
    }),
  );
}

/** The tools every role has: read a file, list files, search. */
export function readTools(scope: ReadScope): Tool[] {
  return [readFileTool(scope), listFilesTool(scope), searchTool(scope)];
}
