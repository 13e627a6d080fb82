import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { MIGRATIONS } from "./schema.ts";

/** A database migrated further than this Foreman knows: a newer Foreman wrote it. */
export class DatabaseVersionError extends Error {
  readonly found: number;
  constructor(path: string, found: number) {
    super(
      `the database ${path} has schema version ${found}, newer than this Foreman's ${MIGRATIONS.length}: run the Foreman that wrote it, or a newer one`,
    );
    this.name = "DatabaseVersionError";
    this.found = found;
  }
}

/** One SQLite file in WAL mode, migrated on open, with the two helpers every table needs. */
export class SqliteDb {
  readonly db: DatabaseSync;
  private depth = 0;

  constructor(path: string) {
    this.db = new DatabaseSync(path);
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;");
    this.migrate(path);
  }

  private migrate(path: string): void {
    const { user_version: applied } = this.db.prepare("PRAGMA user_version").get() as { user_version: number };
    if (applied > MIGRATIONS.length) {
      this.db.close();
      throw new DatabaseVersionError(path, applied);
    }
    for (let index = applied; index < MIGRATIONS.length; index += 1) {
      this.transaction(() => {
        this.db.exec(MIGRATIONS[index] ?? "");
        this.db.exec(`PRAGMA user_version = ${index + 1}`);
      });
    }
  }

  /** Runs `work` in one write transaction; nested calls join the outer one. */
  transaction<T>(work: () => T): T {
    if (this.depth > 0) return work();
    this.db.exec("BEGIN IMMEDIATE");
    this.depth += 1;
    try {
      const result = work();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  /** Runs a statement; the number of rows it changed. */
  run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.db.prepare(sql).run(...params).changes);
  }

  /** Closes the file after a checkpoint, so the WAL is folded back into the database. */
  close(): void {
    if (!this.db.isOpen) return;
    this.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    this.db.close();
  }
}
