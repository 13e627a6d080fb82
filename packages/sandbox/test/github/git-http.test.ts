import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueInstallationToken } from "../../src/github/auth.ts";
import { SandboxGitHub } from "../../src/github/sandbox.ts";
import type { Installation } from "../../src/github/state/types.ts";

const execFileAsync = promisify(execFile);

const FILES = { "README.md": "# calculator\n", "src/add.js": "export const add = (a, b) => a + b;\n" };

interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the git client with no user or system config, never prompting; the `Authorization` header arrives through environment config. */
async function git(args: string[], options: { cwd?: string; header?: string } = {}): Promise<GitRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_")));
  const env = {
    ...inherited,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    ...(options.header
      ? { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraHeader", GIT_CONFIG_VALUE_0: `Authorization: ${options.header}` }
      : {}),
  };
  try {
    const { stdout, stderr } = await execFileAsync("git", args, { cwd: options.cwd, env, encoding: "utf8" });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

/** A pkt-line: four hex digits of length, then the data. */
const pkt = (text: string): string => `${(text.length + 4).toString(16).padStart(4, "0")}${text}`;

describe("git smart HTTP", () => {
  let sandbox: SandboxGitHub;
  let installation: Installation;
  let token: string;
  let url: string;
  let root: string;

  beforeAll(async () => {
    sandbox = await SandboxGitHub.start();
    const { app } = sandbox.registerApp({
      name: "Foreman",
      webhookUrl: null,
      webhookSecret: "s",
      permissions: { contents: "write" },
      events: [],
    });
    await sandbox.createRepository({ owner: "acme", name: "calculator", files: FILES, private: true });
    await sandbox.createRepository({ owner: "other", name: "secret", files: FILES, private: true });
    installation = sandbox.installApp(app, "acme");
    token = issueInstallationToken(sandbox.store, installation).token;
    url = `${sandbox.url}/acme/calculator.git`;
    root = await mkdtemp(join(tmpdir(), "git-http-test-"));
  });

  afterAll(async () => {
    await sandbox.stop();
    await rm(root, { recursive: true, force: true });
  });

  it("clones with an installation token sent as x-access-token, over protocol v2 and v0", async () => {
    for (const version of ["2", "0"]) {
      const dir = join(root, `clone-v${version}`);
      const run = await git(["-c", `protocol.version=${version}`, "clone", "--quiet", url, dir], {
        header: basic("x-access-token", token),
      });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(await readFile(join(dir, "src/add.js"), "utf8")).toBe(FILES["src/add.js"]);
    }
    const calls = sandbox.requestLog.all().filter((entry) => entry.operationId?.startsWith("git/"));
    expect(calls.map((entry) => [entry.method, entry.operationId, entry.status, entry.actor])).toContainEqual([
      "POST",
      "git/upload-pack",
      200,
      "foreman[bot]",
    ]);
  });

  it("answers 401 with GitHub's Basic challenge without a token or with a bad one", async () => {
    for (const authorization of [undefined, basic("x-access-token", "ghs_nottoken"), basic("someone", token), `token ${token}`]) {
      const response = await fetch(`${url}/info/refs?service=git-upload-pack`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Basic realm="GitHub"');
    }
    const run = await git(["clone", "--quiet", url, join(root, "anonymous")]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/could not read Username|Authentication failed/);
  });

  it("answers 404 for a repository the installation does not cover, or that does not exist", async () => {
    for (const path of ["other/secret.git", "acme/missing.git"]) {
      const response = await fetch(`${sandbox.url}/${path}/info/refs?service=git-upload-pack`, {
        headers: { authorization: basic("x-access-token", token) },
      });
      expect(response.status).toBe(404);
    }
  });

  it("refuses pushes with 403 and says why", async () => {
    const dir = join(root, "push");
    const header = basic("x-access-token", token);
    expect((await git(["clone", "--quiet", url, dir], { header })).code).toBe(0);
    await git(["-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "--allow-empty", "--quiet", "-m", "mine"], {
      cwd: dir,
    });
    const run = await git(["push", "origin", "HEAD:refs/heads/main"], { cwd: dir, header });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Pushes are refused");
    const response = await fetch(`${url}/info/refs?service=git-receive-pack`, { headers: { authorization: header } });
    expect(response.status).toBe(403);
    expect(await sandbox.store.findRepository("acme", "calculator")?.git.getRef("refs/heads/main")).not.toBeNull();
  });

  it("serves a partial clone that fetches a blob only when it is read", async () => {
    const dir = join(root, "partial.git");
    const header = basic("x-access-token", token);
    expect((await git(["clone", "--quiet", "--bare", "--filter=blob:none", url, dir], { header })).code).toBe(0);
    const missing = async (): Promise<string[]> =>
      (await git(["--git-dir", dir, "rev-list", "--objects", "--missing=print", "HEAD"])).stdout
        .split("\n")
        .filter((line) => line.startsWith("?"));
    expect(await missing()).toHaveLength(2);
    const read = await git(["--git-dir", dir, "cat-file", "-p", "HEAD:src/add.js"], { header });
    expect(read.stdout).toBe(FILES["src/add.js"]);
    expect(await missing()).toHaveLength(1);
  });

  it("reads a gzip-compressed request body", async () => {
    const body = gzipSync(Buffer.from(`${pkt("command=ls-refs\n")}0001${pkt("peel\n")}0000`));
    const response = await fetch(`${url}/git-upload-pack`, {
      method: "POST",
      headers: {
        authorization: basic("x-access-token", token),
        "content-type": "application/x-git-upload-pack-request",
        "content-encoding": "gzip",
        "git-protocol": "version=2",
      },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-git-upload-pack-result");
    expect(await response.text()).toMatch(/^[0-9a-f]{4}[0-9a-f]{40} refs\/heads\/main$/m);
  });
});
