import { test } from "node:test";
import assert from "node:assert/strict";
import { planBuild } from "../src/plan.js";

const MANIFEST = "web: ui, api\nadmin: api\nui: tokens\napi: db\ndb:\ntokens:\ndocs:\n";

test("the whole plan", () => {
  const plan = planBuild(MANIFEST);
  assert.deepEqual(plan.order, ["db", "api", "admin", "docs", "tokens", "ui", "web"]);
  assert.deepEqual(plan.layers, [["db", "docs", "tokens"], ["api", "ui"], ["admin", "web"]]);
});

test("only some targets, with everything they need", () => {
  assert.deepEqual(planBuild(MANIFEST, { only: ["admin", "ui"] }), {
    order: ["db", "api", "admin", "tokens", "ui"],
    layers: [["db", "tokens"], ["api", "ui"], ["admin"]],
  });
});

test("unknown targets and manifest errors surface", () => {
  assert.throws(() => planBuild(MANIFEST, { only: ["web", "mobile"] }), /mobile/);
  assert.throws(() => planBuild("a: b\nb: a\n"), { name: "CycleError" });
  assert.throws(() => planBuild("a: b\n"), { name: "ManifestError" });
});
