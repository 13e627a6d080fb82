import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { installationToken } from "./installation-token.ts";
import { startHarness, type Harness } from "@foreman/sandbox/harness";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execGit, type GitExec } from "../../../src/adapters/workspace/git-exec.ts";
import { GitWorkspaces, type GitWorkspacesOptions } from "../../../src/adapters/workspace/git-workspaces.ts";
import { WorkspaceError, type RepoWorkspace } from "../../../src/ports/workspace.ts";

const execFileAsync = promisify(execFile);

const FILES = {
  "README.md": "# calculator\n",
  "src/add.js": "export const add = (a, b) => a + b;\n",
  "src/mean.js": 'import { add } from "./add.js";\n\nexport const mean = (xs) => xs.reduce(add, 0) / xs.length;\n',
  "test/mean.test.js": 'import { mean } from "../src/mean.js";\n\nassert(mean([1, 2]) === 1.5);\n',
  "docs/guide.md": "Use add and mean.\n",
};

const AUTHOR = { name: "Ada", email: "ada@example.com", date: "2024-03-01T10:00:00Z" };

interface Spawned {
  args: readonly string[];
  env: NodeJS.ProcessEnv;
}

let h: Harness;
let root: string;
let token: string;
let spawned: Spawned[];
let first: string;
let second: string;

/** Git as the adapter runs it, with every command's arguments and environment kept for the test. */
const watchedGit: GitExec = (args, options) => {
  spawned.push({ args, env: options.env });
  return execGit(args, options);
};

function workspaces(options: Partial<GitWorkspacesOptions> = {}): GitWorkspaces {
  return new GitWorkspaces({
    dir: join(root, "cache"),
    maxBytes: 1024 * 1024 * 1024,
    apiBaseUrl: h.sandbox.url,
    exec: watchedGit,
    ...options,
  });
}

function open(
  port: GitWorkspaces,
  repo = "calculator",
  currentToken = (): Promise<string> => Promise.resolve(token),
): Promise<RepoWorkspace> {
  return port.forRepo({ owner: "acme", repo, installationId: h.installation.id }, currentToken);
}

/** A second commit on main: one file changed, one added, one deleted. */
async function commitChanges(): Promise<string> {
  const git = h.repo.git;
  const parent = await git.getCommit(first);
  const tree = await git.createTree(
    [
      {
        path: "src/add.js",
        mode: "100644",
        type: "blob",
        content: "export const add = (a, b) => b + a;\nexport const inc = (a) => add(a, 1);\n",
      },
      { path: "src/sub.js", mode: "100644", type: "blob", content: "export const sub = (a, b) => a - b;\n" },
      { path: "README.md", mode: "100644", type: "blob", sha: null },
    ],
    parent.tree,
  );
  const sha = await git.createCommit({ message: "change", tree, parents: [first], author: AUTHOR });
  await git.updateRef("refs/heads/main", sha);
  return sha;
}

/** Blobs of the cached copy's revision that git has not fetched yet. */
async function missingBlobs(repo: string, sha: string): Promise<number> {
  const gitDir = join(root, "cache", "acme", `${repo}.git`);
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_TERMINAL_PROMPT: "0" };
  const { stdout } = await execFileAsync("git", ["--git-dir", gitDir, "rev-list", "--objects", "--missing=print", "--no-walk", sha], {
    env,
  });
  return stdout.split("\n").filter((line) => line.startsWith("?")).length;
}

const uploadPackPosts = (): number => h.sandbox.requestLog.count({ method: "POST", operationId: "git/upload-pack" });

beforeEach(async () => {
  h = await startHarness({ files: FILES, private: true });
  root = await mkdtemp(join(tmpdir(), "workspace-test-"));
  token = await installationToken(h);
  spawned = [];
  first = (await h.repo.git.resolve("main")) ?? "";
  second = await commitChanges();
});

afterEach(async () => {
  await h.stop();
  await rm(root, { recursive: true, force: true });
});

