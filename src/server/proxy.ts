import http from "node:http";
import type { Logger } from "pino";

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

/**
 * Routes Foreman's outgoing HTTP (GitHub, the model, through `fetch` and `http.request`) through
 * the proxy named by HTTPS_PROXY / HTTP_PROXY, except for the hosts in NO_PROXY, with Node's own
 * proxy support. git reads the same variables itself. Does nothing when no proxy is named.
 */
export function useProxyFromEnv(source: NodeJS.ProcessEnv, log: Logger): void {
  const named = PROXY_VARIABLES.filter((name) => (source[name] ?? "") !== "");
  if (named.length === 0) return;
  const setGlobalProxy = (http as { setGlobalProxyFromEnv?: (env: NodeJS.ProcessEnv) => unknown }).setGlobalProxyFromEnv;
  if (setGlobalProxy === undefined) {
    log.warn({ named }, "this Node.js cannot route requests through a proxy at run time; start it with NODE_USE_ENV_PROXY=1 instead");
    return;
  }
  setGlobalProxy(source);
  log.info({ named, noProxy: source.NO_PROXY ?? source.no_proxy ?? "" }, "outgoing requests go through the proxy");
}
