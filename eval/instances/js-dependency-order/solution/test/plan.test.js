import { test } from "node:test";
import assert from "node:assert/strict";
import { planBuild } from "../src/plan.js";

const MANIFEST = "web: ui, api\nui:\napi: db\ndb:\ndocs:\n";

test("whole plan", () => {
  assert.deepEqual(planBuild(MANIFEST).order, ["db", "api", "docs", "ui", "web"]);
});

test("only a target and its dependencies", () => {
  assert.deepEqual(planBuild(MANIFEST, { only: ["api"] }), { order: ["db", "api"], layers: [["db"], ["api"]] });
  assert.throws(() => planBuild(MANIFEST, { only: ["nope"] }), /nope/);
});
