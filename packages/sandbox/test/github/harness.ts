import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RequestError } from "@octokit/request-error";
import { Webhooks } from "@octokit/webhooks";
import { expect } from "vitest";
import { Probot, ProbotOctokit } from "probot";
import { SandboxGitHub, type CreateRepositoryOptions, type SandboxGitHubOptions } from "../../src/github/sandbox.ts";
import type { Installation, Repository, SandboxApp } from "../../src/github/state/types.ts";

export const APP_PERMISSIONS = {
  actions: "write",
  checks: "write",
  contents: "write",
  issues: "write",
  metadata: "read",
  pull_requests: "write",
  statuses: "read",
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
  "status",
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
  const probot = new Probot({
    appId: app.id,
    privateKey,
    baseUrl: sandbox.url,
    secret: receiver.secret,
    Octokit: TestOctokit,
    logLevel: "fatal",
  });
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

export interface RequestFailure {
  status: number;
  data: Record<string, unknown>;
  message: unknown;
}

/** The status and body of a request the sandbox refused; fails the test when the request succeeded. */
export async function requestFailure(request: Promise<unknown>): Promise<RequestFailure> {
  const error = await request.then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof RequestError)) throw new Error(`expected the request to fail with an HTTP error, got ${String(error)}`);
  const data = (typeof error.response?.data === "object" && error.response.data !== null ? error.response.data : {}) as Record<
    string,
    unknown
  >;
  return { status: error.status, data, message: data.message };
}

/** Everything the sandbox did was what GitHub would do: valid webhooks, each received and signed, and no call GitHub would refuse. */
export async function expectFaithfulRun(h: Harness): Promise<void> {
  await h.sandbox.settle();
  expect(h.sandbox.webhooks.invalid()).toEqual([]);
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
  const delivered = h.sandbox.webhooks.deliveries().filter((delivery) => delivery.status === "delivered");
  expect(new Set(h.receiver.received.map((hook) => hook.id))).toEqual(new Set(delivered.map((delivery) => delivery.id)));
  expect(h.receiver.received.filter((hook) => !hook.verified).map((hook) => hook.name)).toEqual([]);
}
