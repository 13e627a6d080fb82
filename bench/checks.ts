/**
 * The local checks bench: scenarios whose scripted first draft fails the repository's real tests
 * (a Python repository, a JavaScript one, a two-task plan), each run through the whole app with
 * local checks off and on. It counts CI runs (red ones too) and model calls per task, and
 * estimates the wall time per task when each CI run takes 60 s.
 * `npm run bench:checks [-- --checks off,on --out bench-results/checks.json]`.
 * See docs/development/checks-bench.md.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeReport } from "./write-report.ts";
import { formatReport, reportOf } from "./checks/report.ts";
import { runChecksScenario, type CheckRunRecord } from "./checks/run.ts";

const SCENARIOS = ["checks-python-slugify.yml", "checks-js-mean.yml", "checks-two-tasks.yml"].map((name) =>
  fileURLToPath(new URL(`../test/e2e/scenarios/${name}`, import.meta.url)),
);

const { values } = parseArgs({
  options: {
    checks: { type: "string", default: "off,on" },
    out: { type: "string", default: "bench-results/checks.json" },
  },
});

function modes(text: string): Array<"on" | "off"> {
  const words = text.split(",").map((word) => word.trim());
  const unknown = words.filter((word) => word !== "on" && word !== "off");
  if (unknown.length > 0) throw new Error(`--checks takes on, off or both, not ${unknown.join(", ")}`);
  return words as Array<"on" | "off">;
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const runs: CheckRunRecord[] = [];
  for (const file of SCENARIOS) {
    for (const checks of modes(values.checks)) {
      const run = await runChecksScenario(file, checks);
      console.log(
        `${run.scenario}, checks ${checks}: ${run.completed ? "completed" : "NOT completed"} in ${run.seconds} s, ${run.redCiRuns} red CI runs`,
      );
      for (const failure of run.failures) console.log(`  - ${failure}`);
      runs.push(run);
    }
  }
  const report = reportOf(`npm run bench:checks -- --checks ${values.checks}`, startedAt, runs);
  console.log(`\n${formatReport(report)}`);
  await writeReport(values.out, report);
  return runs.every((run) => run.completed) ? 0 : 1;
}

// Exits when done: a run whose world could not be set up may leave a server of its own open.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
