/**
 * The echo app: a tiny GitHub App the driver's tests run as the app under test. It answers the
 * `echo` label with one comment, and `/ping` with `pong`; an issue body `late-duplicate-ms: N`
 * makes it post the echo comment once more N ms later, on a timer it does not report as pending
 * work (a late wrong action). Pending work is the number in `<data dir>/pending`.
 */
import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { Probot, ProbotOctokit } from "probot";

const need = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const dataDir = need("ECHO_DATA_DIR");
const Octokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as object | undefined), enabled: false },
  retry: { enabled: false },
}));
const probot = new Probot({
  appId: Number(need("ECHO_APP_ID")),
  privateKey: need("ECHO_PRIVATE_KEY"),
  baseUrl: need("ECHO_GITHUB_URL"),
  Octokit,
  logLevel: "warn",
});

let pending = 0;
function countPending(delta: number): void {
  pending += delta;
  writeFileSync(join(dataDir, "pending"), String(pending));
}

interface Payload {
  action?: string;
  installation: { id: number };
  repository: { name: string; owner: { login: string } };
  issue: { number: number; body: string | null };
  label?: { name: string };
  comment?: { body: string; user: { type: string } };
}

async function comment(payload: Payload, body: string): Promise<void> {
  const octokit = await probot.auth(payload.installation.id);
  await octokit.rest.issues.createComment({
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    issue_number: payload.issue.number,
    body,
  });
}

async function handle(event: string, payload: Payload): Promise<void> {
  if (event === "issues" && payload.action === "labeled" && payload.label?.name === "echo") {
    const echo = "Echo. <!-- echo:comment -->";
    await comment(payload, echo);
    const lateMs = /late-duplicate-ms: (\d+)/.exec(payload.issue.body ?? "")?.[1];
    if (lateMs !== undefined) setTimeout(() => void comment(payload, echo), Number(lateMs));
  }
  if (
    event === "issue_comment" &&
    payload.action === "created" &&
    payload.comment?.user.type !== "Bot" &&
    payload.comment?.body.trim() === "/ping"
  ) {
    await comment(payload, "pong");
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

countPending(0);
const server = createServer((request, response) => {
  if (request.url === "/healthz") {
    response.writeHead(200).end("ok");
    return;
  }
  void readBody(request).then((body) => {
    countPending(1);
    response.writeHead(202).end();
    handle(String(request.headers["x-github-event"]), JSON.parse(body) as Payload)
      .catch((error: unknown) => process.stderr.write(`echo app: ${String(error)}\n`))
      .finally(() => countPending(-1));
  });
});
server.listen(Number(need("PORT")), need("HOST"));
