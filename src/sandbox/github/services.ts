import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxCore } from "./core.ts";

export type RawRoute = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Wires the background services (CI runner, merge queue) into the core and returns the raw
 * HTTP routes they serve outside the API (such as short-lived log downloads).
 */
export function installServices(_core: SandboxCore): Record<string, RawRoute> {
  return {};
}
