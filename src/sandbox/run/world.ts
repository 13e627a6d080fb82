import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { ProbotOctokit } from "probot";
import { SandboxGitHub } from "../github/sandbox.ts";
import type { Repository, SandboxApp } from "../github/state/types.ts";
import { startModelServer, type ModelServer } from "../model/index.ts";
import { CONFIG_PATH, type Scenario } from "../scenario/index.ts";
import { freePort, startAppProcess, type AppProcess } from "./app-process.ts";
import { readManifest } from "./manifest.ts";
import { stringify } from "yaml";

export type UserOctokit = InstanceType<typeof ProbotOctokit>;

export interface RealModel {
  baseUrl: string;
  apiKey: string;
  model?: string;
}

/** Everything one scenario runs against: the sandbox GitHub and model, the repository, and the real app process. */
export interface World {
  scenario: Scenario;
  github: SandboxGitHub;
  model: ModelServer | null;
  repo: Repository;
  app: SandboxApp;
  botLogin: string;
  dir: string;
  appLog: string;
  appProcess: AppProcess;
  issueNumber: number;
  as(login: string): UserOctokit;
  /** Jobs the app still has queued or running, read from its database; 0 when it is idle. */
  appPendingJobs(): number;
  /** Restarts the app process, keeping its database (for crash tests). */
  restartApp(): Promise<void>;
  close(): Promise<void>;
}

function repositoryFiles(scenario: Scenario): Record<string, string> {
  const { files, config, configText } = scenario.repository;
  if (configText !== undefined) return { ...files, [CONFIG_PATH]: configText };
  if (config !== undefined) return { ...files, [CONFIG_PATH]: stringify(config) };
  return files;
}

function pendingJobs(path: string): number {
  try {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      const row = db.prepare("SELECT count(*) AS n FROM jobs WHERE state IN ('ready', 'leased')").get() as { n: number } | undefined;
      return row?.n ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 1;
  }
}

const UserOctokitClass = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } });

export interface WorldOptions {
  realModel?: RealModel | null;
  appLogLevel?: string;
  /** Extra environment for the app process, e.g. a model provider chain. */
  appEnv?: Record<string, string>;
}

export async function createWorld(scenario: Scenario, options: WorldOptions = {}): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), "foreman-run-"));
  const model = options.realModel ? null : await startModelServer({ script: scenario.model });
  const github = await SandboxGitHub.start({ faults: scenario.github.faults ?? [], webhookFaults: scenario.github.webhooks ?? {} });
  const port = await freePort();
  const secret = randomBytes(16).toString("hex");
  const manifest = readManifest();
  const { app, privateKey } = github.registerApp({
    name: manifest.name,
    webhookUrl: `http://127.0.0.1:${port}/api/github/webhooks`,
    webhookSecret: secret,
    permissions: manifest.permissions,
    events: manifest.events,
  });
  const { repository } = scenario;
  const repo = await github.createRepository({
    owner: repository.owner,
    name: repository.name,
    defaultBranch: repository.defaultBranch,
    files: repositoryFiles(scenario),
    ci: repository.ci.map((job) => ({ name: job.name, run: job.run, timeoutSeconds: job.timeoutSeconds })),
    mergeQueue: repository.mergeQueue,
  });
  for (const actor of scenario.actors) github.setPermission(repo, actor.login, actor.permission, actor.type);
  github.installApp(app, repository.owner);
  const env: Record<string, string> = {
    APP_ID: String(app.id),
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: secret,
    FOREMAN_GITHUB_API_URL: github.url,
    FOREMAN_DB_PATH: join(dir, "foreman.db"),
    FOREMAN_LLM_BASE_URL: options.realModel?.baseUrl ?? model?.url ?? "",
    FOREMAN_LLM_API_KEY: options.realModel?.apiKey ?? "sandbox",
    FOREMAN_GITHUB_THROTTLE: "off",
    // Short intervals, so a dropped webhook or a crash costs the sandbox seconds, not minutes.
    FOREMAN_RECONCILE_SECONDS: "2",
    FOREMAN_RECONCILE_SCAN_SECONDS: "5",
    FOREMAN_LEASE_SECONDS: "3",
    LOG_LEVEL: options.appLogLevel ?? "info",
    LOG_FORMAT: "json",
    ...(options.realModel?.model ? { FOREMAN_DEFAULT_MODEL: options.realModel.model } : {}),
    ...options.appEnv,
  };
  const appLog = join(dir, "app.log");
  const as = (login: string): UserOctokit => new UserOctokitClass({ auth: { token: github.userToken(login) }, baseUrl: github.url });
  const { data: issue } = await as(scenario.issue.author).rest.issues.create({
    owner: repository.owner,
    repo: repository.name,
    title: scenario.issue.title,
    body: scenario.issue.body,
    ...(scenario.issue.labels.length > 0 ? { labels: scenario.issue.labels } : {}),
  });
  const world: World = {
    scenario,
    github,
    model,
    repo,
    app,
    botLogin: app.bot.login,
    dir,
    appLog,
    appProcess: await startAppProcess(env, port, appLog),
    issueNumber: issue.number,
    as,
    appPendingJobs: () => pendingJobs(env.FOREMAN_DB_PATH ?? ""),
    async restartApp() {
      await world.appProcess.kill();
      world.appProcess = await startAppProcess(env, port, appLog);
    },
    async close() {
      await world.appProcess.stop();
      await github.stop();
      await model?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return world;
}
