/**
 * `npm run eval`: how often Foreman resolves issues, instance by instance, with a real model or a
 * scripted reference agent; `--compare A B` puts two reports side by side; `--import` converts
 * SWE-bench-format instances. See docs/eval.md.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { compareReports } from "./harness/compare.ts";
import { priceTable } from "./harness/cost.ts";
import { loadSuite } from "./harness/instance.ts";
import { endpointFrom, EvalUsageError, parseCommand, USAGE, type EvalOptions } from "./harness/options.ts";
import { renderReport, type InstanceRecord, type Report } from "./harness/report.ts";
import { reportPath, runSuite } from "./harness/run-suite.ts";
import { importSweBench } from "./harness/swebench.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

async function readReport(out: string, name: string): Promise<Report> {
  return JSON.parse(await readFile(reportPath({ out }, name), "utf8")) as Report;
}

function progress(record: InstanceRecord): void {
  const verdict = record.error ? `error: ${record.error}` : record.resolved ? "resolved" : `not resolved (${record.ending})`;
  console.log(`${record.id}: ${verdict}, ${record.seconds.wall} s`);
}

async function run(options: EvalOptions): Promise<number> {
  const endpoint = options.agent === "model" ? endpointFrom(process.env) : null;
  const prices = priceTable(process.env.FOREMAN_MODEL_PRICES);
  const suite = options.suite.startsWith("/") ? options.suite : `${ROOT}${options.suite}`;
  const instances = await loadSuite(suite, options.instances);
  if (instances.length === 0)
    throw new EvalUsageError(`no instance in ${options.suite} matches ${options.instances.join(", ") || "anything"}`);
  const name = options.run ?? `${options.agent}-${options.plan}${options.tools ? "" : "-no-tools"}${options.checks ? "" : "-no-checks"}`;
  console.log(`eval run ${name}: ${instances.length} instances, agent ${options.agent}`);
  const report = await runSuite({
    options,
    run: name,
    command: `npm run eval -- ${process.argv.slice(2).join(" ")}`.trim(),
    instances,
    endpoint,
    prices,
    onRecord: progress,
  });
  console.log(`\n${renderReport(report)}\n\nwritten: ${reportPath(options, name)}`);
  return report.summary.errors > 0 || report.summary.leaks > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2));
  switch (command.kind) {
    case "help":
      console.log(USAGE);
      return 0;
    case "compare":
      console.log(compareReports(await readReport(command.out, command.a), await readReport(command.out, command.b)));
      return 0;
    case "import": {
      const ids = await importSweBench(command);
      console.log(`imported ${ids.length} instances into ${command.into}: ${ids.join(", ")}`);
      return 0;
    }
    case "run":
      return run(command.options);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof EvalUsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