describe("a workspace read at two revisions", () => {
  it("reads, lists and searches each revision as it was", async () => {
    const workspace = await open(workspaces());
    const before = await workspace.at(first);
    const after = await workspace.at(second);

    expect(await before.readFile("src/add.js")).toEqual({ content: FILES["src/add.js"], totalLines: 1, binary: false, truncated: false });
    expect((await after.readFile("./src/add.js"))?.content).toContain("b + a");
    expect(await after.readFile("README.md")).toBeNull();
    expect(await after.readFile("src")).toBeNull();
    expect(await before.readFile("src/mean.js", { from: 3, to: 9 })).toEqual({
      content: "export const mean = (xs) => xs.reduce(add, 0) / xs.length;\n",
      totalLines: 3,
      binary: false,
      truncated: false,
    });

    expect(await before.paths()).toEqual(["README.md", "docs/guide.md", "src/add.js", "src/mean.js", "test/mean.test.js"]);
    expect(await after.listFiles("src/")).toEqual({ paths: ["src/add.js", "src/mean.js", "src/sub.js"], truncated: false });
    expect(await after.listFiles("**/*.md")).toEqual({ paths: ["docs/guide.md"], truncated: false });
    expect(await before.listFiles(undefined, { max: 2 })).toEqual({ paths: ["README.md", "docs/guide.md"], truncated: true });

    expect(await after.search("add\\(", { maxHits: 10 })).toEqual({
      hits: [{ path: "src/add.js", line: 2, text: "export const inc = (a) => add(a, 1);" }],
      truncated: false,
    });
    expect(await before.search("add\\(", { maxHits: 10 })).toEqual({ hits: [], truncated: false });
    expect(await before.search("mean", { pathGlob: "test/**", maxHits: 10 })).toEqual({
      hits: [
        { path: "test/mean.test.js", line: 1, text: 'import { mean } from "../src/mean.js";' },
        { path: "test/mean.test.js", line: 3, text: "assert(mean([1, 2]) === 1.5);" },
      ],
      truncated: false,
    });
    const capped = await before.search("add|mean", { maxHits: 2 });
    expect(capped.hits).toHaveLength(2);
    expect(capped.truncated).toBe(true);
  });

  it("searches paths in several commands when a pattern selects many, and stops at the cap", async () => {
    const revision = await (await open(workspaces({ limits: { grepPathsPerCommand: 1 } }))).at(first);
    const grepCount = (): number => spawned.filter((call) => call.args.includes("grep")).length;
    const found = await revision.search("mean", { pathGlob: "**/*.js", maxHits: 10 });
    expect(found.hits.map((hit) => `${hit.path}:${hit.line}`)).toEqual(["src/mean.js:3", "test/mean.test.js:1", "test/mean.test.js:3"]);
    expect(found.truncated).toBe(false);
    expect(grepCount()).toBe(3);

    const capped = await revision.search("add", { pathGlob: "**/*.js", maxHits: 1 });
    expect(capped).toEqual({ hits: [{ path: "src/add.js", line: 1, text: FILES["src/add.js"].trim() }], truncated: true });
    expect(grepCount()).toBe(5);
  });

  it("refuses paths outside the repository, bad patterns and regular expressions, and commits GitHub does not have", async () => {
    const workspace = await open(workspaces());
    const revision = await workspace.at(first);
    await expect(revision.readFile("../secrets")).rejects.toMatchObject({ kind: "invalid_input", operation: "read_file" });
    await expect(revision.listFiles("src/[")).rejects.toMatchObject({ kind: "invalid_input", operation: "list_files" });
    await expect(revision.search("(unclosed", { maxHits: 5 })).rejects.toMatchObject({ kind: "invalid_input", operation: "search" });
    await expect(workspace.at("main")).rejects.toMatchObject({ kind: "invalid_input" });
    const unknown = workspace.at("0123456789abcdef0123456789abcdef01234567");
    await expect(unknown).rejects.toBeInstanceOf(WorkspaceError);
    await expect(unknown).rejects.toMatchObject({ kind: "not_found", operation: "fetch", repository: "acme/calculator" });
  });
});

