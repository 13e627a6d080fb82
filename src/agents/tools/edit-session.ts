import { WorkspaceError, type FileRead, type Revision } from "../../ports/workspace.ts";
import { applyEdits, type Edit, type EditOutcome, type EditPolicy } from "../apply-edits.ts";
import { codeSpan } from "../../render/code-span.ts";
import { Overlay } from "./overlay.ts";

/**
 * The edits one agent makes through tools, checked as they come against the task's edit policy
 * (its files, protected paths, secrets, the changed-lines cap) and applied to an overlay of the
 * revision, so that its later reads show them. Nothing is written anywhere: the job commits the
 * outcome through GitHub as before.
 */
export class EditSession {
  readonly overlay: Overlay;
  private readonly base: Revision;
  private readonly policy: EditPolicy;
  private readonly baseFiles: Record<string, string | null> = {};
  private readonly unreadable = new Map<string, string>();
  private readonly accepted: Edit[] = [];

  constructor(base: Revision, policy: EditPolicy) {
    this.base = base;
    this.policy = policy;
    this.overlay = new Overlay(base);
  }

  /** The edits accepted so far, in order: applied to the base's files, they give the overlay. */
  get edits(): readonly Edit[] {
    return this.accepted;
  }

  /** Applies one edit on top of the accepted ones; its problems when it cannot be (nothing changes then). */
  async apply(edit: Edit): Promise<string[]> {
    const outcome = await this.check([edit]);
    if (!outcome.ok) return outcome.problems;
    this.accepted.push(edit);
    for (const change of outcome.changes) this.overlay.set(change.path, change.content);
    return [];
  }

  /** The accepted edits and `more` together, checked and turned into file changes on the base's files. */
  async check(more: readonly Edit[]): Promise<EditOutcome> {
    const edits = [...this.accepted, ...more];
    const problems = await this.load(edits.map((edit) => edit.path));
    if (problems.length > 0) return { ok: false, problems };
    return applyEdits(edits, this.baseFiles, this.policy);
  }

  /** The base's content of every file an edit touched (null: it did not exist). */
  get files(): Record<string, string | null> {
    return { ...this.baseFiles };
  }

  private async load(paths: readonly string[]): Promise<string[]> {
    const problems: string[] = [];
    for (const path of new Set(paths)) {
      if (!(path in this.baseFiles) && !this.unreadable.has(path)) {
        const read = await this.readBase(path);
        if (typeof read === "string") problems.push(read);
        else if (read?.binary || read?.truncated) this.unreadable.set(path, `${codeSpan(path)} is binary or too large for Foreman to edit`);
        else this.baseFiles[path] = read === null ? null : read.content;
      }
      const problem = this.unreadable.get(path);
      if (problem !== undefined) problems.push(problem);
    }
    return problems;
  }

  /** The file at the base; null when absent or not a path of the repository (the edit policy says why); a problem when the read failed. */
  private async readBase(path: string): Promise<FileRead | null | string> {
    try {
      return await this.base.readFile(path);
    } catch (error) {
      if (!(error instanceof WorkspaceError)) throw error;
      return error.kind === "invalid_input" ? null : `${codeSpan(path)} could not be read (${error.kind}); try the edit again`;
    }
  }
}
