/**
 * The webhook intake bench: signed `issues.labeled` and `issue_comment.created` deliveries posted to
 * a bare Probot app with a no-op handler and to Foreman's webhook path (its handlers, the intake
 * sink and an on-disk SQLite store; no worker), one after another and with concurrency. It reports
 * deliveries per second and acknowledgement p50/p99 for both, and Foreman's ratio to bare Probot.
 * `npm run bench:intake [-- --deliveries 2000 --concurrency 1,8 --rounds 3 --out bench-results/intake.json]`.
 * See docs/development/performance.md.
 */
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeReport } from "./write-report.ts";
import { buildDeliveries, postAll, type Delivery, type Timing } from "./intake/deliveries.ts";
import { formatReport, reportOf, type Measured } from "./intake/report.ts";
import { serve, type ServerKind, type Served } from "./intake/serve.ts";

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

const KINDS: readonly ServerKind[] = ["bare", "foreman"];

/** Every run posted to each app, the warm-up included: what each should have recorded. */
type Posted = Record<ServerKind, Timing[]>;

interface Server {
  kind: ServerKind;
  child: ChildProcess;
  url: string;
}

/** Each app runs in a process of its own, so the load generator's work is not counted against it. */
async function start(kind: ServerKind): Promise<Server> {
  const child = fork(fileURLToPath(import.meta.url), ["--serve", kind], { stdio: "inherit" });
  const [message] = (await once(child, "message")) as [{ port: number }];
  return { kind, child, url: `http://127.0.0.1:${message.port}` };
}

/** Stops a server; what it recorded (Foreman's queued jobs), so the bench knows each delivery was recorded, not only acknowledged. */
async function stop(server: Server): Promise<Served> {
  const answer = once(server.child, "message") as Promise<[Served]>;
  server.child.send("stop");
  const [served] = await answer;
  await once(server.child, "exit");
  return served;
}

/** The CPU time the server's process has used so far, in µs. */
async function cpuOf(server: Server): Promise<number> {
  const answer = once(server.child, "message") as Promise<[number]>;
  server.child.send("cpu");
  const [micros] = await answer;
  return micros;
}

function numbers(text: string): number[] {
  return text.split(",").map((word) => Number(word.trim()));
}

/** Rounds alternate between the apps, so a slower moment of the machine falls on both. */
async function measure(servers: Server[], batch: (size: number) => Delivery[], posted: Posted): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (let round = 1; round <= Number(values.rounds); round += 1) {
    for (const concurrency of numbers(values.concurrency)) {
      for (const server of servers) {
        const cpuBefore = await cpuOf(server);
        const timing = await postAll(server.url, batch(Number(values.deliveries)), concurrency);
        const run = { ...timing, serverCpuUsPerDelivery: ((await cpuOf(server)) - cpuBefore) / timing.deliveries };
        posted[server.kind].push(timing);
        console.log(
          `round ${round}, ${server.kind}, concurrency ${concurrency}: ${timing.perSecond.toFixed(0)} deliveries/s, p50 ${timing.p50Ms.toFixed(2)} ms, p99 ${timing.p99Ms.toFixed(2)} ms, server CPU ${run.serverCpuUsPerDelivery.toFixed(0)} µs a delivery`,
        );
        const entry = measured.find((candidate) => candidate.kind === server.kind && candidate.concurrency === concurrency);
        if (entry) entry.runs.push(run);
        else measured.push({ kind: server.kind, concurrency, runs: [run] });
      }
    }
  }
  return measured;
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const servers = await Promise.all(KINDS.map(start));
  let sent = 0;
  const batch = (size: number): Delivery[] => {
    const deliveries = buildDeliveries(sent, size);
    sent += size;
    return deliveries;
  };
  const posted: Posted = { bare: [], foreman: [] };
  const warmup = Math.max(...numbers(values.concurrency));
  for (const server of servers) posted[server.kind].push(await postAll(server.url, batch(Number(values.warmup)), warmup));
  const measured = await measure(servers, batch, posted);
  const served = await Promise.all(servers.map(stop));
  const command = `npm run bench:intake -- --deliveries ${values.deliveries} --concurrency ${values.concurrency} --rounds ${values.rounds}`;
  const report = reportOf({ command, startedAt, deliveries: Number(values.deliveries), measured, posted, served });
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
