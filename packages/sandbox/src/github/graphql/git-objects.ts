import type { CommitInfo, TreeItem } from "../git/types.ts";
import { nodeIdFor } from "../serializers/git.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoHtml } from "../serializers/urls.ts";
import type { Repository } from "../state/types.ts";
import { lazy } from "./lazy.ts";
import type { ResolveContext } from "./resolve-context.ts";

type GqlObject = Record<string, unknown>;

/** Bytes git itself treats as binary: a NUL in the first 8000. */
function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

function htmlOf(ctx: ResolveContext, repo: Repository): string {
  return repoHtml(ctx.core.urls, repositoryFullName(repo));
}

function gitObjectBase(ctx: ResolveContext, repo: Repository, typename: string, oid: string): GqlObject {
  return {
    __typename: typename,
    id: nodeIdFor(typename, repo, oid),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    commitUrl: `${htmlOf(ctx, repo)}/commit/${oid}`,
    commitResourcePath: `/${repositoryFullName(repo)}/commit/${oid}`,
  };
}

function blobObject(ctx: ResolveContext, repo: Repository, oid: string): GqlObject {
  const blob = lazy(() => repo.git.readBlob(oid));
  return {
    ...gitObjectBase(ctx, repo, "Blob", oid),
    byteSize: async () => (await blob()).size,
    isBinary: async () => isBinary((await blob()).content),
    isTruncated: false,
    text: async () => {
      const { content } = await blob();
      return isBinary(content) ? null : content.toString("utf8");
    },
  };
}

function treeEntryObject(ctx: ResolveContext, repo: Repository, item: TreeItem, prefix: string): GqlObject {
  const path = `${prefix}${item.path}`;
  const dot = item.path.lastIndexOf(".");
  return {
    __typename: "TreeEntry",
    name: item.path,
    path,
    type: item.type,
    mode: Number.parseInt(item.mode, 8),
    oid: item.sha,
    size: item.size ?? 0,
    extension: item.type === "blob" && dot > 0 ? item.path.slice(dot) : null,
    isGenerated: false,
    object: () => objectFor(ctx, repo, item.type, item.sha, path),
  };
}

function treeObject(ctx: ResolveContext, repo: Repository, oid: string, path: string): GqlObject {
  const prefix = path === "" ? "" : `${path}/`;
  return {
    ...gitObjectBase(ctx, repo, "Tree", oid),
    entries: async () => (await repo.git.getTree(oid)).tree.map((item) => treeEntryObject(ctx, repo, item, prefix)),
  };
}

function signatureObject(signature: CommitInfo["author"]): GqlObject {
  return { __typename: "GitActor", name: signature.name, email: signature.email, date: signature.date, user: null };
}

export function commitObject(ctx: ResolveContext, repo: Repository, oid: string): GqlObject {
  const info = lazy(() => repo.git.getCommit(oid));
  const headline = async (): Promise<string> => (await info()).message.split("\n")[0] ?? "";
  return {
    ...gitObjectBase(ctx, repo, "Commit", oid),
    url: `${htmlOf(ctx, repo)}/commit/${oid}`,
    resourcePath: `/${repositoryFullName(repo)}/commit/${oid}`,
    message: async () => (await info()).message,
    messageHeadline: headline,
    messageBody: async () => (await info()).message.split("\n").slice(1).join("\n").replace(/^\n+/, ""),
    committedDate: async () => (await info()).committer.date,
    authoredDate: async () => (await info()).author.date,
    author: async () => signatureObject((await info()).author),
    committer: async () => signatureObject((await info()).committer),
    tree: async () => treeObject(ctx, repo, (await info()).tree, ""),
  };
}

/** A `GitObject` of a known type; submodule entries have no object in this repository. */
function objectFor(ctx: ResolveContext, repo: Repository, type: TreeItem["type"], oid: string, path: string): GqlObject | null {
  if (type === "blob") return blobObject(ctx, repo, oid);
  if (type === "tree") return treeObject(ctx, repo, oid, path);
  return null;
}

async function resolveRevision(repo: Repository, revision: string): Promise<string | null> {
  const name = revision === "" || revision === "HEAD" ? repo.defaultBranch : revision;
  return repo.git.resolve(name);
}

/** `Repository.object(expression:)`: `<rev>` is a commit, `<rev>:<path>` a blob or tree; null when absent. */
export async function objectByExpression(ctx: ResolveContext, repo: Repository, expression: string): Promise<GqlObject | null> {
  const separator = expression.indexOf(":");
  const commit = await resolveRevision(repo, separator === -1 ? expression : expression.slice(0, separator));
  if (commit === null) return null;
  if (separator === -1) return commitObject(ctx, repo, commit);
  const path = expression.slice(separator + 1).replace(/^\/+|\/+$/g, "");
  const item = await repo.git.stat(commit, path);
  return item === null ? null : objectFor(ctx, repo, item.type, item.sha, item.path);
}

/** `Repository.object(oid:)`: a commit, tree or blob by its id; null when absent. */
export async function objectByOid(ctx: ResolveContext, repo: Repository, oid: string): Promise<GqlObject | null> {
  const { git } = repo;
  if (await git.hasObject(oid, "commit")) return commitObject(ctx, repo, oid);
  if (await git.hasObject(oid, "tree")) return treeObject(ctx, repo, oid, "");
  if (await git.hasObject(oid, "blob")) return blobObject(ctx, repo, oid);
  return null;
}
