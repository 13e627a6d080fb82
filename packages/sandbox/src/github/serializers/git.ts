import type { SandboxStore } from "../state/store.ts";
import type { Account, Repository } from "../state/types.ts";
import type { CommitInfo, Comparison, FileChange, GitSignature, TreeListing } from "../git/types.ts";
import { repositoryFullName } from "./repository.ts";
import { repoApi, repoHtml, type Urls } from "./urls.ts";
import { serializeUser } from "./user.ts";

/** What the git serializers need: addresses, and accounts to match commit identities to users. */
export interface GitView {
  urls: Urls;
  store: SandboxStore;
}

const NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\./i;

const apiOf = (view: GitView, repo: Repository): string => repoApi(view.urls, repositoryFullName(repo));
const htmlOf = (view: GitView, repo: Repository): string => repoHtml(view.urls, repositoryFullName(repo));

/** The commit identity GitHub records for an account acting through the API. */
export function identityOf(account: Account): { name: string; email: string } {
  return { name: account.login, email: `${account.id}+${account.login}@users.noreply.github.com` };
}

/** The GitHub account a commit identity belongs to, as GitHub links commits to users by email. */
function accountForIdentity(store: SandboxStore, identity: { name: string; email: string }): Account | undefined {
  const login = NOREPLY.exec(identity.email)?.[1];
  return login === undefined ? undefined : store.findAccount(login);
}

export function nodeIdFor(type: string, repo: Repository, key: string): string {
  return `${type}_${Buffer.from(`${type}:${repo.id}:${key}`).toString("base64url")}`;
}

/** Base64 wrapped at 60 characters per line, as GitHub renders blob and file content. */
export function wrappedBase64(content: Buffer): string {
  const encoded = content.toString("base64");
  const lines: string[] = [];
  for (let index = 0; index < encoded.length; index += 60) lines.push(encoded.slice(index, index + 60));
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

const UNSIGNED = { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null };

const signature = (value: GitSignature): Record<string, unknown> => ({ name: value.name, email: value.email, date: value.date });

/** `GET /git/commits/{sha}` and the answer of `POST /git/commits`. */
export function serializeGitCommit(view: GitView, repo: Repository, info: CommitInfo): Record<string, unknown> {
  const api = apiOf(view, repo);
  const html = htmlOf(view, repo);
  return {
    sha: info.sha,
    node_id: nodeIdFor("C", repo, info.sha),
    url: `${api}/git/commits/${info.sha}`,
    html_url: `${html}/commit/${info.sha}`,
    author: signature(info.author),
    committer: signature(info.committer),
    tree: { sha: info.tree, url: `${api}/git/trees/${info.tree}` },
    message: info.message,
    parents: info.parents.map((sha) => ({ sha, url: `${api}/git/commits/${sha}`, html_url: `${html}/commit/${sha}` })),
    verification: UNSIGNED,
  };
}

export function serializeDiffEntry(view: GitView, repo: Repository, commitSha: string, file: FileChange): Record<string, unknown> {
  const path = file.filename.split("/").map(encodeURIComponent).join("/");
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: `${htmlOf(view, repo)}/blob/${commitSha}/${path}`,
    raw_url: `${htmlOf(view, repo)}/raw/${commitSha}/${path}`,
    contents_url: `${apiOf(view, repo)}/contents/${path}?ref=${commitSha}`,
    ...(file.patch === undefined ? {} : { patch: file.patch }),
    ...(file.previousFilename === undefined ? {} : { previous_filename: file.previousFilename }),
  };
}

function linkedUser(view: GitView, identity: GitSignature): Record<string, unknown> | null {
  const account = accountForIdentity(view.store, identity);
  return account ? serializeUser(view.urls, account) : null;
}

/** The REST "commit" object (`GET /commits/{ref}`, compare, merges); `files` adds stats and files. */
export function serializeCommit(view: GitView, repo: Repository, info: CommitInfo, files?: FileChange[]): Record<string, unknown> {
  const api = apiOf(view, repo);
  const html = htmlOf(view, repo);
  const detail =
    files === undefined
      ? {}
      : {
          stats: {
            total: files.reduce((sum, file) => sum + file.changes, 0),
            additions: files.reduce((sum, file) => sum + file.additions, 0),
            deletions: files.reduce((sum, file) => sum + file.deletions, 0),
          },
          files: files.map((file) => serializeDiffEntry(view, repo, info.sha, file)),
        };
  return {
    sha: info.sha,
    node_id: nodeIdFor("C", repo, info.sha),
    commit: {
      author: signature(info.author),
      committer: signature(info.committer),
      message: info.message,
      tree: { sha: info.tree, url: `${api}/git/trees/${info.tree}` },
      url: `${api}/git/commits/${info.sha}`,
      comment_count: 0,
      verification: UNSIGNED,
    },
    url: `${api}/commits/${info.sha}`,
    html_url: `${html}/commit/${info.sha}`,
    comments_url: `${api}/commits/${info.sha}/comments`,
    author: linkedUser(view, info.author),
    committer: linkedUser(view, info.committer),
    parents: info.parents.map((sha) => ({ sha, url: `${api}/commits/${sha}`, html_url: `${html}/commit/${sha}` })),
    ...detail,
  };
}

