import type { IncomingMessage, ServerResponse } from "node:http";
import { actorLogin, type Actor } from "../auth.ts";
import type { SandboxCore } from "../core.ts";
import { authorizeGitRead, BASIC_CHALLENGE, GitHttpDenied } from "./credentials.ts";
import { gitHttpTarget, type GitHttpTarget } from "./paths.ts";
import { serveUploadPack } from "./upload-pack.ts";

const PUSH_REFUSED =
  "Pushes are refused: this sandbox serves clone and fetch only. Write commits through the REST API (Git Data or contents).\n";
const DUMB_REFUSED = "Only git's smart HTTP protocol is served (info/refs?service=git-upload-pack).\n";

interface Answer {
  status: number;
  actor: Actor | null;
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(text);
}

async function answer(core: SandboxCore, target: GitHttpTarget, request: IncomingMessage, response: ServerResponse): Promise<Answer> {
  const method = (request.method ?? "GET").toUpperCase();
  if (method !== target.method && !(method === "HEAD" && target.method === "GET")) {
    sendText(response, 405, "Method Not Allowed\n");
    return { status: 405, actor: null };
  }
  const { actor, repo } = authorizeGitRead(core.store, request.headers.authorization, target.owner, target.name);
  if (target.action === "push") {
    sendText(response, 403, PUSH_REFUSED);
    return { status: 403, actor };
  }
  if (target.action === "dumb") {
    sendText(response, 403, DUMB_REFUSED);
    return { status: 403, actor };
  }
  const status = await serveUploadPack({ gitDir: repo.git.gitDir, advertise: target.action === "advertise", request, response });
  return { status, actor };
}

async function serve(core: SandboxCore, target: GitHttpTarget, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const started = performance.now();
  let result: Answer;
  try {
    result = await answer(core, target, request, response);
  } catch (error) {
    if (!(error instanceof GitHttpDenied)) throw error;
    sendText(response, error.status, `${error.message}\n`, error.status === 401 ? BASIC_CHALLENGE : {});
    result = { status: error.status, actor: null };
  }
  core.requestLog.record({
    at: new Date().toISOString(),
    method: (request.method ?? "GET").toUpperCase(),
    path: new URL(request.url ?? "/", "http://localhost").pathname,
    operationId: `git/${target.action}`,
    status: result.status,
    durationMs: Math.round(performance.now() - started),
    actor: result.actor ? actorLogin(result.actor) : null,
    write: false,
  });
}

/**
 * Git's smart HTTP at GitHub's URL shape, read-only: `GET /<owner>/<repo>.git/info/refs?service=git-upload-pack`
 * and `POST /<owner>/<repo>.git/git-upload-pack`, authenticated by HTTP Basic with `x-access-token` and an
 * installation token. Pushes answer 403: writes go through the API. Answers false for any other path.
 */
export function gitHttpRoute(core: SandboxCore): (request: IncomingMessage, response: ServerResponse) => boolean {
  return (request, response) => {
    const target = gitHttpTarget(new URL(request.url ?? "/", "http://localhost"));
    if (!target) return false;
    serve(core, target, request, response).catch((error: unknown) => {
      core.logger.error({ err: error }, "sandbox git request failed");
      if (!response.headersSent) sendText(response, 500, "Server Error\n");
      else response.destroy();
    });
    return true;
  };
}
