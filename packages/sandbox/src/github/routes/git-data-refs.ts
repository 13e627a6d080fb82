import { z } from "zod";
import { actingAccount, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import { notFound } from "../errors.ts";
import {
  GitInvalidInputError,
  GitInvalidRefNameError,
  GitNotFastForwardError,
  GitObjectNotFoundError,
  GitRefExistsError,
  GitRefNotFoundError,
  GitRefUpdateConflictError,
} from "../git/errors.ts";
import { serializeRef } from "../serializers/git.ts";
import type { Repository } from "../state/types.ts";
import { created as createdAnswer } from "./created.ts";
import { gitCall, readBody, unprocessable } from "./git-data-common.ts";
import { onBranchMoved } from "./repos-branch-moved.ts";

const CreateRefBody = z.object({ ref: z.string(), sha: z.string() });
const UpdateRefBody = z.object({ sha: z.string(), force: z.boolean().default(false) });

const BRANCH_PREFIX = "refs/heads/";

function writableRepo(context: RouteContext): Repository {
  const repo = repoFrom(context);
  requireAccess(context, repo, "contents", "write");
  return repo;
}

/** The `{ref}` of `/git/refs/{ref}` (`heads/x`), fully qualified; GitHub does not find `refs/...` there. */
function refParam(context: RouteContext): string {
  const ref = context.params.ref ?? "";
  if (ref.startsWith("refs/")) throw unprocessable("Reference does not exist");
  return `refs/${ref}`;
}

const branchOf = (ref: string): string | null => (ref.startsWith(BRANCH_PREFIX) ? ref.slice(BRANCH_PREFIX.length) : null);

export async function getRefRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const name = context.params.ref ?? "";
  const sha = await repo.git.getRef(name);
  if (sha === null) throw notFound();
  return { body: serializeRef(context.core, repo, name.startsWith("refs/") ? name : `refs/${name}`, sha) };
}

export async function listMatchingRefsRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const refs = await repo.git.listRefs(context.params.ref ?? "");
  return { body: refs.map((info) => serializeRef(context.core, repo, info.ref, info.sha)) };
}

function checkNewRefName(ref: string): void {
  if (!ref.startsWith("refs/") || ref.split("/").length < 3) {
    throw unprocessable("Reference name must contain at least three slash-separated components.");
  }
}

export async function createRefRoute(context: RouteContext): Promise<RouteResult> {
  const repo = writableRepo(context);
  const { ref, sha } = readBody(CreateRefBody, context.body);
  checkNewRefName(ref);
  await gitCall(
    () => repo.git.createRef(ref, sha),
    (error) => {
      if (error instanceof GitInvalidRefNameError) return unprocessable(`${ref} is not a valid ref name.`);
      if (error instanceof GitObjectNotFoundError || error instanceof GitInvalidInputError) return unprocessable("Object does not exist");
      if (error instanceof GitRefExistsError) {
        return unprocessable(error.existing === error.ref ? "Reference already exists" : "Reference update failed");
      }
      return error instanceof GitRefUpdateConflictError ? unprocessable("Reference update failed") : undefined;
    },
  );
  const created = (await repo.git.getRef(ref)) ?? sha.toLowerCase();
  const branch = branchOf(ref);
  if (branch !== null) {
    await onBranchMoved(context.core, repo, { branch, before: null, after: created, sender: actingAccount(context), forced: false });
  }
  return createdAnswer(serializeRef(context.core, repo, ref, created));
}

export async function updateRefRoute(context: RouteContext): Promise<RouteResult> {
  const repo = writableRepo(context);
  const ref = refParam(context);
  const { sha, force } = readBody(UpdateRefBody, context.body);
  const before = await repo.git.getRef(ref);
  if (before === null) throw unprocessable("Reference does not exist");
  await gitCall(
    () => repo.git.updateRef(ref, sha, { force }),
    (error) => {
      if (error instanceof GitNotFastForwardError) return unprocessable("Update is not a fast forward");
      if (error instanceof GitObjectNotFoundError || error instanceof GitInvalidInputError) return unprocessable("Object does not exist");
      if (error instanceof GitRefNotFoundError) return unprocessable("Reference does not exist");
      return error instanceof GitRefUpdateConflictError ? unprocessable("Reference cannot be updated") : undefined;
    },
  );
  const after = sha.toLowerCase();
  const branch = branchOf(ref);
  if (branch !== null && before !== after) {
    const forced = force && !(await repo.git.isAncestor(before, after));
    await onBranchMoved(context.core, repo, { branch, before, after, sender: actingAccount(context), forced });
  }
  return { body: serializeRef(context.core, repo, ref, after) };
}

export async function deleteRefRoute(context: RouteContext): Promise<RouteResult> {
  const repo = writableRepo(context);
  const ref = refParam(context);
  const before = await repo.git.getRef(ref);
  if (before === null) throw unprocessable("Reference does not exist");
  await gitCall(
    () => repo.git.deleteRef(ref),
    (error) => (error instanceof GitRefNotFoundError ? unprocessable("Reference does not exist") : undefined),
  );
  const branch = branchOf(ref);
  if (branch !== null) {
    await onBranchMoved(context.core, repo, { branch, before, after: null, sender: actingAccount(context), forced: false });
  }
  return { status: 204 };
}
