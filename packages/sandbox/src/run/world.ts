import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProbotOctokit } from "probot";
import { SandboxGitHub } from "../github/sandbox.ts";
import type { Repository, SandboxApp } from "../github/state/types.ts";
import { startModelServer, type ModelServer } from "../model/index.ts";
import { CONFIG_PATH, type Scenario } from "../scenario/index.ts";
import { freePort, startAppProcess, type AppProcess } from "./app-process.ts";
import type { AppUnderTest } from "./app-under-test.ts";
import { readManifest } from "./manifest.ts";
import { seedHistory } from "./seed-history.ts";
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
  /** The app's own folder (its database lives here). */
  dataDir: string;
  appLog: string;
  appProcess: AppProcess;
  issueNumber: number;
  as(login: string): UserOctokit;
  /** Work the app still has queued or running, as the app's side reports it; 0 when it is idle. */
  appPendingJobs(): number;
  /** SIGKILLs the app, deletes its durable data when asked (a lost database), and starts it again. */
  crashApp(loseData: boolean): Promise<void>;
  close(): Promise<void>;
}

function repositoryFiles(scenario: Scenario): Record<string, string> {
  const { files, config, configText } = scenario.repository;
  if (configText !== undefined) return { ...files, [CONFIG_PATH]: configText };
  if (config !== undefined) return { ...files, [CONFIG_PATH]: stringify(config) };
  return files;
}

const UserOctokitClass = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } });

export interface WorldOptions {
  /** The app to run against the sandbox. */
  app: AppUnderTest;
  realModel?: RealModel | null;
  appLogLevel?: string;
  /** Extra environment for the app process, e.g. a model provider chain. */
  appEnv?: Record<string, string>;
}

export async function createWorld(scenario: Scenario, options: WorldOptions): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), "foreman-run-"));
  const model = options.realModel ? null : await startModelServer({ script: scenario.model });
  const github = await SandboxGitHub.start({ faults: scenario.github.faults ?? [], webhookFaults: scenario.github.webhooks ?? {} });
  const port = await freePort();
  const secret = randomBytes(16).toString("hex");
  const manifest = readManifest(options.app.manifestPath);
  const { app, privateKey } = github.registerApp({
    name: manifest.name,
    webhookUrl: `http://127.0.0.1:${port}${options.app.webhookPath}`,
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
    ...(repository.protection ? { protection: repository.protection } : {}),
  });
  await seedHistory(repo, repository.history ?? []);
  for (const extra of scenario.extraRepositories) {
    await github.createRepository({
      owner: extra.owner ?? repository.owner,
      name: extra.name,
      defaultBranch: extra.defaultBranch,
      files: extra.files,
    });
  }
  for (const actor of scenario.actors) github.setPermission(repo, actor.login, actor.permission, actor.type);
  github.installApp(app, repository.owner);
  const dataDir = join(dir, "app");
  await mkdir(dataDir);
  const env: Record<string, string> = {
    ...options.app.env({
      githubUrl: github.url,
      appId: app.id,
      privateKey,
      webhookSecret: secret,
      modelUrl: options.realModel?.baseUrl ?? model?.url ?? "",
      modelApiKey: options.realModel?.apiKey ?? "sandbox",
      model: options.realModel?.model ?? null,
      dataDir,
      logLevel: options.appLogLevel ?? "info",
    }),
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
    dataDir,
    appProcess: await startAppProcess(options.app.entry, env, port, appLog),
    issueNumber: issue.number,
    as,
    appPendingJobs: () => options.app.pendingWork(dataDir),
    async crashApp(loseData) {
      await world.appProcess.kill();
      if (loseData) await options.app.loseData(dataDir);
      world.appProcess = await startAppProcess(options.app.entry, env, port, appLog);
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
