import type { AgentRole } from "../../ports/model.ts";
import type { Revision } from "../../ports/workspace.ts";
import { loadPrompt, renderTemplate } from "../prompts.ts";
import type { LocalChecks } from "./local-checks.ts";
import type { ToolLoopLimits } from "./loop.ts";

/** What an agent with tools reads, and its bounds. Without it, an agent sees only the context it is given. */
export interface AgentTools {
  /** The exact commit the agent works on: the task's starting point, or a pull request's head. */
  revision: Revision;
  limits: ToolLoopLimits;
  /** The repository's checks on the agent's working copy, for a role that edits (absent: local checks are off). */
  checks?: LocalChecks | undefined;
}

const HINTS: Readonly<Record<AgentRole, string>> = {
  engineer: "Look at the code the issue is about before you decide: a question the repository answers is not one to ask.",
  planner:
    "Find the code the change touches, its callers, its tests and its types before you plan. A task may modify or delete only files you have seen (in the overview, a listing, a search or a read); new files are created.",
  coder: "Read the callers, the tests and the types of what you change before you edit it, and keep them working.",
  debugger: "Read the files the failure evidence names (the failing test, the frames of a stack trace) before you classify it.",
  reviewer: "You have the diff and the changed files whole; read more (callers, tests, types) when you need it to judge the change.",
};

/** The system prompt's part about tools, for a role that reads (and, when `writes`, edits) the repository. */
async function toolsPrompt(role: AgentRole, maxTurns: number, writes: boolean): Promise<string> {
  const reading = renderTemplate(await loadPrompt("tools"), { hint: HINTS[role], maxTurns: String(maxTurns) });
  return writes ? `${reading}${await loadPrompt("tools-write")}` : reading;
}

/** The part about the `run` tool, for a role whose tools include the repository's checks. */
async function runPrompt(checks: LocalChecks): Promise<string> {
  const names = checks.names.map((name) => `\`${name}\``).join(", ");
  return renderTemplate(await loadPrompt("tools-run"), { checks: names, runs: String(checks.runsLeft) });
}

/** A role's system prompt, with the part about tools when it has them (and about its checks, when it edits and has them). */
export async function withToolsPrompt(system: string, role: AgentRole, tools: AgentTools | undefined, writes = false): Promise<string> {
  if (!tools) return system;
  const running = writes && tools.checks ? await runPrompt(tools.checks) : "";
  return `${system}\n\n${await toolsPrompt(role, tools.limits.maxTurns, writes)}${running}`;
}

/** The content of each path at a revision (null: no such file, or binary). */
export async function readFilesAt(revision: Revision, paths: readonly string[]): Promise<Record<string, string | null>> {
  const entries = await Promise.all(
    [...new Set(paths)].map(async (path) => {
      const read = await revision.readFile(path);
      return [path, read === null || read.binary ? null : read.content] as const;
    }),
  );
  return Object.fromEntries(entries);
}
