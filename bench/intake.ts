/**
 * The webhook intake bench: signed `issues.labeled` and `issue_comment.created` deliveries posted to
 * a bare Probot app with a no-op handler and to Foreman's webhook path (its handlers, the intake
 * sink and an on-disk SQLite store; no worker), one after another and with concurrency. It reports
 * deliveries per second and acknowledgement p50/p99 for both, and Foreman's ratio to bare Probot.
 * `npm run bench:intake [-- --deliveries 2000 --concurrency 1,8 --rounds 3 --out bench-results/intake.json]`.
 * With `--serve bare|foreman` it is one of the servers (see intake/run.ts).
 * See docs/development/performance.md.
 */
import { parseArgs } from "node:util";
import { writeReport } from "./write-report.ts";
import { formatReport } from "./intake/report.ts";
import { runIntake } from "./intake/run.ts";
import { serve } from "./intake/serve.ts";

const { values } = parseArgs({
  options: {
    deliveries: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "1,8" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "300" },
    out: { type: "string", default: "bench-results/intake.json" },
    serve: { type: "string" },
  },
});

function numbers(text: string): number[] {
  return text.split(",").map((word) => Number(word.trim()));
}

async function main(): Promise<number> {
  const command = `npm run bench:intake -- --deliveries ${values.deliveries} --concurrency ${values.concurrency} --rounds ${values.rounds}`;
  const report = await runIntake({
    deliveries: Number(values.deliveries),
    concurrency: numbers(values.concurrency),
    rounds: Number(values.rounds),
    warmup: Number(values.warmup),
    command,
  });
  console.log(`\n${formatReport(report)}`);
  await writeReport(values.out, report);
  return report.failures.length === 0 ? 0 : 1;
}

if (values.serve !== undefined) {
  void serve(values.serve);
} else {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
