import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.ts";

/** A store on a fresh file, closed and removed when the test ends; `clock.now` is what it takes as the time. */
export function freshStore(): { store: SqliteStore; path: string; clock: { now: number } } {
  const dir = mkdtempSync(join(tmpdir(), "foreman-store-"));
  const path = join(dir, "foreman.db");
  const clock = { now: 1_000 };
  const store = new SqliteStore(path, () => clock.now);
  onTestFinished(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { store, path, clock };
}
