import { nodeIdFor } from "../serializers/git.ts";
import type { Repository } from "../state/types.ts";
import { commitObject } from "./git-objects.ts";
import { repositoryObject } from "./repository.ts";
import type { ResolveContext } from "./resolve-context.ts";

const PREFIXES = ["refs/heads/", "refs/tags/"];

/** A `Ref` (`refs/heads/<name>` or `refs/tags/<name>`) pointing at `oid`. */
export function refObject(ctx: ResolveContext, repo: Repository, qualifiedName: string, oid: string): Record<string, unknown> {
  const prefix = PREFIXES.find((candidate) => qualifiedName.startsWith(candidate)) ?? "refs/";
  return {
    __typename: "Ref",
    id: nodeIdFor("REF", repo, qualifiedName),
    name: qualifiedName.slice(prefix.length),
    prefix,
    target: commitObject(ctx, repo, oid),
    repository: () => repositoryObject(ctx, repo),
  };
}

/** `Repository.ref(qualifiedName:)`: a fully qualified name, or a branch name; null when absent. */
export async function refByName(ctx: ResolveContext, repo: Repository, name: string): Promise<Record<string, unknown> | null> {
  const candidates = name.startsWith("refs/") ? [name] : [`refs/heads/${name}`, `refs/tags/${name}`];
  for (const candidate of candidates) {
    const oid = await repo.git.getRef(candidate);
    if (oid !== null) return refObject(ctx, repo, candidate, oid);
  }
  return null;
}
