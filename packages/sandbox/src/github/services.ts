import type { IncomingMessage, ServerResponse } from "node:http";
import { LOG_LINK_PREFIX } from "./ci/log-links.ts";
import { CiRunner } from "./ci/runner.ts";
import type { SandboxCore } from "./core.ts";
import { MergeQueue } from "./merge-queue/index.ts";

export type RawRoute = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Wires the background services (CI runner, merge queue) into the core and returns the raw
 * HTTP routes they serve outside the API (such as short-lived log downloads).
 */
export function installServices(core: SandboxCore): Record<string, RawRoute> {
  const ci = new CiRunner(core);
  core.ci = ci;
  core.mergeQueue = new MergeQueue(core);
  return { [LOG_LINK_PREFIX]: (request, response) => ci.logLinks.handle(request, response) };
}
