import { createHmac, randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { seededRandom } from "./random.ts";
import type { SandboxApp } from "./state/types.ts";

export interface WebhookFaultPlan {
  /** Fraction of deliveries sent twice with the same delivery id. */
  duplicate?: number;
  /** Fraction of deliveries held back and sent after the next one. */
  reorder?: number;
  /** Fraction of deliveries never sent, or explicit `event.action#n` occurrences (1-based). */
  drop?: number | string[];
  seed?: number;
}

export interface Delivery {
  id: string;
  event: string;
  action: string | null;
  payload: Record<string, unknown>;
  status: "pending" | "delivered" | "failed" | "dropped";
  responseStatus: number | null;
  problems: string[];
  attempts: number;
  fault: "duplicate" | "reorder" | "drop" | null;
}

export type WebhookValidator = (event: string, payload: unknown) => string[];

/** The login of a delivery's sender, or an empty string. */
function senderOf(delivery: Delivery): string {
  const sender = delivery.payload.sender;
  return typeof sender === "object" && sender !== null && "login" in sender && typeof sender.login === "string" ? sender.login : "";
}

function signPayload(secret: string, body: string): { sha256: string; sha1: string } {
  return {
    sha256: `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    sha1: `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`,
  };
}

/** Sends GitHub-shaped, signed webhook deliveries to an app, one at a time, with faults on demand. */
export class WebhookDispatcher {
  private readonly log: Delivery[] = [];
  private readonly queue: Array<{ app: SandboxApp; delivery: Delivery }> = [];
  private readonly occurrences = new Map<string, number>();
  /** The app each delivery went to, so a redelivery reaches the same one. */
  private readonly apps = new Map<string, SandboxApp>();
  private held: { app: SandboxApp; delivery: Delivery } | null = null;
  private draining: Promise<void> = Promise.resolve();
  private plan: WebhookFaultPlan = {};
  private random: () => number = seededRandom(1);

  private readonly validate: WebhookValidator;
  private readonly logger?: Logger;
  constructor(validate: WebhookValidator, logger?: Logger) {
    this.validate = validate;
    this.logger = logger;
  }

  setFaults(plan: WebhookFaultPlan): void {
    this.plan = plan;
    this.random = seededRandom(plan.seed ?? 1);
  }

  deliveries(): readonly Delivery[] {
    return this.log;
  }

  /** Deliveries whose payload does not validate against GitHub's webhook schemas. */
  invalid(): Delivery[] {
    return this.log.filter((delivery) => delivery.problems.length > 0);
  }

  send(app: SandboxApp, event: string, payload: Record<string, unknown>): Delivery {
    const action = typeof payload.action === "string" ? payload.action : null;
    const delivery: Delivery = {
      id: randomUUID(),
      event,
      action,
      payload,
      status: "pending",
      responseStatus: null,
      problems: this.validate(event, payload),
      attempts: 0,
      fault: null,
    };
    if (delivery.problems.length > 0) {
      this.logger?.error({ event, action, problems: delivery.problems }, "sandbox webhook payload fails GitHub's schema");
    }
    this.log.push(delivery);
    this.schedule(app, delivery);
    return delivery;
  }

  /** Sends a recorded delivery again with the same delivery id, as GitHub's "Redeliver" does. */
  async redeliver(id: string): Promise<void> {
    const delivery = this.log.find((entry) => entry.id === id);
    const app = delivery ? this.appFor(delivery) : undefined;
    if (!delivery || !app) throw new Error(`no delivery ${id} to redeliver`);
    await this.post(app, delivery);
  }

  /** Resolves once every queued delivery has been attempted. */
  async idle(): Promise<void> {
    for (;;) {
      const current = this.draining;
      await current;
      if (current === this.draining && this.queue.length === 0) return;
    }
  }

  private appFor(delivery: Delivery): SandboxApp | undefined {
    return this.apps.get(delivery.id);
  }

  private schedule(app: SandboxApp, delivery: Delivery): void {
    this.apps.set(delivery.id, app);
    const fault = this.pickFault(delivery);
    delivery.fault = fault;
    if (fault === "drop") {
      delivery.status = "dropped";
      return;
    }
    if (fault === "reorder" && !this.held) {
      this.held = { app, delivery };
      return;
    }
    this.queue.push({ app, delivery });
    if (fault === "duplicate") this.queue.push({ app, delivery });
    if (this.held) {
      this.queue.push(this.held);
      this.held = null;
    }
    this.draining = this.draining.then(() => this.drain());
  }

  /** Counts this delivery under each of `keys` and tells whether `selectors` name it: by key, or by key and occurrence. */
  private selected(selectors: readonly string[], keys: readonly string[]): boolean {
    let hit = false;
    for (const key of keys) {
      const occurrence = (this.occurrences.get(key) ?? 0) + 1;
      this.occurrences.set(key, occurrence);
      hit ||= selectors.includes(key) || selectors.includes(`${key}#${occurrence}`);
    }
    return hit;
  }

  private pickFault(delivery: Delivery): Delivery["fault"] {
    const key = delivery.action ? `${delivery.event}.${delivery.action}` : delivery.event;
    const { drop, duplicate = 0, reorder = 0 } = this.plan;
    if (Array.isArray(drop) && this.selected(drop, [key, `${key}@${senderOf(delivery)}`])) return "drop";
    if (typeof drop === "number" && this.random() < drop) return "drop";
    if (this.random() < duplicate) return "duplicate";
    if (this.random() < reorder) return "reorder";
    return null;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const next = this.queue.shift();
      if (next) await this.post(next.app, next.delivery);
    }
  }

  /** The delivery a `reorder` fault is holding back until the next one is sent, if any. */
  holding(): Delivery | null {
    return this.held?.delivery ?? null;
  }

  /** Releases a delivery held back for reordering when nothing followed it (the run went quiet, or it ends). */
  flushHeld(): void {
    if (!this.held) return;
    this.queue.push(this.held);
    this.held = null;
    this.draining = this.draining.then(() => this.drain());
  }

  private async post(app: SandboxApp, delivery: Delivery): Promise<void> {
    if (!app.webhookUrl) return;
    const body = JSON.stringify(delivery.payload);
    const signature = signPayload(app.webhookSecret, body);
    delivery.attempts += 1;
    try {
      const response = await fetch(app.webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/sandbox",
          "x-github-event": delivery.event,
          "x-github-delivery": delivery.id,
          "x-github-hook-id": String(app.id),
          "x-github-hook-installation-target-id": String(app.id),
          "x-github-hook-installation-target-type": "integration",
          "x-hub-signature": signature.sha1,
          "x-hub-signature-256": signature.sha256,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      delivery.responseStatus = response.status;
      delivery.status = response.ok ? "delivered" : "failed";
    } catch (error) {
      delivery.status = "failed";
      this.logger?.warn({ deliveryId: delivery.id, event: delivery.event, err: error }, "sandbox webhook delivery failed");
    }
  }
}
