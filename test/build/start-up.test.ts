import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseEnv } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP_PRIVATE_KEY as PRIVATE_KEY } from "../app-private-key.ts";

const MAIN = join(import.meta.dirname, "..", "..", "src", "main.ts");

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `node src/main.ts` in `cwd` with only `env` (and PATH), as `npm start` runs it. */
function start(cwd: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** A port nothing listens on (one that was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A local stand-in for GitHub's API that answers each request with `answer`. */
async function stubGitHub(
  answer: (request: IncomingMessage, body: string) => { status: number; body: unknown },
): Promise<{ url: string; server: Server; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      seen.push(`${request.method} ${request.url}`);
      const reply = answer(request, body);
      response.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen };
}

/** GETs `url` until it answers (the process is starting), for at most `ms`. */
async function whenAnswering(url: string, ms: number): Promise<Response> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url, { redirect: "manual" });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

const credentials = (apiUrl: string, dir: string): Record<string, string> => ({
  APP_ID: "12345",
  PRIVATE_KEY,
  WEBHOOK_SECRET: "secret",
  FOREMAN_LLM_API_KEY: "model-key",
  FOREMAN_GITHUB_API_URL: apiUrl,
  FOREMAN_DB_PATH: join(dir, "data", "foreman.db"),
  FOREMAN_CHECKS: "off",
});

describe("starting Foreman (`node src/main.ts`)", () => {
  let dir: string;
  let running: Started | null;
  let stub: Server | null;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "foreman-start-"));
    running = null;
    stub = null;
  });

  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill("SIGKILL");
      await running.exited;
    }
    stub?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves the setup page without credentials, and registers the App through the manifest's code into .env", async () => {
    const github = await stubGitHub((request) =>
      request.url === "/app-manifests/the-code/conversions"
        ? {
            status: 201,
            body: {
              id: 4242,
              slug: "my-foreman",
              name: "My Foreman",
              html_url: "https://github.com/apps/my-foreman",
              pem: PRIVATE_KEY,
              webhook_secret: "whsec",
            },
          }
        : { status: 404, body: { message: "Not Found" } },
    );
    stub = github.server;
    const port = await closedPort();
    running = start(dir, { PORT: String(port), FOREMAN_GITHUB_API_URL: github.url });

    const page = await whenAnswering(`http://127.0.0.1:${port}/setup`, 20_000);
    const html = await page.text();
    const state = /settings\/apps\/new\?state=([0-9a-f]+)/.exec(html)?.[1] ?? "";
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    const done = await fetch(`http://127.0.0.1:${port}/setup/callback?code=the-code&state=${state}`);
    const doneHtml = await done.text();
    const written = parseEnv(await readFile(join(dir, ".env"), "utf8"));

    expect(page.status).toBe(200);
    expect(html).toContain(`https://github.com/settings/apps/new?state=${state}`);
    expect(html).toContain(`http://127.0.0.1:${port}/api/github/webhooks`);
    expect(ready.status).toBe(503);
    expect(done.status).toBe(200);
    expect(github.seen).toEqual(["POST /app-manifests/the-code/conversions"]);
    expect(doneHtml).toContain("https://github.com/apps/my-foreman/installations/new");
    expect(doneHtml).toContain("FOREMAN_LLM_API_KEY");
    expect(written).toEqual({ APP_ID: "4242", PRIVATE_KEY, WEBHOOK_SECRET: "whsec" });
  });

  it("refuses a callback that does not carry the page's state, and asks GitHub nothing", async () => {
    const github = await stubGitHub(() => ({ status: 500, body: {} }));
    stub = github.server;
    const port = await closedPort();
    running = start(dir, { PORT: String(port), FOREMAN_GITHUB_API_URL: github.url });

    await whenAnswering(`http://127.0.0.1:${port}/healthz`, 20_000);
    const callback = await fetch(`http://127.0.0.1:${port}/setup/callback?code=the-code&state=guessed`);

    expect(callback.status).toBe(400);
    expect(github.seen).toEqual([]);
  });

  it("exits within 10 s with a message naming PRIVATE_KEY when the key is malformed, together with every other problem", async () => {
    const began = Date.now();
    running = start(dir, { APP_ID: "12345", PRIVATE_KEY: "not a key", WEBHOOK_SECRET: "secret", PORT: "nope" });

    const code = await running.exited;

    expect(Date.now() - began).toBeLessThan(10_000);
    expect(code).toBe(1);
    expect(running.output()).toContain("PRIVATE_KEY: is not a PEM private key");
    expect(running.output()).toContain("PORT:");
    expect(running.output()).toContain("FOREMAN_LLM_API_KEY");
    expect(running.output()).not.toMatch(/\n\s+at /);
  });

  it("exits within 10 s naming APP_ID and PRIVATE_KEY when GitHub refuses the App's credentials (401)", async () => {
    const github = await stubGitHub(() => ({ status: 401, body: { message: "A JSON web token could not be decoded" } }));
    stub = github.server;
    const port = await closedPort();
    running = start(dir, { ...credentials(github.url, dir), PORT: String(port) });

    // From the moment it serves (its modules loaded, which a busy machine slows) to its exit.
    const exited = running.exited;
    await Promise.race([whenAnswering(`http://127.0.0.1:${port}/healthz`, 30_000), exited]);
    const began = Date.now();
    const code = await exited;

    expect(Date.now() - began).toBeLessThan(10_000);
    expect(code).toBe(1);
    expect(github.seen).toEqual(["GET /app"]);
    expect(running.output()).toContain("GitHub refused the App's credentials");
    expect(running.output()).toMatch(/PRIVATE_KEY must be a current private key of the App whose ID is APP_ID \(12345\)/);
  });

  it("answers /healthz at once and /readyz 503 with the reason while GitHub is unreachable, and keeps trying", async () => {
    const port = await closedPort();
    running = start(dir, { ...credentials(`http://127.0.0.1:${await closedPort()}`, dir), PORT: String(port) });

    const health = await whenAnswering(`http://127.0.0.1:${port}/healthz`, 20_000);
    let ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    for (let tries = 0; tries < 100 && !(await ready.clone().text()).includes("did not answer"); tries += 1) {
      await sleep(100);
      ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    }
    const report = (await ready.json()) as { ready: boolean; parts: Record<string, string> };

    expect(health.status).toBe(200);
    expect(ready.status).toBe(503);
    expect(report.ready).toBe(false);
    expect(report.parts.github).toMatch(/^GitHub did not answer \(.*\); trying again in \d+ s$/);
    expect(report.parts.database).toBe("ok");
    expect(report.parts.worker).toBe("starts once GitHub answers");
    expect(running.child.exitCode).toBeNull();
  });
});
