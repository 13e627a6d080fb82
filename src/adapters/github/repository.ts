import type { Octokit, Target } from "./octokit.ts";

export interface RepositoryInfo {
  defaultBranch: string;
  headSha: string;
  mergeQueue: boolean;
}

const QUERY = `query Repository($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    defaultBranchRef { name target { oid } }
    mergeQueue { id }
  }
}`;

/** The default branch, its head, and whether the repository has a merge queue, in one GraphQL query. */
export async function repository(octokit: Octokit, target: Target): Promise<RepositoryInfo> {
  const result = await octokit.graphql<{
    repository: { defaultBranchRef: { name: string; target: { oid: string } }; mergeQueue: { id: string } | null };
  }>(QUERY, { owner: target.owner, name: target.repo });
  const ref = result.repository.defaultBranchRef;
  return { defaultBranch: ref.name, headSha: ref.target.oid, mergeQueue: result.repository.mergeQueue !== null };
}
