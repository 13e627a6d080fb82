/**
 * The route of a GitHub call as a bounded label: the template Octokit was called with
 * (`/repos/{owner}/{repo}/pulls/{pull_number}`), or, for a concrete URL (a pagination link), the
 * path with its names, numbers and commits put back as placeholders. GraphQL is `/graphql`, and a
 * mutation `/graphql:<its first field>`.
 */

const NAMED_TAILS: readonly [RegExp, string][] = [
  [/^(\/repos\/\{owner\}\/\{repo\}\/git\/(?:refs|ref|matching-refs))\/.+$/, "$1/{ref}"],
  [/^(\/repos\/\{owner\}\/\{repo\}\/contents)\/.+$/, "$1/{path}"],
  [/^(\/repos\/\{owner\}\/\{repo\}\/branches)\/[^/]+(\/.*)?$/, "$1/{branch}$2"],
  [/^(\/repos\/\{owner\}\/\{repo\}\/(?:compare))\/.+$/, "$1/{basehead}"],
  [/^(\/repos\/\{owner\}\/\{repo\}\/(?:commits))\/[^/]+(\/.*)?$/, "$1/{ref}$2"],
  [/^(\/repos\/\{owner\}\/\{repo\}\/labels)\/[^/]+$/, "$1/{name}"],
  [/^(\/repos\/\{owner\}\/\{repo\}\/collaborators)\/[^/]+(\/.*)?$/, "$1/{username}$2"],
  [/^(\/users|\/orgs)\/[^/]+(\/.*)?$/, "$1/{name}$2"],
];

/** The name GitHub's own templates give a number after these segments. */
const NUMBER_NAMES: Record<string, string> = {
  issues: "{issue_number}",
  pulls: "{pull_number}",
  comments: "{comment_id}",
  "check-runs": "{check_run_id}",
  "check-suites": "{check_suite_id}",
  installations: "{installation_id}",
  runs: "{run_id}",
  jobs: "{job_id}",
  reviews: "{review_id}",
};

function placeholders(path: string): string {
  const repos = path
    .replace(/^\/repos\/[^/]+\/[^/]+/, "/repos/{owner}/{repo}")
    .replace(/^\/repositories\/\d+/, "/repositories/{repository_id}");
  const named = NAMED_TAILS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), repos);
  const segments = named.split("/");
  return segments
    .map((segment, index) => {
      if (/^\d+$/.test(segment)) return NUMBER_NAMES[segments[index - 1] ?? ""] ?? "{id}";
      return /^[0-9a-f]{40}$/i.test(segment) ? "{sha}" : segment;
    })
    .join("/");
}

function graphqlEndpoint(query: unknown): string {
  const match = typeof query === "string" ? /^\s*mutation\b[^{]*\{\s*(?:\w+\s*:\s*)?(\w+)/.exec(query) : null;
  return match?.[1] ? `/graphql:${match[1]}` : "/graphql";
}

export function requestEndpoint(options: { url?: string; query?: unknown }): string {
  const path = (options.url ?? "")
    .replace(/^[a-z]+:\/\/[^/]+/i, "")
    .replace(/[?#].*$/, "")
    .replace(/^\/api\/v3(?=\/)/, "");
  if (path === "/graphql" || path.endsWith("/graphql")) return graphqlEndpoint(options.query);
  return path.includes("{") ? path : placeholders(path);
}
