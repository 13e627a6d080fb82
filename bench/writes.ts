/**
 * The GitHub writes bench: a scenario (the demo's three-task issue by default) run through the
 * whole app in the sandbox, its successful writes counted by purpose and by path (a task's or the
 * issue's) against the floor, with the tasks an installation finishes an hour at GitHub's 500
 * content writes an hour, and how long the run took. `npm run bench:writes [-- --scenario FILE --throttle on|off
 * --out bench-results/writes.json]`: `--throttle on` paces the app's writes as against GitHub (off by default, as the demo runs).
 * See docs/development/performance.md.
 */
import { parseArgs } from "node:util";
import { FLOOR } from "./writes/count.ts";
import { DEMO_SCENARIO, GOAL_RATIO, runWrites } from "./writes/run.ts";
import { writeReport } from "./write-report.ts";

const { values } = parseArgs({
  options: {
    scenario: { type: "string", default: DEMO_SCENARIO },
    throttle: { type: "string", default: "off" },
    out: { type: "string", default: "bench-results/writes.json" },
  },
});

async function main(): Promise<number> {
  if (values.throttle !== "on" && values.throttle !== "off") {
    console.error(`--throttle must be on or off, not ${JSON.stringify(values.throttle)}`);
    return 1;
  }
  const run = await runWrites(values.scenario, values.throttle);
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
  console.log(`the run took ${run.seconds} s, throttle ${values.throttle}`);
  await writeReport(values.out, {
    command: `npm run bench:writes${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`,
    date: new Date().toISOString(),
    scenario: run.scenario,
    throttle: values.throttle,
    seconds: run.seconds,
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
