import type { Octokit, Target } from "./octokit.ts";

interface BlobResult {
  text: string | null;
  isBinary: boolean | null;
}

/** One GraphQL query that reads every path at `ref`, instead of one REST call per file. */
function buildReadFilesQuery(ref: string, paths: string[]): string {
  const fields = paths.map(
    (path, index) => `f${index}: object(expression: ${JSON.stringify(`${ref}:${path}`)}) { ... on Blob { text isBinary } }`,
  );
  return `query ReadFiles($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n    ${fields.join("\n    ")}\n  }\n}`;
}

export async function readFiles(octokit: Octokit, repo: Target, ref: string, paths: string[]): Promise<Record<string, string | null>> {
  if (paths.length === 0) return {};
  const result = await octokit.graphql<{ repository: Record<string, BlobResult | null> }>(buildReadFilesQuery(ref, paths), {
    owner: repo.owner,
    name: repo.repo,
  });
  return Object.fromEntries(
    paths.map((path, index) => {
      const blob = result.repository[`f${index}`];
      return [path, blob && !blob.isBinary ? blob.text : null];
    }),
  );
}

/**
 * A file on a repository's default branch, by REST's raw media type (one call, as Probot reads
 * configuration). A 404 (no such file, or a repository the installation cannot see) throws; a
 * directory or a submodule, which answer with JSON, read as null.
 */
export async function readDefaultBranchFile(octokit: Octokit, repository: Target, path: string): Promise<string | null> {
  const { data } = await octokit.rest.repos.getContent({ ...repository, path, mediaType: { format: "raw" } });
  return typeof data === "string" ? data : null;
}
