import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import type { WebhookDefinition } from "@octokit/webhooks-examples";
import type { IssueCommentCreatedEvent, IssuesLabeledEvent } from "@octokit/webhooks-types";
import { WEBHOOK_PATH } from "../../src/foreman.ts";

/** The secret both apps check the deliveries' signatures against. */
export const WEBHOOK_SECRET = "intake-bench-secret";

export interface Delivery {
  id: string;
  event: string;
  body: string;
  signature: string;
}

/** One run of deliveries against one app. */
export interface Timing {
  deliveries: number;
  /** Deliveries answered 2xx. */
  acknowledged: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Every acknowledgement time, for the percentiles over several runs. */
  latenciesMs: number[];
}

const definitions = createRequire(import.meta.url)("@octokit/webhooks-examples") as WebhookDefinition[];

function examplePayload<T>(name: string, matches: (payload: T) => boolean): T {
  const payloads = (definitions.find((definition) => definition.name === name)?.examples ?? []) as T[];
  const found = payloads.find(matches);
  if (!found) throw new Error(`@octokit/webhooks-examples has no matching ${name} payload`);
  return structuredClone(found);
}

const INSTALLATION = { id: 4242, node_id: "installation-4242" };
const LABELED = examplePayload<IssuesLabeledEvent>("issues", (payload) => payload.action === "labeled");
const COMMENTED = examplePayload<IssueCommentCreatedEvent>(
  "issue_comment",
  (payload) => payload.action === "created" && payload.issue.pull_request === undefined,
);

/** The `foreman` label on issue `n`: a new workflow's first delivery. */
function labeled(n: number): IssuesLabeledEvent {
  const label = LABELED.label ? { ...LABELED.label, name: "foreman" } : undefined;
  return { ...LABELED, installation: INSTALLATION, issue: { ...LABELED.issue, number: n }, label };
}

/** A new comment (its own id, so it is queued and not taken for one the reconciler fed in) on issue `n`. */
function commented(n: number): IssueCommentCreatedEvent {
  return {
    ...COMMENTED,
    installation: INSTALLATION,
    issue: { ...COMMENTED.issue, number: n },
    comment: { ...COMMENTED.comment, id: 1_000_000 + n, body: "/approve" },
  };
}

/** `count` signed deliveries numbered from `first`, labels and comments in turn, each with its own delivery id. */
export function buildDeliveries(first: number, count: number): Delivery[] {
  return Array.from({ length: count }, (_, index) => {
    const n = first + index + 1;
    const [event, payload] = n % 2 === 0 ? ["issues", labeled(n)] : ["issue_comment", commented(n)];
    const body = JSON.stringify(payload);
    const signature = `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`;
    return { id: `intake-bench-${n}`, event, body, signature };
  });
}

/** Posts one delivery as GitHub does; its status code once the answer is read to the end. */
function post(agent: Agent, url: URL, delivery: Delivery): Promise<number> {
  const headers = {
    "content-type": "application/json",
    "x-github-event": delivery.event,
    "x-github-delivery": delivery.id,
    "x-hub-signature-256": delivery.signature,
  };
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: "POST", agent, headers }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    sent.on("error", reject);
    sent.end(delivery.body);
  });
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

/** Timing figures of one or several runs' acknowledgement times over their wall time. */
export function timingOf(latenciesMs: number[], acknowledged: number, seconds: number): Timing {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    deliveries: latenciesMs.length,
    acknowledged,
    seconds,
    perSecond: latenciesMs.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    latenciesMs,
  };
}

/** Posts every delivery to the app at `base`, `concurrency` at a time over kept-alive connections. */
export async function postAll(base: string, deliveries: Delivery[], concurrency: number): Promise<Timing> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(WEBHOOK_PATH, base);
  const latenciesMs: number[] = [];
  let acknowledged = 0;
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let delivery = deliveries[next++]; delivery; delivery = deliveries[next++]) {
      const sentAt = performance.now();
      const status = await post(agent, url, delivery);
      latenciesMs.push(performance.now() - sentAt);
      if (status >= 200 && status < 300) acknowledged += 1;
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const seconds = (performance.now() - startedAt) / 1000;
  agent.destroy();
  return timingOf(latenciesMs, acknowledged, seconds);
}
