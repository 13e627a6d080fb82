import { afterEach, describe, expect, it } from "vitest";
import { QuietClock, waitFor } from "../../src/index.ts";
import { startHarness, type Harness } from "../github/harness.ts";

let harness: Harness | null = null;

afterEach(async () => {
  await harness?.stop();
  harness = null;
});

/** A sandbox whose every webhook delivery is held back until the next one, with maya's issue held. */
async function withHeldDelivery(): Promise<Harness> {
  const h = await startHarness({}, { webhookFaults: { reorder: 1 } });
  harness = h;
  h.sandbox.setPermission(h.repo, "maya", "write");
  await h.userOctokit("maya").rest.issues.create({ owner: "acme", repo: "calculator", title: "Held back" });
  return h;
}

describe("the idle rule", () => {
  it("releases a delivery held back by reorder once the run has been quiet but for it", async () => {
    const h = await withHeldDelivery();
    expect(h.sandbox.webhooks.holding()?.event).toBe("issues");
    const clock = new QuietClock({ github: h.sandbox, appPendingJobs: () => 0 });

    const idle = clock.idleMs(0);

    expect(idle).toBe(0);
    expect(h.sandbox.webhooks.holding()).toBeNull();
    expect(await waitFor(() => h.receiver.named("issues", "opened").length === 1, Date.now() + 5_000, 20)).toBe(true);
  });

  it("keeps the delivery held while the app has work and until the quiet period has passed", async () => {
    const h = await withHeldDelivery();
    let pending = 1;
    const clock = new QuietClock({ github: h.sandbox, appPendingJobs: () => pending });

    const whileBusy = clock.idleMs(0);
    pending = 0;
    const beforeQuiet = clock.idleMs(60_000);

    expect([whileBusy, beforeQuiet]).toEqual([0, 0]);
    expect(h.sandbox.webhooks.holding()?.event).toBe("issues");
    expect(h.receiver.named("issues")).toEqual([]);
  });

  it("counts the sandbox's background work and the caller's own as busy", async () => {
    harness = await startHarness();
    const { sandbox } = harness;
    let disrupting = true;
    const clock = new QuietClock({ github: sandbox, appPendingJobs: () => 0 }, () => disrupting);
    let finish = (): void => undefined;
    sandbox.core.spawn(() => new Promise<void>((resolve) => (finish = resolve)));

    const duringBoth = clock.idleMs(0);
    disrupting = false;
    const duringBackground = clock.idleMs(0);
    finish();
    await sandbox.settle();

    expect([duringBoth, duringBackground]).toEqual([0, 0]);
    expect(await waitFor(() => clock.idleMs(0) >= 50, Date.now() + 5_000, 10)).toBe(true);
  });
});
