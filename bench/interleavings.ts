/**
 * The interleaving explorer: seeded schedules in which people act at random moments and GitHub
 * loses, repeats and reorders webhooks and fails writes after doing them, played against Foreman
 * in the sandbox; every run is checked against guarantees G1–G8 from the sandbox's records.
 * `npm run bench:interleavings [-- --schedules 200 --seed 1 --concurrency 2]`;
 * `-- --replay <seed> [--keep 0,3]` plays one schedule (or its shrunk form) and prints its story.
 * See docs/development/interleavings.md.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import {
  describeSchedule,
  Explorer,
  keepItems,
  mapPool,
  scheduleScenario,
  stopLiveRuns,
  type Guarantee,
  type Schedule,
  type ScheduleRun,
} from "@foreman/sandbox";
import { foremanSetup } from "./interleavings/setup.ts";
import { formatReport, reportOf, runLine, shrunkOf, violationsOf, type ViolationRecord } from "./interleavings/report.ts";

const { values } = parseArgs({
  options: {
    schedules: { type: "string", default: "200" },
    seed: { type: "string", default: "1" },
    concurrency: { type: "string", default: "2" },
    replay: { type: "string" },
    keep: { type: "string" },
    "shrink-replays": { type: "string", default: "8" },
    out: { type: "string", default: "bench-results/interleavings.json" },
  },
});

const outDir = dirname(values.out);
const filesDir = join(outDir, "interleavings");

async function writeScenario(explorer: Explorer, schedule: Schedule, guarantee: Guarantee): Promise<string> {
  const file = join(filesDir, `seed-${schedule.seed}-${guarantee}.yml`);
  const scenario = scheduleScenario(schedule, explorer.setup);
  await writeFile(file, `# ${describeSchedule(schedule).join("\n# ")}\n${stringify(scenario)}`);
  return file;
}

/** Shrinks the first violation of each guarantee (the others replay from their seed). */
async function shrinkFirsts(explorer: Explorer, runs: ScheduleRun[], violations: ViolationRecord[], concurrency: number): Promise<void> {
  const firsts = violations.filter(
    (violation, index) => violations.findIndex((other) => other.guarantee === violation.guarantee) === index,
  );
  const maxReplays = Number(values["shrink-replays"]);
  if (maxReplays <= 0 || firsts.length === 0) return;
  console.log(`\nshrinking ${firsts.length} violation(s), at most ${maxReplays} replays each …`);
  await mapPool(firsts, concurrency, async (violation) => {
    const run = runs.find((candidate) => candidate.schedule.seed === violation.seed);
    if (!run) return;
    const result = await explorer.shrink(run.schedule, violation.guarantee, violation.detail, maxReplays);
    violation.shrunk = shrunkOf(result, await writeScenario(explorer, result.schedule, violation.guarantee));
    console.log(`${violation.guarantee} seed ${violation.seed}: ${violation.shrunk.replay} (${violation.shrunk.items.length} items)`);
  });
}

async function explore(explorer: Explorer): Promise<number> {
  const startedAt = Date.now();
  const first = Number(values.seed);
  const concurrency = Math.max(1, Number(values.concurrency));
  const seeds = Array.from({ length: Number(values.schedules) }, (_, index) => first + index);
  let done = 0;
  const errors: Array<{ seed: number; error: string }> = [];
  const played = await mapPool(seeds, concurrency, async (seed) => {
    try {
      const run = await explorer.run(explorer.schedule(seed));
      done += 1;
      console.log(runLine(run, done, seeds.length));
      return run;
    } catch (error) {
      done += 1;
      const message = error instanceof Error ? error.message : String(error);
      errors.push({ seed, error: message });
      console.log(`[${done}/${seeds.length}] seed ${seed}: could not be played: ${message}`);
      return null;
    }
  });
  const runs = played.filter((run) => run !== null);
  const all = [...(await explorer.baselineRuns()), ...runs];
  const violations = violationsOf(all);
  await shrinkFirsts(explorer, all, violations, concurrency);
  const command = `npm run bench:interleavings -- --schedules ${seeds.length} --seed ${first} --concurrency ${concurrency}`;
  const report = reportOf({ command, seed: first, concurrency, errors }, startedAt, runs, violations);
  console.log(`\n${formatReport(report)}`);
  await writeFile(values.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten: ${values.out}`);
  return violations.length === 0 && errors.length === 0 ? 0 : 1;
}

async function replay(explorer: Explorer, seed: number): Promise<number> {
  const full = explorer.schedule(seed);
  const kept = values.keep === undefined ? undefined : values.keep === "none" ? [] : values.keep.split(",").map(Number);
  const schedule = kept ? keepItems(full, kept) : full;
  console.log(describeSchedule(schedule).join("\n"));
  const run = await explorer.run(schedule);
  console.log(`\n${run.timeline.join("\n")}\n`);
  for (const outcome of run.outcomes) {
    const verdict = !outcome.checked ? "not checked" : outcome.violations.length === 0 ? "holds" : "VIOLATED";
    console.log(`${outcome.guarantee.padEnd(4)} ${verdict}${outcome.violations.map((line) => `\n     - ${line}`).join("")}`);
  }
  const violated = run.outcomes.some((outcome) => outcome.violations.length > 0);
  if (violated) console.log(`\napp log (last lines):\n${run.appLogTail}`);
  console.log(
    `\nthe app's whole log: ${join(filesDir, `seed-${seed}.log`)}; the timeline and every comment of the app's: ${join(filesDir, `seed-${seed}.txt`)}`,
  );
  return violated ? 1 : 0;
}

/** Interrupted: the app processes of the runs under way are stopped, not left running. */
function stopOnSignal(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping the runs under way …`);
      void stopLiveRuns().finally(() => process.exit(130));
    });
  }
}

async function main(): Promise<number> {
  stopOnSignal();
  await mkdir(filesDir, { recursive: true });
  const explorer = new Explorer({ ...foremanSetup(filesDir), keepEvery: values.replay !== undefined });
  return values.replay === undefined ? explore(explorer) : replay(explorer, Number(values.replay));
}

// Exits when done: a run whose world could not be set up may leave a server of its own open.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
