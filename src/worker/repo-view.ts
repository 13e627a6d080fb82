import { GUIDANCE_FILES } from "../agents/repo-context.ts";
import { readFilesAt, type AgentTools } from "../agents/tools/agent-tools.ts";
import { Overlay } from "../agents/tools/overlay.ts";
import { toolsFor } from "../config/repo-config.ts";
import type { WorkflowState } from "../engine/types.ts";
import type { FileChange, RepoGitHub } from "../ports/github.ts";
import type { AgentRole } from "../ports/model.ts";
import type { WorkerDeps } from "./deps.ts";
import { openChecks } from "./local-checks.ts";

/**
 * What an agent's job reads of the repository at one commit: through the agent's tools' revision
 * (the local workspace) when the role has tools, else through GitHub's API as before tools.
 */
/** Files read at one commit, and the repository's guidance files beside them (null: absent). */
interface ViewFiles {
  files: Record<string, string | null>;
  guidance: Record<string, string | null>;
}

export interface RepoView {
  /** The agent's tools, or undefined when it works without them. */
  tools: AgentTools | undefined;
  /** Every file path at the commit. */
  tree(): Promise<string[]>;
  /** These files (null: absent), and the repository's guidance files, in one read. */
  read(paths: readonly string[]): Promise<ViewFiles>;
  /** Releases the view's working copy (when it has checks); the view is not used afterwards. */
  close(): Promise<void>;
}

/** Tokens the issue may still spend, of `limits.tokensPerIssue`. */
function tokensLeft(state: WorkflowState): number {
  return Math.max(0, state.config.limits.tokensPerIssue - state.usage.promptTokens - state.usage.completionTokens);
}

/** The role's tools at `sha`; undefined when the role has none, or when the workspace cannot give the commit (the agent then works as before tools). */
async function toolsAt(deps: WorkerDeps, state: WorkflowState, role: AgentRole, sha: string): Promise<AgentTools | undefined> {
  const { workspace, installationToken } = deps;
  if (!toolsFor(state.config, role) || !workspace || !installationToken) return undefined;
  const { installationId, owner, repo } = state.ref;
  try {
    const repository = await workspace.forRepo({ owner, repo, installationId }, () => installationToken(installationId));
    const revision = await repository.at(sha);
    const { agents } = state.config;
    return {
      revision,
      limits: { maxTurns: agents[role].maxTurns, contextChars: agents.contextTokens * 4, tokenBudget: tokensLeft(state) },
    };
  } catch (error) {
    deps.log.warn({ err: error, workflowId: state.id, role, sha }, "workspace unavailable; the agent works without tools");
    return undefined;
  }
}

function split(read: Record<string, string | null>, paths: readonly string[]): ViewFiles {
  const files = Object.fromEntries(paths.map((path) => [path, read[path] ?? null]));
  const guidance = Object.fromEntries(GUIDANCE_FILES.map((path) => [path, read[path] ?? null]));
  return { files, guidance };
}

/**
 * The repository at `sha` as `role` sees it. `changes` are laid over the commit (the files a merge
 * with a moved base already settled): reads and tools show them.
 */
export async function repoView(
  deps: WorkerDeps,
  github: RepoGitHub,
  state: WorkflowState,
  role: AgentRole,
  sha: string,
  changes: readonly FileChange[] = [],
  options: { checks?: boolean } = {},
): Promise<RepoView> {
  const found = await toolsAt(deps, state, role, sha);
  if (found) {
    const local =
      options.checks === true && (role === "coder" || role === "debugger") ? await openChecks(deps, state, role, sha) : undefined;
    const revision = changes.length > 0 ? new Overlay(found.revision, changes) : found.revision;
    const tools = { ...found, revision, checks: local?.checks };
    return {
      tools,
      tree: async () => [...(await tools.revision.paths())],
      read: async (paths) => split(await readFilesAt(tools.revision, [...paths, ...GUIDANCE_FILES]), paths),
      close: async () => local?.close(),
    };
  }
  const overlaid = (read: Record<string, string | null>): Record<string, string | null> => {
    for (const change of changes) read[change.path] = change.content;
    return read;
  };
  return {
    tools: undefined,
    tree: () => github.listFiles(sha),
    read: async (paths) => split(overlaid(await github.readFiles(sha, [...new Set([...paths, ...GUIDANCE_FILES])])), paths),
    close: () => Promise.resolve(),
  };
}