describe("a partial clone", () => {
  it("fetches no blob until one is read, then only that one", async () => {
    const revision = await (await open(workspaces())).at(first);
    expect(await missingBlobs("calculator", first)).toBe(5);
    expect((await revision.readFile("docs/guide.md"))?.content).toBe(FILES["docs/guide.md"]);
    expect(await missingBlobs("calculator", first)).toBe(4);
  });

  it("fetches a search's missing blobs in one request", async () => {
    const revision = await (await open(workspaces())).at(first);
    const before = uploadPackPosts();
    expect((await revision.search("calculator", { maxHits: 5 })).hits).toEqual([{ path: "README.md", line: 1, text: "# calculator" }]);
    expect(uploadPackPosts() - before).toBe(1);
    expect(await missingBlobs("calculator", first)).toBe(0);
  });

  it("fetches a commit once when many ask for it at the same time", async () => {
    const workspace = await open(workspaces());
    const before = uploadPackPosts();
    await Promise.all([workspace.at(second), workspace.at(second), workspace.at(second)]);
    expect(spawned.filter((call) => call.args.includes("fetch"))).toHaveLength(1);
    expect(uploadPackPosts() - before).toBe(1);
  });
});

describe("the installation token", () => {
  it("never appears in a command's arguments nor in the repository's config", async () => {
    const revision = await (await open(workspaces())).at(first);
    await revision.readFile("src/add.js");
    await revision.search("add", { maxHits: 5 });
    const encoded = Buffer.from(`x-access-token:${token}`).toString("base64");
    expect(spawned.length).toBeGreaterThan(3);
    for (const call of spawned) expect(call.args.join(" ")).not.toMatch(new RegExp(`${token}|${encoded}`));
    const fetches = spawned.filter((call) => call.args.includes("fetch") || call.args.includes("cat-file"));
    for (const call of fetches) expect(call.env.GIT_CONFIG_VALUE_0).toBe(`Authorization: Basic ${encoded}`);
    const config = await readFile(join(root, "cache", "acme", "calculator.git", "config"), "utf8");
    expect(config).toContain(`url = ${h.sandbox.url}/acme/calculator.git`);
    expect(config).not.toContain(token);
    expect(config).not.toContain(encoded);
  });

  it("is asked for each command that may fetch, and one GitHub refuses is an auth failure", async () => {
    let asked = 0;
    const counted = (): Promise<string> => {
      asked += 1;
      return Promise.resolve(token);
    };
    const revision = await (await open(workspaces(), "calculator", counted)).at(first);
    expect(asked).toBe(1);
    await revision.readFile("src/add.js");
    expect(asked).toBe(2);
    await revision.listFiles("src");
    expect(asked).toBe(2);

    const refused = await open(workspaces({ dir: join(root, "other-cache") }), "calculator", () => Promise.resolve("ghs_notavalidtoken"));
    await expect(refused.at(first)).rejects.toMatchObject({ kind: "auth", operation: "fetch" });
  });
});

describe("the cache's cap", () => {
  it("evicts the least recently used repository, never the one in use, and fetches it again when read", async () => {
    const other = await h.sandbox.createRepository({ owner: "acme", name: "other", files: { "a.txt": "a\n" }, private: true });
    const otherHead = (await other.git.resolve("main")) ?? "";
    const port = workspaces({ maxBytes: 1 });
    const calculator = await (await open(port)).at(first);
    expect(existsSync(join(root, "cache", "acme", "calculator.git"))).toBe(true);

    const otherRevision = await (await open(port, "other")).at(otherHead);
    expect(existsSync(join(root, "cache", "acme", "calculator.git"))).toBe(false);
    expect(existsSync(join(root, "cache", "acme", "other.git"))).toBe(true);
    expect((await otherRevision.readFile("a.txt"))?.content).toBe("a\n");

    expect((await calculator.readFile("src/add.js"))?.content).toBe(FILES["src/add.js"]);
    expect(existsSync(join(root, "cache", "acme", "calculator.git"))).toBe(true);
    expect(existsSync(join(root, "cache", "acme", "other.git"))).toBe(false);
  });
});

