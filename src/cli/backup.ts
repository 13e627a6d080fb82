import { existsSync, statSync } from "node:fs";
import { CommandRefused, UsageError, type CliCommand } from "./command.ts";

export const backupCommand: CliCommand = {
  name: "backup",
  synopsis: "<file>",
  summary: "a consistent copy of the database, taken while the server runs (SQLite's VACUUM INTO)",
  run({ store, args, stdout }) {
    const file = args[0];
    if (file === undefined || args.length > 1) throw new UsageError("expected one argument: the file to write the copy to");
    if (existsSync(file)) throw new CommandRefused(`${file} already exists; name a new file (the copy never overwrites one)`);
    store.operatorQueries().backup(file);
    stdout.write(`backed up the database to ${file} (${statSync(file).size} bytes)\n`);
  },
};
