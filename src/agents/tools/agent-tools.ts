import type { AgentRole } from "../../ports/model.ts";
import type { Revision } from "../../ports/workspace.ts";
import { loadPrompt, renderTemplate } from "../prompts.ts";
import type { ToolLoopLimits } from "./loop.ts";

/** What an agent with tools reads, and its bounds. Without it, an agent sees only the context it is given. */
export interface AgentTools {
  /** The exact commit the agent works on: the task's starting point, or a pull request's head. */
  revision: Revision;
  limits: ToolLoopLimits;
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

/** A role's system prompt, with the part about tools when it has them. */
export async function withToolsPrompt(system: string, role: AgentRole, tools: AgentTools | undefined, writes = false): Promise<string> {
  return tools ? `${system}\n\n${await toolsPrompt(role, tools.limits.maxTurns, writes)}` : system;
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
