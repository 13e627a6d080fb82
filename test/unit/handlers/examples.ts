import { createRequire } from "node:module";
import type { WebhookDefinition } from "@octokit/webhooks-examples";
import type { InstallationLite, WebhookEventMap, WebhookEventName } from "@octokit/webhooks-types";

const definitions = createRequire(import.meta.url)("@octokit/webhooks-examples") as WebhookDefinition[];

/** The installation id the examples are given when they come without one. */
export const INSTALLATION_ID = 4242;

/**
 * A copy of the first payload GitHub documents for `name` that `matches`, from
 * `@octokit/webhooks-examples`, typed by `@octokit/webhooks-types`.
 */
export function example<E extends WebhookEventName, P extends WebhookEventMap[E]>(
  name: E,
  matches: (payload: WebhookEventMap[E]) => payload is P,
): P {
  const definition = definitions.find((candidate) => candidate.name === name);
  // The definition of `name` holds that event's payloads.
  const payloads = (definition?.examples ?? []) as WebhookEventMap[E][];
  const found = payloads.find(matches);
  if (!found) throw new Error(`@octokit/webhooks-examples has no matching ${name} payload`);
  return structuredClone(found);
}

/** The payload as an installed app receives it: most examples were recorded without `installation`. */
export function installed<P extends { installation?: InstallationLite }>(payload: P, id = INSTALLATION_ID): P {
  return { ...payload, installation: { id, node_id: `installation-${id}` } };
}

/** The payload without `installation`, as a webhook configured on the repository itself sends it. */
export function notInstalled<P extends { installation?: InstallationLite }>(payload: P): P {
  const { installation: _installation, ...rest } = payload;
  return rest as P;
}
