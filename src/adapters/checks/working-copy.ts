import type { CheckCommand, CommandRun, SetupRun, WorkingCopy } from "../../ports/checks.ts";
import type { FileChange } from "../../ports/github.ts";
import type { WorkTree } from "../../ports/workspace.ts";
import { removeTree } from "../workspace/remove-tree.ts";
import type { CommandRunner, CopyDirs } from "./command-runner.ts";
import { writeChanges } from "./write-changes.ts";

/** What a working copy is made of; `release` gives its uid back once it is closed. */
export interface CopyParts {
  sha: string;
  root: string;
  dirs: CopyDirs;
  tree: WorkTree;
  runAs: number | null;
  runner: CommandRunner;
  release: () => void;
}

/** Deletes a working copy's work tree and folder, and gives its uid back. */
export async function discardCopy(parts: Pick<CopyParts, "root" | "tree" | "release">): Promise<void> {
  try {
    await parts.tree.remove();
    await removeTree(parts.root);
  } finally {
    parts.release();
  }
}

/** One task's working copy: a work tree the sandbox sees as its working folder, with its own home folder and uid. */
export class LocalWorkingCopy implements WorkingCopy {
  readonly sha: string;
  readonly setup: SetupRun | null;
  private readonly parts: CopyParts;
  private closing: Promise<void> | null = null;

  constructor(parts: CopyParts, setup: SetupRun | null) {
    this.sha = parts.sha;
    this.parts = parts;
    this.setup = setup;
  }

  write(changes: readonly FileChange[]): Promise<void> {
    return writeChanges(this.parts.dirs.work, changes, this.parts.runAs);
  }

  run(command: CheckCommand, timeoutMs: number): Promise<CommandRun> {
    if (this.closing !== null) {
      return Promise.resolve({ end: "error", exitCode: null, output: "the working copy is closed", truncated: false, durationMs: 0 });
    }
    return this.parts.runner.run({ dirs: this.parts.dirs, runAs: this.parts.runAs, command, timeoutMs, network: false });
  }

  close(): Promise<void> {
    this.closing ??= discardCopy(this.parts);
    return this.closing;
  }
}
