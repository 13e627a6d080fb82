import { DatabaseSync } from "node:sqlite";
import { onTestFinished } from "vitest";
import { loadBenchScenario } from "../../bench/harness/bench-scenario.ts";
import { performStep, commentsOn, createWorld, waitFor, type World, type WorldOptions, type Scenario } from "@foreman/sandbox";
import { databaseOf, foremanUnderTest } from "../../demo/foreman-under-test.ts";

/** The demo scenario's world with the app running, closed when the test ends. */
export async function liveWorld(
  edit: (scenario: Scenario) => Scenario = (scenario) => scenario,
  options: Partial<WorldOptions> = {},
): Promise<World> {
  const world = await createWorld(edit(await loadBenchScenario()), { app: foremanUnderTest, appLogLevel: "info", ...options });
  onTestFinished(() => world.close());
  return world;
}

/** Adds the label as the scenario's first step does, and waits for the app's status comment. */
export async function startWork(world: World): Promise<void> {
  const [label] = world.scenario.steps;
  if (!label) throw new Error("the scenario has no label step");
  await performStep(world, label);
  const answered = await waitFor(
    () => commentsOn(world, "issue").some((comment) => comment.user.login === world.botLogin),
    Date.now() + 20_000,
  );
  if (!answered) throw new Error("the app posted no comment on the issue within 20 s of the label");
}

export interface StoredWorkflow {
  phase: string;
  open: boolean;
  failure: string | null;
}

/** Reads the app's database (read-only, beside the running app). */
export function readDb<T>(world: World, read: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(databaseOf(world.dataDir), { readOnly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function storedWorkflow(world: World): StoredWorkflow | null {
  return readDb(world, (db) => {
    const row = db.prepare("SELECT state, open FROM workflows LIMIT 1").get() as { state: string; open: number } | undefined;
    if (!row) return null;
    const state = JSON.parse(row.state) as { phase: string; failure: string | null };
    return { phase: state.phase, open: row.open === 1, failure: state.failure };
  });
}

export function jobStates(world: World): Record<string, number> {
  return readDb(world, (db) => {
    const rows = db.prepare("SELECT state, count(*) AS n FROM jobs GROUP BY state").all() as Array<{ state: string; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  });
}
