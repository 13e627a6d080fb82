import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhooks } from "@octokit/webhooks";
import { Probot, ProbotOctokit } from "probot";
import { SandboxGitHub, type CreateRepositoryOptions, type SandboxGitHubOptions } from "../../../src/sandbox/github/sandbox.ts";
import type { Installation, Repository, SandboxApp } from "../../../src/sandbox/github/state/types.ts";

export const APP_PERMISSIONS = {
  actions: "write",
  checks: "write",
  contents: "write",
  issues: "write",
  metadata: "read",
  pull_requests: "write",
} as const;

export const APP_EVENTS = [
  "check_run",
  "check_suite",
  "issue_comment",
  "issues",
  "merge_group",
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "push",
  "workflow_run",
];

export interface ReceivedWebhook {
  id: string;
  name: string;
  payload: Record<string, unknown>;
  verified: boolean;
}

/** A webhook receiver that verifies each delivery's signature like an app would. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server: Server | null = null;
  private readonly webhooks: Webhooks;

  readonly secret: string;
  constructor(secret: string) {
    this.secret = secret;
    this.webhooks = new Webhooks({ secret });
  }

  async start(): Promise<string> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const signature = String(request.headers["x-hub-signature-256"] ?? "");
        void this.webhooks.verify(body, signature).then((verified) => {
          this.received.push({
            id: String(request.headers["x-github-delivery"]),
            name: String(request.headers["x-github-event"]),
            payload: JSON.parse(body) as Record<string, unknown>,
            verified,
          });
          response.writeHead(202).end();
        });
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  named(name: string, action?: string): ReceivedWebhook[] {
    return this.received.filter((hook) => hook.name === name && (action === undefined || hook.payload.action === action));
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface Harness {
  sandbox: SandboxGitHub;
  receiver: WebhookReceiver;
  app: SandboxApp;
  privateKey: string;
  installation: Installation;
  repo: Repository;
  /** Octokit authenticated as the app's installation, exactly as the product builds it. */
  octokit: InstanceType<typeof ProbotOctokit>;
  /** Octokit authenticated as a user of the sandbox. */
  userOctokit(login: string): InstanceType<typeof ProbotOctokit>;
  stop(): Promise<void>;
}

export async function startHarness(
  repoOptions: Partial<CreateRepositoryOptions> = {},
  sandboxOptions: SandboxGitHubOptions = {},
): Promise<Harness> {
  const sandbox = await SandboxGitHub.start(sandboxOptions);
  const receiver = new WebhookReceiver("sandbox-secret");
  const webhookUrl = await receiver.start();
  const { app, privateKey } = sandbox.registerApp({
    name: "Foreman",
    webhookUrl,
    webhookSecret: receiver.secret,
    permissions: { ...APP_PERMISSIONS },
    events: APP_EVENTS,
  });
  const repo = await sandbox.createRepository({
    owner: "acme",
    name: "calculator",
    files: { "README.md": "# calculator\n", "src/add.js": "export const add = (a, b) => a + b;\n" },
    ...repoOptions,
  });
  const installation = sandbox.installApp(app, "acme");
  // Probot sets its own `throttle` object on every instance, so the switch is forced in a function.
  const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object | undefined), enabled: false },
    retry: { enabled: false },
  }));
  const probot = new Probot({ appId: app.id, privateKey, baseUrl: sandbox.url, secret: receiver.secret, Octokit: TestOctokit, logLevel: "fatal" });
  const octokit = await probot.auth(installation.id);
  const userOctokit = (login: string): InstanceType<typeof ProbotOctokit> =>
    new TestOctokit({ auth: { token: sandbox.userToken(login) }, baseUrl: sandbox.url });
  return {
    sandbox,
    receiver,
    app,
    privateKey,
    installation,
    repo,
    octokit,
    userOctokit,
    async stop() {
      await sandbox.settle();
      await sandbox.stop();
      await receiver.stop();
    },
  };
}
