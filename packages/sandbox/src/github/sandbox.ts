import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino, type Logger } from "pino";
import { issueUserToken } from "./auth.ts";
import { SandboxCore } from "./core.ts";
import { ApiDispatcher } from "./dispatch.ts";
import { FaultInjector, type GitHubFaultRule } from "./faults.ts";
import { sharedOpenApiIndex } from "./fidelity/rest.ts";
import { validateWebhookPayload } from "./fidelity/webhooks.ts";
import { GitRepository } from "./git/git-repository.ts";
import { createGraphqlEndpoint } from "./graphql/endpoint.ts";
import { applyProtection, protectionRules, type ProtectionOptions } from "./protection/options.ts";
import { RequestLog } from "./request-log.ts";
import { allRoutes } from "./routes/index.ts";
import { defaultLabels } from "./routes/issues-labels-defaults.ts";
import { serializeUser } from "./serializers/user.ts";
import { SandboxHttpServer } from "./server.ts";
import { encodeNodeId, SandboxStore } from "./state/store.ts";
import type { AccountType, CiCommand, Installation, Label, Permission, Repository, SandboxApp } from "./state/types.ts";
import { WebhookDispatcher, type WebhookFaultPlan } from "./webhooks.ts";
import { installServices } from "./services.ts";

export interface SandboxGitHubOptions {
  logger?: Logger;
  now?: () => Date;
  faults?: GitHubFaultRule[];
  webhookFaults?: WebhookFaultPlan;
  requestLogFile?: string | null;
  port?: number;
}

export interface RegisterAppOptions {
  name: string;
  slug?: string;
  owner?: string;
  webhookUrl: string | null;
  webhookSecret: string;
  permissions: Record<string, "read" | "write">;
  events: string[];
}

export interface CreateRepositoryOptions {
  owner: string;
  name: string;
  defaultBranch?: string;
  files: Record<string, string>;
  ci?: CiCommand[];
  mergeQueue?: boolean;
  /** Required status checks on the default branch; defaults to the CI command names. */
  requiredChecks?: string[];
  /**
   * The default branch's protection (reviews, code owners, checks, up to date, linear history),
   * enforced on merges and reported as branch protection or a ruleset. Without it the required
   * checks gate only the merge queue and auto-merge, and REST merges are not checked.
   */
  protection?: ProtectionOptions;
  private?: boolean;
  /** Starts the repository with GitHub's default labels (bug, documentation, …), as github.com does; default true. */
  defaultLabels?: boolean;
}

const SANDBOX_IDENTITY = { name: "Sandbox", email: "sandbox@users.noreply.localhost" };

/** A local GitHub: REST, GraphQL, webhooks, CI and a merge queue over real git repositories. */
export class SandboxGitHub {
  readonly url: string;
  readonly core: SandboxCore;
  readonly faults: FaultInjector;
  private readonly http: SandboxHttpServer;
  private readonly dataDir: string;

  private constructor(url: string, core: SandboxCore, faults: FaultInjector, http: SandboxHttpServer, dataDir: string) {
    this.url = url;
    this.core = core;
    this.faults = faults;
    this.http = http;
    this.dataDir = dataDir;
  }

  static async start(options: SandboxGitHubOptions = {}): Promise<SandboxGitHub> {
    const logger = options.logger ?? pino({ level: "silent" });
    const store = new SandboxStore(options.now);
    const webhooks = new WebhookDispatcher(
      (event, payload) => validateWebhookPayload(event, payload).map((p) => `${p.pointer}: ${p.message}`),
      logger,
    );
    if (options.webhookFaults) webhooks.setFaults(options.webhookFaults);
    const faults = new FaultInjector(options.now);
    faults.add(options.faults ?? []);
    const urls = { api: "http://127.0.0.1", html: "http://127.0.0.1" };
    const core = new SandboxCore(store, urls, webhooks, new RequestLog(options.requestLogFile), logger);
    const dispatcher = new ApiDispatcher(core, sharedOpenApiIndex(), allRoutes, createGraphqlEndpoint(core));
    const rawRoutes = installServices(core);
    const http = new SandboxHttpServer(core, dispatcher, faults, rawRoutes);
    const url = await http.listen(options.port ?? 0);
    urls.api = url;
    urls.html = url;
    const dataDir = await mkdtemp(join(tmpdir(), "foreman-sandbox-"));
    return new SandboxGitHub(url, core, faults, http, dataDir);
  }

