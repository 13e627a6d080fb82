import { describe, expect, it } from "vitest";
import { commentsOn, driveScenario, parseScenario, type Scenario, type World } from "../../src/index.ts";
import { echoUnderTest } from "./echo-app/echo-under-test.ts";

/** A scenario for the echo app: maya labels the issue `echo`, then `steps` and `expect` follow. */
function echoScenario(parts: { body?: string; steps?: string; expect?: string; github?: string; timeoutSeconds?: number }): Scenario {
  const text = [
    "name: echo",
    "repository: { owner: acme, name: echo, files: { README.md: hi } }",
    "actors: [{ login: maya, permission: write }]",
    `issue: { author: maya, title: Echo, body: "${parts.body ?? ""}" }`,
    "steps:",
    "  - { as: maya, label: echo }",
    parts.steps ?? "",
    `expect: ${parts.expect ?? "{}"}`,
    `github: ${parts.github ?? "{}"}`,
    `timeoutSeconds: ${parts.timeoutSeconds ?? 30}`,
  ].join("\n");
  return parseScenario(text, { baseDir: import.meta.dirname, fileName: "echo.yml" });
}

const appComments = (world: World): string[] =>
  commentsOn(world, "issue")
    .filter((comment) => comment.user.login === world.botLogin)
    .map((comment) => comment.body);

const world = { app: echoUnderTest() };

describe("driveScenario", () => {
  it("ends once the expectations hold and the run stayed quiet, and lets the caller read the world before teardown", async () => {
    const scenario = echoScenario({ expect: "{ comments: [{ author: app, count: 1 }], issue: { state: open } }" });

    const run = await driveScenario(scenario, { world, observe: appComments });

    expect(run.failures, run.appLogTail).toEqual([]);
    expect(run.finished).toBe(true);
    expect(run.observed).toEqual(["Echo. <!-- echo:comment -->"]);
    expect(run.timeline.some((line) => line.includes('maya → adds label "echo"'))).toBe(true);
  }, 60_000);

  it("sees a late second comment within the quiet period: the count and the duplicate marker both fail", async () => {
    const scenario = echoScenario({
      body: "late-duplicate-ms: 1200",
      expect: "{ comments: [{ author: app, count: 1 }], noDuplicates: [comments], quietSeconds: 2.5 }",
      timeoutSeconds: 20,
    });

    const run = await driveScenario(scenario, { world, stopWhenQuiet: true, observe: appComments });

    expect(run.observed).toHaveLength(2);
    expect(run.failures).toEqual([
      "comments on the issue by the app: expected 1, got 2",
      "duplicate comments on #1 carrying <!-- echo:comment -->: 2",
    ]);
  }, 60_000);

  it("waits a wait step's time, then goes on with the next step", async () => {
    const startedAt: Record<number, number> = {};
    const scenario = echoScenario({
      steps: "  - { wait: { seconds: 1.5 } }\n  - { as: maya, comment: { body: /ping } }",
      expect: "{ comments: [{ author: app, contains: pong, count: 1 }] }",
    });

    const run = await driveScenario(scenario, {
      world,
      beforeStep: (_world, index) => void (startedAt[index] = Date.now()),
      observe: appComments,
    });

    expect(run.failures, run.appLogTail).toEqual([]);
    expect((startedAt[2] ?? 0) - (startedAt[1] ?? Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(1500);
    expect(run.timeline.some((line) => line.endsWith("waits 1.5 s"))).toBe(true);
  }, 60_000);

  it("fails a step whose condition does not hold within its own timeoutSeconds, long before the run's deadline", async () => {
    const scenario = echoScenario({
      steps:
        '  - { name: never, when: { commentContains: { text: "never said" }, timeoutSeconds: 1 } }\n  - { as: maya, comment: { body: /ping } }',
      timeoutSeconds: 120,
    });
    const startedAt = Date.now();

    const run = await driveScenario(scenario, { world, observe: appComments });

    expect(run.stepFailures).toEqual([
      'never: its condition never held ({"commentContains":{"on":"issue","text":"never said"},"timeoutSeconds":1})',
    ]);
    expect(run.failures).toEqual(run.stepFailures);
    expect(run.finished).toBe(false);
    expect(Date.now() - startedAt).toBeLessThan(60_000);
    expect(run.observed.filter((body) => body === "pong")).toEqual([]);
  }, 60_000);

  it("judges the run by `until` alone when told not to check the expectations, and reports a condition that never held", async () => {
    const scenario = echoScenario({ expect: "{ comments: [{ author: app, count: 5 }] }", timeoutSeconds: 8 });

    const run = await driveScenario(scenario, {
      world,
      checkExpectations: false,
      until: (w) => appComments(w).length === 2,
      observe: appComments,
    });

    expect(run.observed).toEqual(["Echo. <!-- echo:comment -->"]);
    expect(run.finished).toBe(false);
    expect(run.failures).toEqual(["the test's extra condition never held"]);
  }, 60_000);

  it("crashes and restarts the app as planned, and the run still ends", async () => {
    const scenario = echoScenario({
      steps: "  - { when: { commentContains: { text: Echo } }, wait: { seconds: 3 } }\n  - { as: maya, comment: { body: /ping } }",
      expect: "{ comments: [{ author: app, contains: pong, count: 1 }] }",
    });

    const run = await driveScenario(scenario, { world, disruptions: [{ kind: "kill", at: { afterDeliveries: 3 } }], observe: appComments });

    expect(run.failures, run.appLogTail).toEqual([]);
    expect(run.disruptions).toEqual([{ kind: "kill", at: "webhook #3", firedAtMs: expect.any(Number) as number }]);
  }, 60_000);

  it("releases a webhook held back by a reorder fault once the run goes quiet, not only when it ends", async () => {
    const scenario = echoScenario({
      steps: "  - { as: maya, when: { commentContains: { text: Echo } }, comment: { body: /ping } }",
      expect: "{ comments: [{ author: app, contains: pong, count: 1 }] }",
      github: "{ webhooks: { reorder: 1 } }",
    });
    const nothingHeld = (w: World): boolean =>
      w.github.webhooks.holding() === null && w.github.webhooks.deliveries().every((delivery) => delivery.status !== "pending");

    const run = await driveScenario(scenario, {
      world,
      until: nothingHeld,
      observe: (w) =>
        w.github.webhooks
          .deliveries()
          .filter((delivery) => delivery.fault === "reorder")
          .map((delivery) => `${delivery.event}.${delivery.action ?? ""}`),
    });

    expect(run.failures, run.appLogTail).toEqual([]);
    expect(run.finished).toBe(true);
    expect(run.observed).toEqual([
      "issues.opened",
      "issues.labeled",
      "issue_comment.created",
      "issue_comment.created",
      "issue_comment.created",
    ]);
  }, 60_000);
});
