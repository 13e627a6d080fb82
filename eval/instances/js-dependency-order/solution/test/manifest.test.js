import { test } from "node:test";
import assert from "node:assert/strict";
import { parseManifest, ManifestError } from "../src/manifest.js";

test("reads packages and dependencies", () => {
  const graph = parseManifest("# build\nweb: ui, api\nui:\napi: db # data\ndb:\n");
  assert.deepEqual(graph.nodes(), ["api", "db", "ui", "web"]);
  assert.deepEqual(graph.dependenciesOf("web"), ["api", "ui"]);
});

test("undeclared dependency names its line", () => {
  assert.throws(() => parseManifest("a: b\n"), (error) => error instanceof ManifestError && error.line === 1);
});
