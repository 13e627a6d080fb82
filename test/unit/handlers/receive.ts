import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import type { WebhookEventMap, WebhookEventName } from "@octokit/webhooks-types";
import { createApp } from "../../../src/handlers/index.ts";
import type { IntakeSink } from "../../../src/handlers/intake-sink.ts";
import type { InstallationSink } from "../../../src/handlers/installation.ts";

export type Accepted = Parameters<IntakeSink["accept"]>[0];
export type Removed = Parameters<InstallationSink["installationRemoved"]>[0];

/** A sink that records what the handlers hand it, as the store would record and queue it. */
class RecordingSink implements IntakeSink, InstallationSink {
  readonly accepted: Accepted[] = [];
  readonly removed: Removed[] = [];

  accept(input: Accepted): boolean {
    this.accepted.push(input);
    return true;
  }

  installationRemoved(input: Removed): boolean {
    this.removed.push(input);
    return true;
  }
}

/** A Probot of its own for each delivery, no retries, no throttling, and no credentials it could use. */
async function probotFor(sink: IntakeSink): Promise<Probot> {
  const Octokit = ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false, id: randomUUID() } });
  const probot = new Probot({ appId: 1, privateKey: "unused in these tests", log: pino({ level: "silent" }), Octokit });
  await probot.load(createApp(sink));
  return probot;
}

/**
 * Delivers `payload` as the `name` webhook through Probot's own webhook path (event and action
 * routing included) to Foreman's handlers, and returns what they handed the sink.
 */
export async function deliverTo<E extends WebhookEventName>(sink: IntakeSink, name: E, payload: WebhookEventMap[E]): Promise<string> {
  const id = `delivery-${randomUUID()}`;
  const probot = await probotFor(sink);
  // Probot types deliveries with @octokit/webhooks' own schema; the payload is GitHub's documented one.
  await probot.receive({ id, name, payload } as Parameters<Probot["receive"]>[0]);
  return id;
}

/** Delivers one webhook to a recording sink: the delivery id, and what the handlers recorded. */
export async function deliver<E extends WebhookEventName>(
  name: E,
  payload: WebhookEventMap[E],
): Promise<{ id: string; accepted: Accepted[]; removed: Removed[] }> {
  const sink = new RecordingSink();
  const id = await deliverTo(sink, name, payload);
  return { id, accepted: sink.accepted, removed: sink.removed };
}
