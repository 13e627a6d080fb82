import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createNodeMiddleware, Probot, type ApplicationFunction } from "probot";
import { WEBHOOK_PATH } from "../../src/foreman.ts";
import { createApp } from "../../src/handlers/index.ts";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.ts";
import { StoreIntakeSink } from "../../src/store/store-intake-sink.ts";
import { WEBHOOK_SECRET } from "./deliveries.ts";

export type ServerKind = "bare" | "foreman";

/** What a server says when it stops: the jobs Foreman's store holds (null for the bare app). */
export interface Served {
  kind: ServerKind;
  queuedJobs: number | null;
}

/** A Probot app that does nothing with the deliveries it is subscribed to. */
const bareApp: ApplicationFunction = (app) => {
  app.on(["issues.labeled", "issue_comment.created"], () => undefined);
};

/** Foreman's handlers over its intake sink and a store on disk, as `startForeman` wires them; no worker takes the jobs. */
function foremanApp(): { app: ApplicationFunction; queuedJobs: () => number; close: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "foreman-intake-bench-"));
  const store = new SqliteStore(join(dir, "foreman.db"));
  const sink = new StoreIntakeSink(store, Date.now, () => undefined);
  return {
    app: createApp(sink),
    queuedJobs: () => store.pendingJobs(),
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The CPU time this process has used so far (user and system, in µs): the system part holds SQLite's writes. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

function kindOf(text: string): ServerKind {
  if (text !== "bare" && text !== "foreman") throw new Error(`--serve takes bare or foreman, not ${text}`);
  return text;
}

/**
 * Serves one app on a free port of 127.0.0.1 (told to the parent process), through Probot's node
 * middleware as Foreman's server does, with a silent logger; stops when the parent says "stop".
 */
export async function serve(text: string): Promise<void> {
  const kind = kindOf(text);
  const probot = new Probot({
    appId: 1,
    privateKey: "unused: intake makes no GitHub call",
    secret: WEBHOOK_SECRET,
    log: pino({ level: "silent" }),
  });
  const foreman = kind === "foreman" ? foremanApp() : null;
  const middleware = await createNodeMiddleware(foreman?.app ?? bareApp, { probot, webhooksPath: WEBHOOK_PATH });
  const server = createServer((request, response) => {
    void middleware(request, response, () => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.send?.({ port: (server.address() as AddressInfo).port });
  process.on("message", (message) => {
    if (message === "cpu") process.send?.(cpuMicros());
    if (message !== "stop") return;
    server.closeAllConnections();
    server.close();
    const served: Served = { kind, queuedJobs: foreman ? foreman.queuedJobs() : null };
    foreman?.close();
    process.send?.(served, () => process.exit(0));
  });
}
