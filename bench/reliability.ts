/**
 * The reliability bench: the demo scenario once uninterrupted (the baseline), then runs in which
 * the app is SIGKILLed at seeded points and restarted (some losing their database), and runs under
 * fault mixes (webhooks, GitHub, model). Each final GitHub state is compared with the baseline.
 * Run with `npm run bench:reliability [-- --crash-runs 12 --db-runs 3 --seed 1 --out file.json]`.
 */
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { writeReport } from "./write-report.ts";
import { loadBenchScenario } from "./harness/bench-scenario.ts";
import { FAULT_MIXES } from "./harness/mixes.ts";
import { formatReport, reportOf } from "./harness/report.ts";
import { plannedDisruptions, runBaseline, runBench } from "./harness/run-bench.ts";

const TASKS = ["mean", "median", "summary"];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "crash-runs": { type: "string", default: "12" },
      "db-runs": { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      out: { type: "string", default: "bench-results/reliability.json" },
      "no-mixes": { type: "boolean", default: false },
    },
  });
  const startedAt = Date.now();
  const seed = Number(values.seed);
  const scenario = await loadBenchScenario();
  const logDir = join(dirname(values.out), "reliability-logs");
  await mkdir(logDir, { recursive: true });
  console.log(`baseline: ${scenario.name} …`);
  const baseline = await runBaseline(scenario, TASKS, 120_000);
  console.log(
    `baseline: ${baseline.seconds.toFixed(1)} s, ${baseline.deliveries} webhooks, merged ${baseline.state.mergedTasks.join(", ")}`,
  );
  const { crashes, databaseLosses } = plannedDisruptions(seed, baseline, Number(values["crash-runs"]), Number(values["db-runs"]));
  const runs = await runBench(
    {
      scenario,
      tasks: TASKS,
      seed,
      crashes,
      databaseLosses,
      mixes: values["no-mixes"] ? [] : FAULT_MIXES,
      timeoutMs: 120_000,
      logDir,
      onRun: (run) =>
        console.log(
          `${run.name}: ${run.completed ? "completed" : "NOT completed"} in ${run.seconds.toFixed(1)} s, ${run.duplicates.length} duplicates, ${run.lostTasks.length} lost`,
        ),
    },
    baseline,
  );
  const report = reportOf(scenario.name, seed, startedAt, baseline, runs);
  console.log(`\n${formatReport(report)}`);
  await writeReport(values.out, report);
  const { totals } = report;
  return totals.runsCompleted === totals.runs && totals.duplicatesFound === 0 && totals.tasksLost === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
