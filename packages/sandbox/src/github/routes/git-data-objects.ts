import { z } from "zod";
import { actingAccount, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import { notFound, type ApiError } from "../errors.ts";
import { GitInvalidInputError, GitObjectNotFoundError, GitTreeError } from "../git/errors.ts";
import type { GitIdentity, TreeEntryInput } from "../git/types.ts";
import { identityOf, serializeBlob, serializeGitCommit, serializeTree } from "../serializers/git.ts";
import { repositoryFullName } from "../serializers/repository.ts";
import { repoApi } from "../serializers/urls.ts";
import type { Repository } from "../state/types.ts";
import { gitCall, readBody, unprocessable } from "./git-data-common.ts";

const FULL_SHA = /^[0-9a-f]{40}$/i;

const BlobBody = z.object({ content: z.string(), encoding: z.enum(["utf-8", "utf8", "base64"]).default("utf-8") });

const TreeBody = z.object({
  base_tree: z.string().optional(),
  tree: z.array(
    z.object({
      path: z.string(),
      mode: z.enum(["100644", "100755", "040000", "160000", "120000"]),
      type: z.enum(["blob", "tree", "commit"]),
      sha: z.string().nullable().optional(),
      content: z.string().optional(),
    }),
  ),
});

const Identity = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });

const CommitBody = z.object({
  message: z.string(),
  tree: z.string(),
  parents: z.array(z.string()).default([]),
  author: Identity.optional(),
  committer: Identity.optional(),
});

function writableRepo(context: RouteContext): Repository {
  const repo = repoFrom(context);
  requireAccess(context, repo, "contents", "write");
  return repo;
}

export async function createBlobRoute(context: RouteContext): Promise<RouteResult> {
  const repo = writableRepo(context);
  const body = readBody(BlobBody, context.body);
  const encoding = body.encoding === "base64" ? "base64" : "utf-8";
  const sha = await gitCall(
    () => repo.git.createBlob(body.content, encoding),
    (error) => (error instanceof GitInvalidInputError ? unprocessable("Invalid Base64 content") : undefined),
  );
  return { status: 201, body: { sha, url: `${repoApi(context.core.urls, repositoryFullName(repo))}/git/blobs/${sha}` } };
}

export async function getBlobRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const sha = context.params.file_sha ?? "";
  if (!FULL_SHA.test(sha) || !(await repo.git.hasObject(sha, "blob"))) throw notFound();
  const { content } = await repo.git.readBlob(sha);
  return { body: serializeBlob(context.core, repo, sha.toLowerCase(), content) };
}

export async function createTreeRoute(context: RouteContext): Promise<RouteResult> {
  const repo = writableRepo(context);
  const body = readBody(TreeBody, context.body);
  const baseTree = body.base_tree?.toLowerCase();
  const badBase = unprocessable("base_tree is not a valid tree oid");
  if (baseTree !== undefined && !FULL_SHA.test(baseTree)) throw badBase;
  const entries: TreeEntryInput[] = body.tree.map((entry) => ({
    path: entry.path,
    mode: entry.mode,
    type: entry.type,
    ...(entry.sha === undefined ? {} : { sha: entry.sha }),
    ...(entry.content === undefined ? {} : { content: entry.content }),
  }));
  const sha = await gitCall(
    () => repo.git.createTree(entries, baseTree),
    (error) => {
      if (error instanceof GitObjectNotFoundError && error.object === baseTree) return badBase;
      const invalid = error instanceof GitTreeError || error instanceof GitObjectNotFoundError || error instanceof GitInvalidInputError;
      return invalid ? unprocessable(error.message) : undefined;
    },
  );
  return { status: 201, body: serializeTree(context.core, repo, await repo.git.getTree(sha)) };
}

export async function getTreeRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const recursive = context.query.has("recursive");
  const listing = await gitCall(
    () => repo.git.getTree(context.params.tree_sha ?? "", { recursive }),
    (error) => (error instanceof GitObjectNotFoundError ? notFound() : undefined),
  );
  return { body: serializeTree(context.core, repo, listing) };
}

const missingCommitInput = (error: GitObjectNotFoundError): ApiError =>
  error.expectedType === "tree"
    ? unprocessable("Tree SHA does not exist")
    : unprocessable("Parent SHA does not exist or is not a commit object");

export async function createCommitRoute(context: RouteContext): Promise<RouteResult> {
  const repo = writableRepo(context);
  const body = readBody(CommitBody, context.body);
  if (body.parents.some((parent) => !FULL_SHA.test(parent))) {
    throw unprocessable("Each SHA in the 'parents' parameter must be exactly 40 characters and contain only [0-9a-f].");
  }
  if (!FULL_SHA.test(body.tree)) throw unprocessable("Tree SHA does not exist");
  const author: GitIdentity = body.author ?? identityOf(actingAccount(context));
  const committer: GitIdentity = body.committer ?? author;
  const sha = await gitCall(
    () => repo.git.createCommit({ message: body.message, tree: body.tree, parents: body.parents, author, committer }),
    (error) => {
      if (error instanceof GitObjectNotFoundError) return missingCommitInput(error);
      return error instanceof GitInvalidInputError ? unprocessable(`Invalid request.\n\n${error.message}`) : undefined;
    },
  );
  return { status: 201, body: serializeGitCommit(context.core, repo, await repo.git.getCommit(sha)) };
}

export async function getCommitRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const sha = context.params.commit_sha ?? "";
  if (!FULL_SHA.test(sha) || !(await repo.git.hasObject(sha, "commit"))) throw notFound();
  return { body: serializeGitCommit(context.core, repo, await repo.git.getCommit(sha.toLowerCase())) };
}
