import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";

let harness: Harness | null = null;

afterEach(async () => {
  await harness?.stop();
  harness = null;
});

describe("the request log", () => {
  it("records no body for a request that sent none, and the parsed body of one that did", async () => {
    harness = await startHarness();
    const maya = harness.userOctokit("maya");
    harness.sandbox.setPermission(harness.repo, "maya", "write");

    await maya.rest.repos.get({ owner: "acme", repo: "calculator" });
    await maya.rest.issues.create({ owner: "acme", repo: "calculator", title: "Logged" });

    const entries = harness.sandbox.requestLog.all().filter((entry) => entry.actor === "maya");
    expect(entries.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      "GET /repos/acme/calculator",
      "POST /repos/acme/calculator/issues",
    ]);
    expect(Object.hasOwn(entries[0] ?? {}, "body")).toBe(false);
    expect(entries[1]?.body).toEqual({ title: "Logged" });
  });
});
