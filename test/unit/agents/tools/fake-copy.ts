import type { CheckCommand, CommandRun, WorkingCopy } from "../../../../src/ports/checks.ts";
import type { FileChange } from "../../../../src/ports/github.ts";

export const BUGGY = "export const sub = (a, b) => a + b;\n";
export const FIXED = "export const sub = (a, b) => a - b;\n";
export const PLANTED = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";

/**
 * A working copy behind the checks port: its files in memory, and a `test` check that passes when
 * `src/sub.js` subtracts. Every command it was asked to run is kept.
 */
export class FakeCopy implements WorkingCopy {
  readonly sha = "a".repeat(40);
  readonly setup = null;
  readonly files = new Map<string, string>([["src/sub.js", BUGGY]]);
  readonly ran: CheckCommand[] = [];
  closed = false;

  write(changes: readonly FileChange[]): Promise<void> {
    for (const change of changes) {
      if (change.content === null) this.files.delete(change.path);
      else this.files.set(change.path, change.content);
    }
    return Promise.resolve();
  }

  run(command: CheckCommand): Promise<CommandRun> {
    this.ran.push(command);
    const passes = this.files.get("src/sub.js")?.includes("a - b") === true;
    const output = passes ? "ok 1 - sub\n" : `not ok 1 - sub\nAssertionError: 5 !== -1\n    at test/sub.test.js:3\ntoken=${PLANTED}\n`;
    return Promise.resolve({ end: "exited", exitCode: passes ? 0 : 1, output, truncated: false, durationMs: 800 });
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
