import { test } from "node:test";
import assert from "node:assert/strict";
import { Graph } from "../src/graph.js";

test("graph queries keep working", () => {
  const graph = new Graph().addEdge("app", "lib").addEdge("app", "core").addEdge("lib", "core").addNode("tools");
  assert.deepEqual(graph.nodes(), ["app", "core", "lib", "tools"]);
  assert.deepEqual(graph.dependenciesOf("app"), ["core", "lib"]);
  assert.deepEqual(graph.dependentsOf("core"), ["app", "lib"]);
  assert.equal(graph.has("tools"), true);
  assert.throws(() => graph.dependentsOf("nope"), /unknown package 'nope'/);
});
