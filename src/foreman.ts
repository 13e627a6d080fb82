import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pino, type Logger } from "pino";
import { createNodeMiddleware, Probot } from "probot";
import { readAppLogin } from "./adapters/github/app-identity.ts";
import { githubClientOptions } from "./adapters/github/foreman-octokit.ts";
import { ProbotGitHub } from "./adapters/github/probot-github.ts";
import { createModel } from "./adapters/model/create-model.ts";
import { startLocalChecks } from "./adapters/checks/start-checks.ts";
import { GitWorkspaces } from "./adapters/workspace/git-workspaces.ts";
import { JobKey } from "./domain/ids.ts";
import { checksSettings, retentionPolicy, workspaceDir, type ForemanEnv } from "./env.ts";
import { createApp } from "./handlers/index.ts";
import { LOG_REDACTION } from "./policy/log-redaction.ts";
import { Reconciler } from "./reconcile/reconciler.ts";
import { startPruning, type StopPruning } from "./store/sqlite/prune-timer.ts";
import { SqliteStore } from "./store/sqlite/sqlite-store.ts";
import { StoreIntakeSink } from "./store/store-intake-sink.ts";
import { DEFAULT_WORKER_OPTIONS, Worker } from "./worker/worker.ts";

export const WEBHOOK_PATH = "/api/github/webhooks";

export interface RunningForeman {
  url: string;
  stop(): Promise<void>;
}

function workerOptions(env: ForemanEnv): typeof DEFAULT_WORKER_OPTIONS {
  return {
    ...DEFAULT_WORKER_OPTIONS,
    concurrency: env.FOREMAN_WORKER_CONCURRENCY,
    leaseMs: env.FOREMAN_LEASE_SECONDS * 1000,
    shutdownGraceMs: env.FOREMAN_SHUTDOWN_GRACE_SECONDS * 1000,
  };
}

/** Starts the webhook server, the worker and the reconciler; `stop()` drains them and closes the database. */
export async function startForeman(env: ForemanEnv, logger?: Logger): Promise<RunningForeman> {
  // Every logger below derives from this one, so none of them writes Foreman's credentials.
  const log = (logger ?? pino({ level: env.LOG_LEVEL })).child({}, { redact: LOG_REDACTION });
  const probot = new Probot({
    appId: env.APP_ID,
    privateKey: env.privateKey,
    secret: env.WEBHOOK_SECRET,
    log: log.child({ name: "probot" }),
    ...githubClientOptions({ throttle: env.FOREMAN_GITHUB_THROTTLE, baseUrl: env.FOREMAN_GITHUB_API_URL }),
  });
  if (env.FOREMAN_DB_PATH !== ":memory:") mkdirSync(dirname(env.FOREMAN_DB_PATH), { recursive: true });
  const store = new SqliteStore(env.FOREMAN_DB_PATH);
  const model = createModel({
    providers: env.providers,
    timeoutMs: env.FOREMAN_MODEL_TIMEOUT_SECONDS * 1000,
    log: log.child({ name: "model" }),
  });
  const bot = await readAppLogin(probot, log);
  const github = new ProbotGitHub(probot, bot);
  const holder: { reconciler: Reconciler | null } = { reconciler: null };
  const workspace = new GitWorkspaces({
    dir: workspaceDir(env),
    maxBytes: env.FOREMAN_WORKSPACE_MAX_MB * 1024 * 1024,
    apiBaseUrl: env.FOREMAN_GITHUB_API_URL,
    log: log.child({ name: "workspace" }),
  });
  const checks = await startLocalChecks(checksSettings(env), workspace, log.child({ name: "checks" }));
  const worker = new Worker(
    {
      store,
      github,
      model,
      log: log.child({ name: "worker" }),
      now: Date.now,
      botLogin: bot,
      maxWorkflowsPerInstallation: env.FOREMAN_MAX_WORKFLOWS_PER_INSTALLATION,
      modelFor: (role, config) => config.models[role] ?? config.models.default ?? env.FOREMAN_DEFAULT_MODEL,
      installationToken: (installationId) => github.installationToken(installationId),
      workspace,
      checks,
    },
    workerOptions(env),
    {
      onGaveUp: (job) => {
        const workflowId = JobKey.workflowOf(job.key);
        if (workflowId) holder.reconciler?.check(workflowId);
      },
    },
  );
  const reconciler = new Reconciler(
    { store, github, log: log.child({ name: "reconcile" }), now: Date.now, botLogin: bot, notify: () => worker.notify() },
    { intervalMs: env.FOREMAN_RECONCILE_SECONDS * 1000, scanIntervalMs: env.FOREMAN_RECONCILE_SCAN_SECONDS * 1000 },
  );
  holder.reconciler = reconciler;
  const sink = new StoreIntakeSink(store, Date.now, () => worker.notify());
  const middleware = await createNodeMiddleware(createApp(sink), { probot, webhooksPath: WEBHOOK_PATH });
  const server = createServer((request, response) => {
    if (request.url === "/healthz") {
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    void middleware(request, response, () => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  worker.start();
  reconciler.start();
  const stopPruning = startPruning(store, retentionPolicy(env), env.FOREMAN_PRUNE_HOURS * 3_600_000, log.child({ name: "retention" }));
  const { port } = server.address() as AddressInfo;
  log.info({ port, webhookPath: WEBHOOK_PATH, providers: env.providers.map((provider) => provider.name) }, "foreman is listening");
  return { url: `http://127.0.0.1:${port}`, stop: () => shutdown({ server, worker, reconciler, stopPruning, store, log }) };
}

/** Stops taking deliveries and jobs, lets the jobs in hand finish or releases their leases, then closes the database. */
async function shutdown(parts: {
  server: Server;
  worker: Worker;
  reconciler: Reconciler;
  stopPruning: StopPruning;
  store: SqliteStore;
  log: Logger;
}): Promise<void> {
  const closed = new Promise<void>((resolve) => parts.server.close(() => resolve()));
  parts.server.closeIdleConnections();
  await parts.reconciler.stop();
  parts.stopPruning();
  const { finished, released } = await parts.worker.stop();
  await Promise.race([closed, sleep(1000)]);
  parts.server.closeAllConnections();
  parts.store.close();
  parts.log.info({ finished, released }, "stopped; the database is closed");
}
