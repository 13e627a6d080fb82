/**
 * The GitHub writes bench: a scenario (the demo's three-task issue by default) run through the
 * whole app in the sandbox, its successful writes counted by purpose and by path (a task's or the
 * issue's) against the floor, with the tasks an installation finishes an hour at GitHub's 500
 * content writes an hour. `npm run bench:writes [-- --scenario FILE --out bench-results/writes.json]`.
 * See docs/development/performance.md.
 */
import { parseArgs } from "node:util";
import { FLOOR } from "./writes/count.ts";
import { DEMO_SCENARIO, GOAL_RATIO, runWrites } from "./writes/run.ts";
import { writeReport } from "./write-report.ts";

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: DEMO_SCENARIO },
    out: { type: "string", default: "bench-results/writes.json" },
  },
});

async function main(): Promise<number> {
  const run = await runWrites(values.scenario);
  if (!run.ok) {
    console.error(`the scenario did not complete: ${run.failures.join("; ")}`);
    return 1;
  }
  const { counts } = run;
  console.log(
    `${run.scenario}: ${counts.writes} writes for ${counts.tasks} tasks (floor ${counts.floor}: ${FLOOR.perTask} a task, ${FLOOR.perIssue} an issue)`,
  );
  for (const [what, count] of Object.entries(counts.byKind).sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(count).padStart(3)}  ${what}`);
  console.log(
    `${counts.ratioToFloor}× the floor (goal ≤ ${GOAL_RATIO}×); ${counts.writesPerTask} writes a task; ${counts.tasksPerHourAt500} tasks an hour at 500 writes an hour`,
  );
  await writeReport(values.out, {
    command: `npm run bench:writes${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    date: new Date().toISOString(),
    scenario: run.scenario,
    floorRule: FLOOR,
    ...counts,
    goal: { ratioToFloor: GOAL_RATIO, met: counts.ratioToFloor <= GOAL_RATIO },
  });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