export function serializeRef(view: GitView, repo: Repository, ref: string, sha: string): Record<string, unknown> {
  const api = apiOf(view, repo);
  return {
    ref,
    node_id: nodeIdFor("REF", repo, ref),
    url: `${api}/git/${ref}`,
    object: { sha, type: "commit", url: `${api}/git/commits/${sha}` },
  };
}

export function serializeTree(view: GitView, repo: Repository, listing: TreeListing): Record<string, unknown> {
  const api = apiOf(view, repo);
  const tree = listing.tree.map((item) => ({
    path: item.path,
    mode: item.mode,
    type: item.type,
    sha: item.sha,
    ...(item.type === "blob" ? { size: item.size ?? 0, url: `${api}/git/blobs/${item.sha}` } : {}),
    ...(item.type === "tree" ? { url: `${api}/git/trees/${item.sha}` } : {}),
  }));
  return { sha: listing.sha, url: `${api}/git/trees/${listing.sha}`, tree, truncated: listing.truncated };
}

export function serializeBlob(view: GitView, repo: Repository, sha: string, content: Buffer): Record<string, unknown> {
  return {
    sha,
    node_id: nodeIdFor("B", repo, sha),
    size: content.length,
    url: `${apiOf(view, repo)}/git/blobs/${sha}`,
    content: wrappedBase64(content),
    encoding: "base64",
  };
}

/** What `GET /branches/{branch}` says of protection: `protected` counts rulesets, `protection` is classic protection's. */
export interface BranchProtection {
  protected: boolean;
  enabled: boolean;
  requiredChecks: string[];
  enforcementLevel: "off" | "non_admins" | "everyone";
}

/** `GET /branches/{branch}`: the tip commit in full, links and protection. */
export function serializeBranch(
  view: GitView,
  repo: Repository,
  name: string,
  tip: CommitInfo,
  protection: BranchProtection,
): Record<string, unknown> {
  const api = apiOf(view, repo);
  return {
    name,
    commit: serializeCommit(view, repo, tip),
    _links: { self: `${api}/branches/${encodeURIComponent(name)}`, html: `${htmlOf(view, repo)}/tree/${name}` },
    protected: protection.protected,
    protection: {
      enabled: protection.enabled,
      required_status_checks: {
        enforcement_level: protection.enforcementLevel,
        contexts: protection.requiredChecks,
        checks: protection.requiredChecks.map((context) => ({ context, app_id: null })),
      },
    },
    protection_url: `${api}/branches/${encodeURIComponent(name)}/protection`,
  };
}

export function serializeShortBranch(
  view: GitView,
  repo: Repository,
  name: string,
  sha: string,
  isProtected: boolean,
): Record<string, unknown> {
  return { name, commit: { sha, url: `${apiOf(view, repo)}/commits/${sha}` }, protected: isProtected };
}

export interface ComparisonView {
  base: string;
  head: string;
  headSha: string;
  baseCommit: CommitInfo;
  mergeBaseCommit: CommitInfo;
  commits: CommitInfo[];
  comparison: Comparison;
}

/** `GET /compare/{base}...{head}`. */
export function serializeComparison(view: GitView, repo: Repository, input: ComparisonView): Record<string, unknown> {
  const api = apiOf(view, repo);
  const html = htmlOf(view, repo);
  const { comparison } = input;
  const spec = `${input.base}...${input.head}`;
  const owner = repo.owner.login;
  const { headSha } = input;
  return {
    url: `${api}/compare/${spec}`,
    html_url: `${html}/compare/${spec}`,
    permalink_url: `${html}/compare/${owner}:${input.baseCommit.sha.slice(0, 7)}...${owner}:${headSha.slice(0, 7)}`,
    diff_url: `${html}/compare/${spec}.diff`,
    patch_url: `${html}/compare/${spec}.patch`,
    base_commit: serializeCommit(view, repo, input.baseCommit),
    merge_base_commit: serializeCommit(view, repo, input.mergeBaseCommit),
    status: comparison.status,
    ahead_by: comparison.aheadBy,
    behind_by: comparison.behindBy,
    total_commits: comparison.commits.length,
    commits: input.commits.map((commit) => serializeCommit(view, repo, commit)),
    files: comparison.files.map((file) => serializeDiffEntry(view, repo, headSha, file)),
  };
}

/** Files a commit touched, by kind, for the `commits[]` of a push payload. */
export interface PushCommitFiles {
  added: string[];
  removed: string[];
  modified: string[];
}

function pushIdentity(view: GitView, identity: GitSignature): Record<string, unknown> {
  const account = accountForIdentity(view.store, identity);
  return { name: identity.name, email: identity.email, date: identity.date, ...(account ? { username: account.login } : {}) };
}

/** One element of `commits[]` (and `head_commit`) in a `push` webhook. */
export function serializePushCommit(view: GitView, repo: Repository, info: CommitInfo, files: PushCommitFiles): Record<string, unknown> {
  return {
    id: info.sha,
    tree_id: info.tree,
    distinct: true,
    message: info.message,
    timestamp: info.committer.date,
    url: `${htmlOf(view, repo)}/commit/${info.sha}`,
    author: pushIdentity(view, info.author),
    committer: pushIdentity(view, info.committer),
    added: files.added,
    removed: files.removed,
    modified: files.modified,
  };
}
