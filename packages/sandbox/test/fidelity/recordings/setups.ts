import { openIssue } from "../../../src/github/routes/issues-admin.ts";
import type { SandboxGitHub } from "../../../src/github/sandbox.ts";
import type { Repository } from "../../../src/github/state/types.ts";

/** The organisation and the user the sessions were recorded with. */
export const RECORDED_ORG = "octokit-fixture-org";
export const RECORDED_USER = "octokit-fixture-user-a";

/** Recorded text (placeholder shas, repository ids) → the sandbox's, applied to a request's path and body. */
export type Rewrites = Record<string, string>;

/** Puts the sandbox in the state the recorded session started from; answers the rewrites its requests need. */
type Setup = (sandbox: SandboxGitHub) => Promise<Rewrites>;

/** The recordings replace every sha by `000…1`, `000…2`, … in the order they first appear. */
const recordedSha = (n: number): string => String(n).padStart(40, "0");

const AUTHOR = { name: "Octokit Fixture", email: "fixture@example.com", date: "2017-10-10T16:00:00Z" };

/** Repositories being created, by sandbox and name, so setups that run at once and share one create it once. */
const creating = new WeakMap<SandboxGitHub, Map<string, Promise<Repository>>>();

function repository(sandbox: SandboxGitHub, name: string, files?: Record<string, string>, defaultBranch = "main"): Promise<Repository> {
  const byName = creating.get(sandbox) ?? new Map<string, Promise<Repository>>();
  creating.set(sandbox, byName);
  const pending =
    byName.get(name) ??
    sandbox.createRepository({ owner: RECORDED_ORG, name, defaultBranch, files: files ?? { "README.md": `# ${name}\n` } }).then((repo) => {
      sandbox.setPermission(repo, RECORDED_USER, "admin");
      return repo;
    });
  byName.set(name, pending);
  return pending;
}

async function head(repo: Repository): Promise<string> {
  const sha = await repo.git.resolve(repo.defaultBranch);
  if (sha === null) throw new Error(`${repo.name} has no ${repo.defaultBranch}`);
  return sha;
}

/** Adds a commit on the default branch; answers its sha. */
async function commitFile(repo: Repository, path: string, content: string): Promise<string> {
  const parent = await head(repo);
  const tree = await repo.git.createTree([{ path, mode: "100644", type: "blob", content }], (await repo.git.getCommit(parent)).tree);
  const sha = await repo.git.createCommit({ message: `Add ${path}`, tree, parents: [parent], author: AUTHOR });
  await repo.git.updateRef(`refs/heads/${repo.defaultBranch}`, sha);
  return sha;
}

const byId = (repo: Repository): Rewrites => ({ "/repositories/1000": `/repositories/${repo.id}` });

/**
 * One setup per recorded scenario with requests the sandbox serves, read from the scenario's
 * `record.js` in `@octokit/fixtures`: the repository it made, the commits and issues it created
 * with requests the recording leaves out.
 */
export const SETUPS: Record<string, Setup> = {
  "add-labels-to-issue": async (sandbox) => {
    await repository(sandbox, "add-labels-to-issue");
    return {};
  },
  "branch-protection": async (sandbox) => {
    await repository(sandbox, "branch-protection");
    return {};
  },
  "create-status": async (sandbox) => {
    const repo = await repository(sandbox, "create-status");
    return { [recordedSha(1)]: await head(repo) };
  },
  errors: async (sandbox) => {
    await repository(sandbox, "errors");
    return {};
  },
  "get-content": async (sandbox) => {
    await repository(sandbox, "hello-world", { "README.md": "# hello-world" }, "master");
    return {};
  },
  "get-repository": async (sandbox) => {
    await repository(sandbox, "hello-world", { "README.md": "# hello-world" }, "master");
    return {};
  },
  "get-root": () => Promise.resolve({}),
  "git-refs": async (sandbox) => {
    const repo = await repository(sandbox, "git-refs", { "1.md": "# git-refs\ncreated with initial commit" });
    const first = await head(repo);
    const second = await commitFile(repo, "2.md", "# git-refs\ncreated with 2nd commit");
    return { [recordedSha(1)]: second, [recordedSha(2)]: first };
  },
  labels: async (sandbox) => {
    await repository(sandbox, "labels");
    return {};
  },
  "paginate-issues": async (sandbox) => {
    const repo = await repository(sandbox, "paginate-issues");
    for (let n = 1; n <= 13; n += 1) await openIssue(sandbox.core, repo, { author: RECORDED_USER, title: `Test issue ${n}` });
    return byId(repo);
  },
  "rename-repository": async (sandbox) => byId(await repository(sandbox, "rename-repository-newname")),
};

export function applyRewrites(text: string, rewrites: Rewrites): string {
  return Object.entries(rewrites).reduce((result, [from, to]) => result.split(from).join(to), text);
}
