import { mkdirSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pino, type Logger } from "pino";
import { createNodeMiddleware, Probot } from "probot";
import { readAppLogin } from "./adapters/github/app-identity.ts";
import { githubClientOptions } from "./adapters/github/foreman-octokit.ts";
import { DEFAULT_PACE, WritePacer } from "./adapters/github/write-pacer.ts";
import { ProbotGitHub } from "./adapters/github/probot-github.ts";
import { createModel } from "./adapters/model/create-model.ts";
import { startLocalChecks } from "./adapters/checks/start-checks.ts";
import { GitWorkspaces } from "./adapters/workspace/git-workspaces.ts";
import { modelFor } from "./config/repo-config.ts";
import { JobKey } from "./domain/ids.ts";
import { checksSettings, retentionPolicy, workspaceDir, type ForemanEnv } from "./env.ts";
import { createApp } from "./handlers/index.ts";
import { createMetrics, type ForemanMetrics } from "./observe/metrics.ts";
import { MeteredModel } from "./observe/metered-model.ts";
import { githubMetricsPlugin, operatorRoutes } from "./observe/observability.ts";
import { timeWebhookAck } from "./observe/webhook-timing.ts";
import { LOG_REDACTION } from "./policy/log-redaction.ts";
import { Reconciler } from "./reconcile/reconciler.ts";
import { listen } from "./server/http-server.ts";
import { Readiness } from "./server/readiness.ts";
import { healthRoute, readinessRoute, WEBHOOK_PATH, type Route } from "./server/routes.ts";
import { StartError } from "./server/start-error.ts";
import { credentialsRefused, describeRetry } from "./server/start-messages.ts";
import { startPruning, type StopPruning } from "./store/sqlite/prune-timer.ts";
import { SqliteStore } from "./store/sqlite/sqlite-store.ts";
import { StoreIntakeSink } from "./store/store-intake-sink.ts";
import { DEFAULT_WORKER_OPTIONS, Worker } from "./worker/worker.ts";

/** Where GitHub delivers webhooks (the App's webhook URL is this path on Foreman's public URL). */
export { WEBHOOK_PATH };

