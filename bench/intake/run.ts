/**
 * One run of the intake bench: both apps started in processes of their own, a warm-up, then the
 * measured rounds. `bench/intake.ts` and `bench/throughput.ts` run it.
 */
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { buildDeliveries, postAll, type Delivery, type Timing } from "./deliveries.ts";
import { reportOf, type IntakeReport, type Measured } from "./report.ts";
import type { ServerKind, Served } from "./serve.ts";

export interface IntakeOptions {
  /** Deliveries per run (one app, one concurrency, one round). */
  deliveries: number;
  concurrency: number[];
  rounds: number;
  warmup: number;
  /** How the bench was run, for the report. */
  command: string;
}

const KINDS: readonly ServerKind[] = ["bare", "foreman"];

/** The script that serves one app when given `--serve bare|foreman`. */
const SERVER_SCRIPT = fileURLToPath(new URL("../intake.ts", import.meta.url));

/** Every run posted to each app, the warm-up included: what each should have recorded. */
type Posted = Record<ServerKind, Timing[]>;

interface Server {
  kind: ServerKind;
  child: ChildProcess;
  url: string;
}

/** Each app runs in a process of its own, so the load generator's work is not counted against it. */
async function start(kind: ServerKind): Promise<Server> {
  const child = fork(SERVER_SCRIPT, ["--serve", kind], { stdio: "inherit" });
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

/** Rounds alternate between the apps, so a slower moment of the machine falls on both. */
async function measure(
  options: IntakeOptions,
  servers: Server[],
  batch: (size: number) => Delivery[],
  posted: Posted,
): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const concurrency of options.concurrency) {
      for (const server of servers) {
        const cpuBefore = await cpuOf(server);
        const timing = await postAll(server.url, batch(options.deliveries), concurrency);
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

/** Posts signed deliveries to bare Probot and to Foreman's webhook path; the report with their ratios and failures. */
export async function runIntake(options: IntakeOptions): Promise<IntakeReport> {
  const startedAt = Date.now();
  const servers = await Promise.all(KINDS.map(start));
  let sent = 0;
  const batch = (size: number): Delivery[] => {
    const deliveries = buildDeliveries(sent, size);
    sent += size;
    return deliveries;
  };
  const posted: Posted = { bare: [], foreman: [] };
  const warmup = Math.max(...options.concurrency);
  for (const server of servers) posted[server.kind].push(await postAll(server.url, batch(options.warmup), warmup));
  const measured = await measure(options, servers, batch, posted);
  const served = await Promise.all(servers.map(stop));
  return reportOf({ command: options.command, startedAt, deliveries: options.deliveries, measured, posted, served });
}
