import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { pino, type Logger } from "pino";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { ProbotGitHub } from "./adapters/github/octokit-github.ts";
import { OpenAiModel } from "./adapters/model/openai-model.ts";
import type { ForemanEnv } from "./env.ts";
import { createApp } from "./handlers/index.ts";
import { SqliteStore } from "./store/sqlite/sqlite-store.ts";
import { StoreIntakeSink } from "./store/store-intake-sink.ts";
import { DEFAULT_WORKER_OPTIONS, Worker } from "./worker/worker.ts";

export const WEBHOOK_PATH = "/api/github/webhooks";

export interface RunningForeman {
  url: string;
  stop(): Promise<void>;
}

/**
 * Probot's Octokit spaces writes 1 s apart (3 s for content) to stay under GitHub's secondary
 * limits. Against a local sandbox that only costs time, so it can be switched off. The option
 * is forced in a function because Probot sets its own `throttle` object on every instance.
 */
function octokitClass(env: ForemanEnv): typeof ProbotOctokit {
  if (env.FOREMAN_GITHUB_THROTTLE === "on") return ProbotOctokit;
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object | undefined), enabled: false },
  }));
}

async function botLogin(probot: Probot): Promise<string> {
  const octokit = await probot.auth();
  const { data } = await octokit.rest.apps.getAuthenticated();
  return `${data?.slug ?? "foreman"}[bot]`;
}

/** Starts the webhook server and the worker; `stop()` drains them and closes the database. */
export async function startForeman(env: ForemanEnv, logger?: Logger): Promise<RunningForeman> {
  const log = logger ?? pino({ level: env.LOG_LEVEL });
  const probot = new Probot({
    appId: env.APP_ID,
    privateKey: env.privateKey,
    secret: env.WEBHOOK_SECRET,
    log: log.child({ name: "probot" }),
    Octokit: octokitClass(env),
    ...(env.FOREMAN_GITHUB_API_URL ? { baseUrl: env.FOREMAN_GITHUB_API_URL } : {}),
  });
  if (env.FOREMAN_DB_PATH !== ":memory:") mkdirSync(dirname(env.FOREMAN_DB_PATH), { recursive: true });
  const store = new SqliteStore(env.FOREMAN_DB_PATH);
  const model = new OpenAiModel({ baseUrl: env.FOREMAN_LLM_BASE_URL, apiKey: env.llmApiKey });
  const worker = new Worker(
    {
      store,
      github: new ProbotGitHub(probot),
      model,
      log: log.child({ name: "worker" }),
      now: Date.now,
      botLogin: await botLogin(probot),
      modelFor: (role, config) => config.models[role] ?? config.models.default ?? env.FOREMAN_DEFAULT_MODEL,
    },
    { ...DEFAULT_WORKER_OPTIONS, concurrency: env.FOREMAN_WORKER_CONCURRENCY },
  );
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
  const { port } = server.address() as AddressInfo;
  log.info({ port, webhookPath: WEBHOOK_PATH }, "foreman is listening");
  return { url: `http://127.0.0.1:${port}`, stop: () => shutdown(server, worker, store) };
}

async function shutdown(server: Server, worker: Worker, store: SqliteStore): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await worker.stop();
  store.close();
}
