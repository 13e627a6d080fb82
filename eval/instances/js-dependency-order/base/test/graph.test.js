import { test } from "node:test";
import assert from "node:assert/strict";
import { Graph } from "../src/graph.js";

test("edges and queries", () => {
  const graph = new Graph().addEdge("web", "ui").addEdge("web", "api").addEdge("api", "db");
  assert.deepEqual(graph.nodes(), ["api", "db", "ui", "web"]);
  assert.deepEqual(graph.dependenciesOf("web"), ["api", "ui"]);
  assert.deepEqual(graph.dependentsOf("db"), ["api"]);
});

test("bad names and unknown packages", () => {
  assert.throws(() => new Graph().addNode(""), TypeError);
  assert.throws(() => new Graph().dependenciesOf("x"), /unknown package 'x'/);
});
