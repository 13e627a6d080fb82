import type { RecordedModelRequest, World } from "@foreman/sandbox";
import { tokensOf } from "./tokens.ts";

type LogEntry = ReturnType<World["github"]["requestLog"]["all"]>[number];

/** One model call of a role. */
interface CallFigures {
  /** The conversation's turn: 0 for its first request, one more after each answer. */
  turn: number;
  /** Tokens of the request: every message (tool calls and results included) and the tool definitions. */
  promptTokens: number;
  /** The tools the model called in its answer. */
  toolCalls: string[];
}

export interface RoleFigures {
  modelCalls: number;
  /** Prompt tokens per call: mean, largest, and those of each call's first request (turn 0). */
  promptTokens: { mean: number; max: number; firstTurnMean: number; total: number };
  /** Tool calls by tool. */
  toolCalls: Record<string, number>;
  calls: CallFigures[];
}

interface ReadsAndWrites {
  reads: number;
  writes: number;
}

/** The app's calls to GitHub in one run. */
export interface GitHubFigures {
  /** REST and GraphQL together. */
  api: ReadsAndWrites;
  rest: ReadsAndWrites;
  graphql: ReadsAndWrites;
  /** API reads of the repository's code: its tree, blobs, contents, and GraphQL file reads. */
  codeReads: number;
  /** Git's smart HTTP: ref advertisements and upload-pack (fetch) requests. */
  git: { advertise: number; uploadPack: number };
  /** API reads by operation, most first. */
  readsByOperation: Record<string, number>;
}

/** The text a request puts before the model: its messages with their tool calls, then its tool definitions. */
function promptText(request: Pick<RecordedModelRequest, "messages" | "body">): string {
  const messages = request.messages.map((message) => {
    const calls = (message.toolCalls ?? []).map((call) => `\n${call.name}(${call.arguments})`).join("");
    return `${message.role}:\n${message.content}${calls}`;
  });
  const body = request.body as { tools?: unknown } | null;
  const tools = body?.tools === undefined ? "" : `\n${JSON.stringify(body.tools)}`;
  return `${messages.join("\n")}${tools}`;
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : Math.round(values.reduce((sum, value) => sum + value, 0) / values.length);

function countBy(names: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

/** Per role: its model calls, their prompt tokens, and the tools it called. */
export function roleFigures(requests: readonly RecordedModelRequest[]): Record<string, RoleFigures> {
  const byRole = new Map<string, CallFigures[]>();
  for (const request of requests) {
    const role = request.role ?? "unknown";
    const call = { turn: request.turn, promptTokens: tokensOf(promptText(request)), toolCalls: request.toolCalls.map((tool) => tool.name) };
    byRole.set(role, [...(byRole.get(role) ?? []), call]);
  }
  return Object.fromEntries(
    [...byRole].map(([role, calls]) => {
      const tokens = calls.map((call) => call.promptTokens);
      const first = calls.filter((call) => call.turn === 0).map((call) => call.promptTokens);
      const figures: RoleFigures = {
        modelCalls: calls.length,
        promptTokens: {
          mean: mean(tokens),
          max: Math.max(0, ...tokens),
          firstTurnMean: mean(first),
          total: tokens.reduce((a, b) => a + b, 0),
        },
        toolCalls: countBy(calls.flatMap((call) => call.toolCalls)),
        calls,
      };
      return [role, figures];
    }),
  );
}

function split(entries: readonly LogEntry[]): ReadsAndWrites {
  return { reads: entries.filter((entry) => !entry.write).length, writes: entries.filter((entry) => entry.write).length };
}

const GIT_HTTP = new Set(["git/advertise", "git/upload-pack"]);
const CODE_READS = new Set(["git/get-tree", "git/get-blob", "repos/get-content"]);

/** A read of the repository's tree or files: the REST operations above, or the app's GraphQL query of file contents. */
function readsCode(entry: LogEntry): boolean {
  if (entry.write) return false;
  if (entry.operationId !== "graphql") return CODE_READS.has(entry.operationId ?? "");
  const query = (entry.body as { query?: unknown } | undefined)?.query;
  return typeof query === "string" && /^\s*query ReadFiles\b/.test(query);
}

/**
 * The calls of the app (its installation or its App JWT) in a request log; git's smart HTTP
 * (`git/advertise`, `git/upload-pack`) is counted apart from the API (the Git Data API is API).
 */
export function githubFigures(entries: readonly LogEntry[], appActors: ReadonlySet<string>): GitHubFigures {
  const app = entries.filter((entry) => entry.actor !== null && appActors.has(entry.actor));
  const gitHttp = app.filter((entry) => GIT_HTTP.has(entry.operationId ?? ""));
  const api = app.filter((entry) => !GIT_HTTP.has(entry.operationId ?? ""));
  const graphql = api.filter((entry) => entry.operationId === "graphql");
  const rest = api.filter((entry) => entry.operationId !== "graphql");
  const reads = countBy(api.filter((entry) => !entry.write).map((entry) => entry.operationId ?? `${entry.method} ${entry.path}`));
  return {
    api: split(api),
    rest: split(rest),
    graphql: split(graphql),
    codeReads: api.filter(readsCode).length,
    git: {
      advertise: gitHttp.filter((entry) => entry.operationId === "git/advertise").length,
      uploadPack: gitHttp.filter((entry) => entry.operationId === "git/upload-pack").length,
    },
    readsByOperation: Object.fromEntries(Object.entries(reads).sort((a, b) => b[1] - a[1])),
  };
}

const PATH_LIKE = /[A-Za-z0-9_.\-/]+/g;

/** The repository's paths that some request showed the model (a tree listing, a file heading, a tool result …). */
export function shownPaths(requests: readonly RecordedModelRequest[], paths: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const request of requests) {
    for (const message of request.messages) {
      for (const word of message.content.match(PATH_LIKE) ?? []) words.add(word);
    }
  }
  return new Set(paths.filter((path) => words.has(path)));
}