  get store(): SandboxStore {
    return this.core.store;
  }

  get requestLog(): RequestLog {
    return this.core.requestLog;
  }

  get webhooks(): WebhookDispatcher {
    return this.core.webhooks;
  }

  /** Registers a GitHub App; the private key is what GitHub would let you download once. */
  registerApp(options: RegisterAppOptions): { app: SandboxApp; privateKey: string } {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const store = this.store;
    const id = store.nextId();
    const slug = options.slug ?? options.name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const app: SandboxApp = {
      id,
      nodeId: encodeNodeId("A", id),
      slug,
      name: options.name,
      owner: store.ensureAccount(options.owner ?? "sandbox-owner"),
      bot: store.ensureAccount(`${slug}[bot]`, "Bot"),
      publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
      webhookUrl: options.webhookUrl,
      webhookSecret: options.webhookSecret,
      permissions: options.permissions,
      events: options.events,
      createdAt: store.timestamp(),
    };
    store.apps.set(id, app);
    return { app, privateKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString() };
  }

  /** Installs an app on an account (all repositories) and sends `installation.created`. */
  installApp(app: SandboxApp, accountLogin: string): Installation {
    const store = this.store;
    const id = store.nextId();
    const installation: Installation = {
      id,
      nodeId: encodeNodeId("MDIz", id),
      appId: app.id,
      account: store.ensureAccount(accountLogin),
      createdAt: store.timestamp(),
      suspended: false,
    };
    store.installations.set(id, installation);
    return installation;
  }

  async createRepository(options: CreateRepositoryOptions): Promise<Repository> {
    const store = this.store;
    const id = store.nextId();
    const defaultBranch = options.defaultBranch ?? "main";
    const git = await GitRepository.init(join(this.dataDir, `${options.owner}-${options.name}-${id}.git`), { defaultBranch });
    await git.seed(options.files, { branch: defaultBranch, message: "Initial commit", author: SANDBOX_IDENTITY });
    const now = store.timestamp();
    const repo: Repository = {
      id,
      nodeId: encodeNodeId("R", id),
      owner: store.ensureAccount(options.owner),
      name: options.name,
      defaultBranch,
      private: options.private ?? false,
      git,
      collaborators: new Map(),
      labels: options.defaultLabels === false ? new Map<string, Label>() : defaultLabels(id),
      mergeQueue: options.mergeQueue ?? false,
      ci: options.ci ?? [],
      requiredChecks: options.protection?.requiredChecks ?? options.requiredChecks ?? (options.ci ?? []).map((command) => command.name),
      protection: options.protection ? protectionRules(store.nextId(), options.protection) : null,
      createdAt: now,
      pushedAt: now,
      updatedAt: now,
      nextNumber: 1,
      deleted: false,
    };
    store.repositories.set(id, repo);
    return repo;
  }

  /**
   * Sets the default branch's protection on a live repository, as an admin would in the settings
   * (classic branch protection or a ruleset, by `via`); `null` removes it and its required checks.
   */
  setProtection(repo: Repository, protection: ProtectionOptions | null): void {
    applyProtection(this.core, repo, protection);
  }

  setPermission(repo: Repository, login: string, permission: Permission, type: AccountType = "User"): void {
    this.store.ensureAccount(login, type);
    repo.collaborators.set(login.toLowerCase(), permission);
  }

  /** A personal token for `login`, to drive the sandbox through its API as that user. */
  userToken(login: string): string {
    this.store.ensureAccount(login);
    return issueUserToken(this.store, login);
  }

  userPayload(login: string): Record<string, unknown> {
    return serializeUser(this.core.urls, this.store.ensureAccount(login));
  }

  /** Waits until CI, the merge queue and webhook deliveries have nothing left in flight. */
  async settle(): Promise<void> {
    await this.core.settle();
  }

  async stop(): Promise<void> {
    await this.http.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
