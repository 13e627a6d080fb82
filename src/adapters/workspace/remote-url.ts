/**
 * Where git clones from, given the REST API's base URL: `https://github.com` for github.com,
 * `https://<host>` for GitHub Enterprise Server (`https://<host>/api/v3`) and GHE.com
 * (`https://api.<name>.ghe.com`), the API's own address otherwise (a local sandbox).
 */
export function gitBaseUrl(apiBaseUrl: string | undefined): string {
  if (apiBaseUrl === undefined) return "https://github.com";
  const url = new URL(apiBaseUrl);
  if (url.hostname === "api.github.com") return "https://github.com";
  if (url.hostname.startsWith("api.") && url.hostname.endsWith(".ghe.com")) return `${url.protocol}//${url.host.slice("api.".length)}`;
  const path = url.pathname.replace(/\/+$/, "").replace(/\/api\/v3$/, "");
  return `${url.protocol}//${url.host}${path}`;
}

/** `<base>/<owner>/<repo>.git`: no credentials, ever. */
export function remoteUrl(base: string, owner: string, repo: string): string {
  return `${base}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}.git`;
}