/** The work trees git records for the cached repository (`worktree list`), the bare repository itself excluded. */
async function recordedWorktrees(repo: string): Promise<string[]> {
  const gitDir = join(root, "cache", "acme", `${repo}.git`);
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" };
  const { stdout } = await execFileAsync("git", ["--git-dir", gitDir, "worktree", "list", "--porcelain"], { env });
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("worktree "))
    .map((line) => line.slice("worktree ".length))
    .filter((path) => path !== gitDir);
}

describe("a work tree", () => {
  it("checks a commit out into its own folder, blobs fetched in one request with the token in the environment only", async () => {
    const workspace = await open(workspaces());
    const before = uploadPackPosts();

    const tree = await workspace.checkout(second, join(root, "trees", "one"));

    expect(tree.dir).toBe(join(root, "trees", "one"));
    expect(await readFile(join(tree.dir, "src/add.js"), "utf8")).toContain("b + a");
    expect(await readFile(join(tree.dir, "src/sub.js"), "utf8")).toBe("export const sub = (a, b) => a - b;\n");
    expect(existsSync(join(tree.dir, "README.md"))).toBe(false);
    expect(await missingBlobs("calculator", second)).toBe(0);
    expect(uploadPackPosts() - before).toBe(2);
    const encoded = Buffer.from(`x-access-token:${token}`).toString("base64");
    const add = spawned.find((call) => call.args.includes("worktree") && call.args.includes("add"));
    expect(add?.env.GIT_CONFIG_VALUE_0).toBe(`Authorization: Basic ${encoded}`);
    for (const call of spawned) expect(call.args.join(" ")).not.toContain(token);
    expect(await recordedWorktrees("calculator")).toEqual([tree.dir]);
  });

  it("is deleted and forgotten by remove, also after what ran in it rewrote its .git file and locked a folder", async () => {
    const workspace = await open(workspaces());
    const tree = await workspace.checkout(first, join(root, "trees", "two"));
    await writeFile(join(tree.dir, ".git"), "gitdir: elsewhere\n");
    await mkdir(join(tree.dir, "locked", "inner"), { recursive: true });
    await chmod(join(tree.dir, "locked"), 0o500);

    await tree.remove();
    await tree.remove();

    expect(existsSync(tree.dir)).toBe(false);
    expect(await recordedWorktrees("calculator")).toEqual([]);
  });

  it("keeps its repository from eviction until it is removed", async () => {
    const other = await h.sandbox.createRepository({ owner: "acme", name: "other", files: { "a.txt": "a\n" }, private: true });
    const otherHead = (await other.git.resolve("main")) ?? "";
    const port = workspaces({ maxBytes: 1 });
    const tree = await (await open(port)).checkout(first, join(root, "trees", "three"));

    await (await open(port, "other")).at(otherHead);
    expect(existsSync(join(root, "cache", "acme", "calculator.git"))).toBe(true);
    expect(await readFile(join(tree.dir, "src/add.js"), "utf8")).toBe(FILES["src/add.js"]);

    await tree.remove();
    const again = await (await open(port, "other")).checkout(otherHead, join(root, "trees", "four"));
    expect(existsSync(join(root, "cache", "acme", "calculator.git"))).toBe(false);
    await again.remove();
  });

  it("refuses a folder inside the cache, one that exists, a relative path and a commit that is not a full id", async () => {
    const workspace = await open(workspaces());
    await workspace.at(first);
    await mkdir(join(root, "exists"));

    await expect(workspace.checkout(first, join(root, "cache", "acme", "tree"))).rejects.toMatchObject({
      kind: "invalid_input",
      operation: "checkout",
    });
    await expect(workspace.checkout(first, join(root, "exists"))).rejects.toMatchObject({ kind: "invalid_input" });
    await expect(workspace.checkout(first, "trees/relative")).rejects.toMatchObject({ kind: "invalid_input" });
    await expect(workspace.checkout("main", join(root, "trees", "five"))).rejects.toMatchObject({ kind: "invalid_input" });
    await expect(workspace.checkout("0123456789abcdef0123456789abcdef01234567", join(root, "trees", "six"))).rejects.toMatchObject({
      kind: "not_found",
    });
    expect(existsSync(join(root, "trees", "six"))).toBe(false);
    expect(await recordedWorktrees("calculator")).toEqual([]);
  });
});