export interface RunningForeman {
  url: string;
  /** Settles once the worker runs; rejects with a `StartError` when GitHub refuses the App's credentials. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** The parts that start once GitHub has answered; null until then. */
interface Crew {
  worker: Worker | null;
  reconciler: Reconciler | null;
}

function workerOptions(env: ForemanEnv): typeof DEFAULT_WORKER_OPTIONS {
  return {
    ...DEFAULT_WORKER_OPTIONS,
    concurrency: env.FOREMAN_WORKER_CONCURRENCY,
    modelConcurrency: env.FOREMAN_MODEL_CONCURRENCY,
    modelConcurrencyPerInstallation: env.FOREMAN_MODEL_CONCURRENCY_PER_INSTALLATION,
    leaseMs: env.FOREMAN_LEASE_SECONDS * 1000,
    shutdownGraceMs: env.FOREMAN_SHUTDOWN_GRACE_SECONDS * 1000,
  };
}

/** Paces each installation's writes under GitHub's secondary limits, at the configured budget. */
function writePacer(env: ForemanEnv): WritePacer {
  return new WritePacer({ ...DEFAULT_PACE, perMinute: env.FOREMAN_GITHUB_WRITES_PER_MINUTE, perHour: env.FOREMAN_GITHUB_WRITES_PER_HOUR });
}

/**
 * The routes the server answers before the webhooks. An operator's route (metrics, a dashboard)
 * is added here; `/healthz` and `/readyz` must stay first.
 */
function serverRoutes(parts: { readiness: Readiness; operator: Route }): Route[] {
  return [healthRoute, readinessRoute(parts.readiness), parts.operator];
}

/** The database, its folder created; a path that cannot be opened is the operator's to fix. */
function openStore(path: string): SqliteStore {
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    return new SqliteStore(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartError(
      `FOREMAN_DB_PATH: cannot open the database at ${path} (${reason}); point it at a writable file on a persistent disk`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Opens the database and serves HTTP at once (`/healthz`, `/readyz`, the webhooks, which are
 * recorded from the first moment), then signs in to GitHub in the background and starts the
 * worker and the reconciler. `ready` says how that went; `stop()` drains and closes everything.
 */
export async function startForeman(env: ForemanEnv, logger?: Logger): Promise<RunningForeman> {
  // Every logger below derives from this one, so none of them writes Foreman's credentials.
  const log = (logger ?? pino({ level: env.LOG_LEVEL })).child({}, { redact: LOG_REDACTION });
  const metrics = createMetrics();
  const pacer = env.FOREMAN_GITHUB_THROTTLE === "on" ? writePacer(env) : null;
  const probot = new Probot({
    appId: env.APP_ID,
    privateKey: env.privateKey,
    secret: env.WEBHOOK_SECRET,
    log: log.child({ name: "probot" }),
    ...githubClientOptions({
      throttle: env.FOREMAN_GITHUB_THROTTLE,
      pacer,
      baseUrl: env.FOREMAN_GITHUB_API_URL,
      plugins: [githubMetricsPlugin(metrics)],
    }),
  });
  const store = openStore(env.FOREMAN_DB_PATH);
  // Retention: finished work is pruned at start and every FOREMAN_PRUNE_HOURS (docs/operations.md).
  const stopPruning = startPruning(store, retentionPolicy(env), env.FOREMAN_PRUNE_HOURS * 3_600_000, log.child({ name: "retention" }));
  const readiness = new Readiness({ github: "signing in to GitHub as the App", database: "ok", worker: "starts once GitHub answers" });
  const crew: Crew = { worker: null, reconciler: null };
  const sink = new StoreIntakeSink(store, Date.now, () => crew.worker?.notify());
  const middleware = await createNodeMiddleware(createApp(sink), { probot, webhooksPath: WEBHOOK_PATH });
  const webhooks = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.url?.startsWith(WEBHOOK_PATH)) timeWebhookAck(metrics, response);
    void middleware(request, response, () => response.writeHead(404).end());
  };
  // Observability: /metrics and /dashboard (src/observe/operator-routes.ts).
  const operator = operatorRoutes(env, { metrics, store, log, now: Date.now });
  const routes = serverRoutes({ readiness, operator });
  const listening = await listen({ port: env.PORT, host: env.HOST, routes, fallback: webhooks, log }).catch((error: unknown) => {
    stopPruning();
    store.close();
    throw error;
  });
  log.info({ port: listening.port, webhookPath: WEBHOOK_PATH }, "foreman is listening; signing in to GitHub");
  const abort = new AbortController();
  const ready = startWork({ env, probot, store, readiness, crew, metrics, pacer, log, signal: abort.signal });
  const stop = (): Promise<void> => shutdown({ server: listening.server, abort, ready, crew, stopPruning, store, readiness, log });
  return { url: `http://127.0.0.1:${listening.port}`, ready, stop };
}

interface WorkParts {
  env: ForemanEnv;
  probot: Probot;
  store: SqliteStore;
  readiness: Readiness;
  crew: Crew;
  metrics: ForemanMetrics;
  pacer: WritePacer | null;
  log: Logger;
  signal: AbortSignal;
}

/** Reads the App's login from GitHub (trying again while GitHub fails), then starts the worker and the reconciler. */
async function startWork(parts: WorkParts): Promise<void> {
  const { env, probot, readiness, log, signal } = parts;
  const bot = await readAppLogin(probot, {
    signal,
    onRetry: (error, waitMs, attempt) => {
      readiness.down("github", describeRetry(error, waitMs));
      log.warn({ err: error, attempt, waitMs }, "could not read the app from GitHub; trying again");
    },
  }).catch((error: unknown) => {
    if (signal.aborted) return null;
    readiness.down("github", "GitHub refused the App's credentials");
    throw credentialsRefused(error, env);
  });
  if (bot === null) return;
  readiness.up("github");
  const { worker, reconciler } = await buildCrew(parts, bot);
  if (signal.aborted) return;
  parts.crew.worker = worker;
  parts.crew.reconciler = reconciler;
  worker.start();
  reconciler.start();
  readiness.up("worker");
  log.info({ bot, providers: env.providers.map((provider) => provider.name) }, "foreman is working");
}

/** The worker and the reconciler over the GitHub adapter, the model, the workspace and the local checks. */
async function buildCrew(parts: WorkParts, bot: string): Promise<{ worker: Worker; reconciler: Reconciler }> {
  const { env, probot, store, log, crew, metrics, pacer } = parts;
  const github = new ProbotGitHub(probot, bot);
  const model = new MeteredModel(
    createModel({
      providers: env.providers,
      timeoutMs: env.FOREMAN_MODEL_TIMEOUT_SECONDS * 1000,
      log: log.child({ name: "model" }),
      prices: env.prices,
    }),
    metrics,
  );
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
      modelFor: (role, config) => modelFor(config, role, env.FOREMAN_DEFAULT_MODEL),
      operatorLimits: env.operatorLimits,
      installationToken: (installationId) => github.installationToken(installationId),
      workspace,
      checks,
      ...(pacer ? { githubBudget: pacer } : {}),
    },
    workerOptions(env),
    {
      onGaveUp: (job) => {
        metrics.jobsGaveUp.inc({ kind: job.kind });
        const workflowId = JobKey.workflowOf(job.key);
        if (workflowId) crew.reconciler?.check(workflowId);
      },
    },
  );
  const reconciler = new Reconciler(
    { store, github, log: log.child({ name: "reconcile" }), now: Date.now, botLogin: bot, notify: () => worker.notify() },
    { intervalMs: env.FOREMAN_RECONCILE_SECONDS * 1000, scanIntervalMs: env.FOREMAN_RECONCILE_SCAN_SECONDS * 1000 },
  );
  return { worker, reconciler };
}

/** Stops taking deliveries and jobs, lets the jobs in hand finish or releases their leases, then closes the database. */
async function shutdown(parts: {
  server: Server;
  abort: AbortController;
  ready: Promise<void>;
  crew: Crew;
  stopPruning: StopPruning;
  store: SqliteStore;
  readiness: Readiness;
  log: Logger;
}): Promise<void> {
  parts.readiness.down("worker", "stopping");
  parts.abort.abort();
  const closed = new Promise<void>((resolve) => parts.server.close(() => resolve()));
  parts.server.closeIdleConnections();
  await parts.ready.catch(() => undefined);
  await parts.crew.reconciler?.stop();
  parts.stopPruning();
  const { finished, released } = (await parts.crew.worker?.stop()) ?? { finished: 0, released: 0 };
  await Promise.race([closed, sleep(1000)]);
  parts.server.closeAllConnections();
  parts.store.close();
  parts.log.info({ finished, released }, "stopped; the database is closed");
}
