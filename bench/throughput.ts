/**
 * The throughput bench, every figure of the issue "Throughput" in one run: GitHub writes per task
 * against the floor, label-to-closed for 1, 4 and 8 independent tasks with the production throttle
 * on, webhook intake against bare Probot, the app's memory with 0 to 1,000 open workflows and its
 * CPU per task; the goals as ratios. `npm run bench [-- --only writes,scaling,intake,memory --out FILE]`.
 * See docs/development/performance.md.
 */
import { parseArgs } from "node:util";
import { writeReport } from "./write-report.ts";
import { intakePart, memoryPart, PARTS, scalingPart, writesPart, type Part } from "./throughput/parts.ts";
import { formatReport, reportOf, type Sections } from "./throughput/report.ts";

const { values } = parseArgs({
  options: {
    only: { type: "string", default: PARTS.join(",") },
    out: { type: "string", default: "bench-results/throughput.json" },
    tasks: { type: "string", default: "1,4,8" },
    "model-delay-ms": { type: "string", default: "1500" },
    deliveries: { type: "string", default: "1000" },
    rounds: { type: "string", default: "2" },
    concurrency: { type: "string", default: "1,8" },
    workflows: { type: "string", default: "0,100,1000" },
  },
});

class UsageError extends Error {}

function numbers(option: string, text: string): number[] {
  const list = text.split(",").map((word) => Number(word.trim()));
  if (list.some((value) => !Number.isInteger(value) || value < 0))
    throw new UsageError(`--${option} takes whole numbers separated by commas, not "${text}"`);
  return list;
}

function parts(text: string): Part[] {
  const chosen = text.split(",").map((word) => word.trim());
  const unknown = chosen.filter((word) => !(PARTS as readonly string[]).includes(word));
  if (unknown.length > 0) throw new UsageError(`--only takes ${PARTS.join(", ")}; not ${unknown.join(", ")}`);
  return PARTS.filter((part) => chosen.includes(part));
}

async function runPart(part: Part): Promise<Sections> {
  if (part === "writes") return { writes: await writesPart() };
  if (part === "scaling") return { scaling: await scalingPart(numbers("tasks", values.tasks), Number(values["model-delay-ms"])) };
  if (part === "intake")
    return {
      intake: await intakePart({
        deliveries: Number(values.deliveries),
        rounds: Number(values.rounds),
        concurrency: numbers("concurrency", values.concurrency),
      }),
    };
  return { memory: await memoryPart(numbers("workflows", values.workflows)) };
}

/** A part that throws is a failed part; the others still run. */
async function runGuarded(part: Part): Promise<Sections> {
  console.log(`\n== ${part}`);
  try {
    return await runPart(part);
  } catch (error) {
    console.error(error);
    return { [part]: { figures: null, failures: [`${part}: ${error instanceof Error ? error.message : String(error)}`] } };
  }
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const chosen = parts(values.only);
  let sections: Sections = {};
  for (const part of chosen) sections = { ...sections, ...(await runGuarded(part)) };
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const report = reportOf({ command, startedAt, parts: chosen, sections });
  console.log(`\n${formatReport(report)}`);
  await writeReport(values.out, report);
  return report.failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(1);
  },
);
