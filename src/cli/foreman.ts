#!/usr/bin/env node
/**
 * `foreman <command>`: the operator's command line, run on Foreman's host beside the server
 * (`npx foreman list`, or `node src/cli/foreman.ts list`). It reads the database at FOREMAN_DB_PATH
 * (default .foreman/foreman.db) while the server runs (WAL mode), and changes workflows only by
 * queueing the jobs the server's worker runs, as a maintainer's command on GitHub does.
 */
import { existsSync } from "node:fs";
import { SqliteStore } from "../store/sqlite/sqlite-store.ts";
import { auditCommand } from "./audit-command.ts";
import { backupCommand } from "./backup.ts";
import { cancelCommand } from "./cancel.ts";
import { CommandRefused, UsageError, type CliCommand } from "./command.ts";
import { listCommand } from "./list.ts";
import { pruneCommand } from "./prune.ts";
import { retryCommand } from "./retry.ts";
import { showCommand } from "./show.ts";
import { topCommand } from "./top.ts";

const COMMANDS: readonly CliCommand[] = [
  listCommand,
  showCommand,
  topCommand,
  cancelCommand,
  retryCommand,
  auditCommand,
  pruneCommand,
  backupCommand,
];

const DEFAULT_DATABASE = ".foreman/foreman.db";

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => `${command.name} ${command.synopsis}`.length));
  const lines = COMMANDS.map((command) => `  foreman ${`${command.name} ${command.synopsis}`.padEnd(width)}  ${command.summary}`);
  return [`usage:`, ...lines, "", `Reads the database at FOREMAN_DB_PATH (default ${DEFAULT_DATABASE}); see docs/operations.md.`].join(
    "\n",
  );
}

/** Node's own argument parser refuses an unknown or malformed option with one of these codes. */
function isArgumentError(error: unknown): error is Error {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}

async function run(command: CliCommand, args: string[], database: string): Promise<number> {
  const store = new SqliteStore(database);
  const context = { store, database, args, env: process.env, stdout: process.stdout, stdin: process.stdin, now: Date.now };
  try {
    await command.run(context);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || isArgumentError(error)) {
      console.error(`foreman ${command.name}: ${error.message}\nusage: foreman ${command.name} ${command.synopsis}`);
      return 2;
    }
    if (!(error instanceof CommandRefused)) throw error;
    console.error(`foreman ${command.name}: ${error.message}`);
    return 1;
  } finally {
    store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === "help" || name === "--help" || name === "-h") {
    console.log(usage());
    return 0;
  }
  const command = COMMANDS.find((known) => known.name === name);
  if (!command) {
    console.error(`${name === undefined ? "no command given" : `unknown command "${name}"`}\n${usage()}`);
    return 2;
  }
  const database = process.env.FOREMAN_DB_PATH ?? DEFAULT_DATABASE;
  if (!existsSync(database)) {
    console.error(`no database at ${database}: set FOREMAN_DB_PATH to the server's database`);
    return 2;
  }
  return run(command, args, database);
}

process.exitCode = await main(process.argv.slice(2));
