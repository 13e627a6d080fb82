/**
 * The context bench: the whole app on generated repositories of 100, 1,000 and 10,000 files, once
 * with the agents' tools and once without, on an issue whose change lives in a file it never
 * names. It measures each role's prompt tokens per model call and its tool calls, the app's GitHub
 * API reads and writes and git fetches per task, and which paths the model could not reach.
 * `npm run bench:context [-- --sizes 100,1000,10000 --tools on,off --out bench-results/context.json]`.
 * See docs/development/context-bench.md.
 */
import { parseArgs } from "node:util";
import { writeReport } from "./write-report.ts";
import { reachOf } from "./context/reach.ts";
import { generateRepository } from "./context/repository.ts";
import { formatReport, reportOf } from "./context/report.ts";
import { runOnce, type RunRecord } from "./context/run.ts";
import { configText } from "./context/scenario.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100,1000,10000" },
    tools: { type: "string", default: "on,off" },
    out: { type: "string", default: "bench-results/context.json" },
    "timeout-seconds": { type: "string", default: "300" },
  },
});

function modes(text: string): boolean[] {
  const words = text.split(",").map((word) => word.trim());
  const unknown = words.filter((word) => word !== "on" && word !== "off");
  if (unknown.length > 0) throw new Error(`--tools takes on, off or both, not ${unknown.join(", ")}`);
  return words.map((word) => word === "on");
}

/** One run; with tools, the crawl that tells which paths the tools reach, on the same files. */
async function measure(size: number, tools: boolean, timeoutSeconds: number): Promise<RunRecord> {
  const run = await runOnce(size, tools, timeoutSeconds);
  if (!tools) return run;
  const reach = await reachOf(generateRepository(size, configText(true)));
  return { ...run, reach, paths: { ...run.paths, unreachable: reach.unreachable } };
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const sizes = values.sizes.split(",").map(Number);
  const timeoutSeconds = Number(values["timeout-seconds"]);
  const runs: RunRecord[] = [];
  for (const size of sizes) {
    for (const tools of modes(values.tools)) {
      console.log(`${size} files, tools ${tools ? "on" : "off"} …`);
      const run = await measure(size, tools, timeoutSeconds);
      console.log(`  ${run.completed ? "completed" : "NOT completed"} in ${run.seconds.toFixed(0)} s, ${run.modelCalls} model calls`);
      runs.push(run);
    }
  }
  const command = `npm run bench:context -- --sizes ${values.sizes} --tools ${values.tools}`;
  const report = reportOf(command, startedAt, sizes, runs);
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
