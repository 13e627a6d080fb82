import { nodeIdFor } from "../serializers/git.ts";
import type { Repository } from "../state/types.ts";
import { commitObject } from "./git-objects.ts";
import type { ResolveContext } from "./resolve-context.ts";

const PREFIXES = ["refs/heads/", "refs/tags/"];

/** A ref that exists: its fully qualified name and the commit it points at. */
export interface FoundRef {
  qualifiedName: string;
  oid: string;
}

/** A `Ref`'s own fields (`refs/heads/<name>` or `refs/tags/<name>`); its `repository` is added in `object-graph.ts`. */
export function refFields(ctx: ResolveContext, repo: Repository, ref: FoundRef): Record<string, unknown> {
  const prefix = PREFIXES.find((candidate) => ref.qualifiedName.startsWith(candidate)) ?? "refs/";
  return {
    __typename: "Ref",
    id: nodeIdFor("REF", repo, ref.qualifiedName),
    name: ref.qualifiedName.slice(prefix.length),
    prefix,
    target: commitObject(ctx, repo, ref.oid),
  };
}

/** `Repository.ref(qualifiedName:)`: a fully qualified name, or a branch name; null when absent. */
export async function findRef(repo: Repository, name: string): Promise<FoundRef | null> {
  const candidates = name.startsWith("refs/") ? [name] : [`refs/heads/${name}`, `refs/tags/${name}`];
  for (const qualifiedName of candidates) {
    const oid = await repo.git.getRef(qualifiedName);
    if (oid !== null) return { qualifiedName, oid };
  }
  return null;
}

/** The repository's default branch, when it has a commit. */
export async function defaultBranchOf(repo: Repository): Promise<FoundRef | null> {
  const oid = await repo.git.getRef(`heads/${repo.defaultBranch}`);
  return oid === null ? null : { qualifiedName: `refs/heads/${repo.defaultBranch}`, oid };
}
