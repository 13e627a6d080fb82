import type { IncomingMessage, ServerResponse } from "node:http";
import { LOG_LINK_PREFIX } from "./ci/log-links.ts";
import { CiRunner } from "./ci/runner.ts";
import type { SandboxCore } from "./core.ts";
import { gitHttpRoute } from "./git-http/route.ts";
import { MergeQueue } from "./merge-queue/index.ts";

export type RawRoute = (request: IncomingMessage, response: ServerResponse) => boolean;

/** The key of the raw route tried for any path no other raw route claims (it answers false to pass). */
export const ANY_PATH = "*";

/**
 * Wires the background services (CI runner, merge queue) into the core and returns the raw
 * HTTP routes served outside the API (short-lived log downloads, git's smart HTTP).
 */
export function installServices(core: SandboxCore): Record<string, RawRoute> {
  const ci = new CiRunner(core);
  core.ci = ci;
  core.mergeQueue = new MergeQueue(core);
  return { [LOG_LINK_PREFIX]: (request, response) => ci.logLinks.handle(request, response), [ANY_PATH]: gitHttpRoute(core) };
}
