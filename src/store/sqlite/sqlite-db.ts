import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
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

/**
 * One SQLite file in WAL mode, migrated on open. Every statement is compiled once, on first use,
 * and kept for the life of the connection (the store's statements are a fixed set of texts), so a
 * webhook delivery or a job step runs statements without compiling them again.
 */
export class SqliteDb {
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
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

  /** The compiled statement for `sql`: prepared the first time, the same one after. Only constant texts: values go in parameters. */
  statement(sql: string): StatementSync {
    const known = this.statements.get(sql);
    if (known) return known;
    const prepared = this.db.prepare(sql);
    this.statements.set(sql, prepared);
    return prepared;
  }

  /** Runs `work` in one write transaction (one commit); nested calls join the outer one. */
  transaction<T>(work: () => T): T {
    if (this.depth > 0) return work();
    this.statement("BEGIN IMMEDIATE").run();
    this.depth += 1;
    try {
      const result = work();
      this.statement("COMMIT").run();
      return result;
    } catch (error) {
      // SQLite has already rolled back after some errors (a full disk); rolling back again would hide the cause.
      if (this.db.isTransaction) this.statement("ROLLBACK").run();
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  /** Runs a statement; the number of rows it changed. */
  run(sql: string, ...params: SQLInputValue[]): number {
    return Number(this.statement(sql).run(...params).changes);
  }

  /** The first row a query returns, as `T`, or undefined. */
  get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  /** Every row a query returns, as `T`. */
  all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.statement(sql).all(...params) as unknown as T[];
  }

  /** Closes the file after a checkpoint, so the WAL is folded back into the database. */
  close(): void {
    if (!this.db.isOpen) return;
    this.statements.clear();
    this.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    this.db.close();
  }
}
