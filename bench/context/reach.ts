import { sign } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SandboxGitHub } from "@foreman/sandbox";
import { z } from "zod";
import { GitWorkspaces } from "../../src/adapters/workspace/git-workspaces.ts";
import { readTools } from "../../src/agents/tools/read-tools.ts";
import { resultText } from "../../src/agents/tools/results.ts";
import type { Tool } from "../../src/agents/tools/tool.ts";
import type { Revision } from "../../src/ports/workspace.ts";
import { crawl, readListing } from "./crawl.ts";

/** What the tools reach of a repository: every path listed by a crawl, and a sample read back. */
export interface Reach {
  /** Paths the `list_files` crawl was shown. */
  listed: number;
  /** `list_files` calls the crawl made. */
  listCalls: number;
  /** Paths read with `read_file` (a sample spread over the sorted tree, its last path included). */
  readTried: number;
  /** Of those, the ones whose read did not give the file. */
  readFailed: string[];
  /** Paths of the repository neither listed by the crawl nor read, and the first of them. */
  unreachable: number;
  unreachableSample: string[];
}

const READ_SAMPLE = 40;
const UNREACHABLE_SHOWN = 20;

/** An installation token, asked of the sandbox as an app asks GitHub: a JWT signed with the app's key. */
async function installationToken(url: string, appId: number, installationId: number, privateKey: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: now - 30, exp: now + 540, iss: String(appId) })}`;
  const jwt = `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), privateKey).toString("base64url")}`;
  const response = await fetch(`${url}/app/installations/${installationId}/access_tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${jwt}`, accept: "application/vnd.github+json" },
  });
  return z.object({ token: z.string() }).parse(await response.json()).token;
}

function tool(tools: readonly Tool[], name: string): Tool {
  const found = tools.find((candidate) => candidate.spec.name === name);
  if (!found) throw new Error(`the agents have no ${name} tool`);
  return found;
}

/** Paths spread evenly over the sorted tree, the last one included. */
function sample(paths: readonly string[], count: number): string[] {
  const sorted = [...paths].sort();
  const step = Math.max(1, Math.floor(sorted.length / count));
  const picked = sorted.filter((_, index) => index % step === 0).slice(0, count - 1);
  const last = sorted.at(-1);
  return last === undefined ? picked : [...new Set([...picked, last])];
}

async function reachAt(revision: Revision, paths: readonly string[]): Promise<Reach> {
  const tools = readTools({ revision, seen: new Set() });
  const list = tool(tools, "list_files");
  const read = tool(tools, "read_file");
  const listed = await crawl(async (pattern) => readListing(resultText(await list.run(pattern === "" ? {} : { pattern }))));
  const reads = sample(paths, READ_SAMPLE);
  const readFailed: string[] = [];
  for (const path of reads) {
    const text = resultText(await read.run({ path }));
    if (!text.startsWith(`File \`${path}\``)) readFailed.push(path);
  }
  const readOk = new Set(reads.filter((path) => !readFailed.includes(path)));
  const unreachable = paths.filter((path) => !listed.reached.has(path) && !readOk.has(path));
  return {
    listed: listed.reached.size,
    listCalls: listed.listCalls,
    readTried: reads.length,
    readFailed,
    unreachable: unreachable.length,
    unreachableSample: [...unreachable].sort().slice(0, UNREACHABLE_SHOWN),
  };
}

/**
 * The repository's files in a sandbox GitHub of their own, cloned by the product's workspace over
 * git's smart HTTP as the app clones it, then crawled with the agents' `list_files` and sampled
 * with `read_file`, exactly as a model calls them.
 */
export async function reachOf(files: Readonly<Record<string, string>>): Promise<Reach> {
  const sandbox = await SandboxGitHub.start();
  const dir = await mkdtemp(join(tmpdir(), "foreman-bench-reach-"));
  try {
    const { app, privateKey } = sandbox.registerApp({
      name: "Foreman",
      webhookUrl: null,
      webhookSecret: "bench",
      permissions: { contents: "read", metadata: "read" },
      events: [],
    });
    const repo = await sandbox.createRepository({ owner: "acme", name: "shop", files: { ...files } });
    const installation = sandbox.installApp(app, "acme");
    const token = await installationToken(sandbox.url, app.id, installation.id, privateKey);
    const workspaces = new GitWorkspaces({ dir: join(dir, "workspaces"), maxBytes: 1024 ** 3, apiBaseUrl: sandbox.url });
    const workspace = await workspaces.forRepo({ owner: "acme", repo: "shop", installationId: installation.id }, () =>
      Promise.resolve(token),
    );
    const head = await repo.git.resolve(repo.defaultBranch);
    if (head === null) throw new Error("the repository has no default branch");
    return await reachAt(await workspace.at(head), Object.keys(files));
  } finally {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
