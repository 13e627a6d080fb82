/** What kind of call a request is, and whose: read by the Octokit plugins. */

const READS = new Set(["GET", "HEAD"]);

/** Whether a call changes something on GitHub: any non-GET REST call, and GraphQL mutations. */
export function isWrite(options: { method?: string; url?: string; query?: unknown }): boolean {
  const method = (options.method ?? "GET").toUpperCase();
  if (READS.has(method)) return false;
  if (options.url === "/graphql" || options.url?.endsWith("/graphql"))
    return typeof options.query === "string" && /^\s*mutation\b/.test(options.query);
  return true;
}

interface TokenCache {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
  delete?: (key: string) => unknown;
}

/** The installation a client acts for, and Probot's token cache, from its `auth` options; null for the app itself. */
export function installationAuth(auth: unknown): { installationId: number; cache: TokenCache | null } | null {
  if (typeof auth !== "object" || auth === null || !("installationId" in auth)) return null;
  const installationId = Number(auth.installationId);
  const cache =
    "cache" in auth && typeof auth.cache === "object" && auth.cache !== null && "set" in auth.cache ? (auth.cache as TokenCache) : null;
  return Number.isInteger(installationId) ? { installationId, cache } : null;
}
