import type { SqliteStore } from "../store/sqlite/sqlite-store.ts";

/** Wrong arguments: the command's usage is printed with the message (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The command could not do what was asked (no such workflow, nothing to retry): the message says why (exit code 1). */
export class CommandRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandRefused";
  }
}

/** What a command runs with: the database, its arguments, the terminal, the clock and who runs it. */
export interface CommandContext {
  store: SqliteStore;
  /** The database's path (`FOREMAN_DB_PATH`). */
  database: string;
  /** The arguments after the command's name. */
  args: string[];
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  now: () => number;
}

/** One `foreman <name>` command. */
export interface CliCommand {
  name: string;
  /** Its arguments, as the usage text shows them. */
  synopsis: string;
  summary: string;
  run(context: CommandContext): void | Promise<void>;
}
