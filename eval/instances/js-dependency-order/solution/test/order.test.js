import { test } from "node:test";
import assert from "node:assert/strict";
import { Graph } from "../src/graph.js";
import { buildLayers, buildOrder, CycleError } from "../src/order.js";

const graph = () => new Graph().addEdge("web", "ui").addEdge("web", "api").addEdge("api", "db").addNode("cli");

test("order puts dependencies first, ties alphabetical", () => {
  assert.deepEqual(buildOrder(graph()), ["cli", "db", "api", "ui", "web"]);
});

test("layers", () => {
  assert.deepEqual(buildLayers(graph()), [["cli", "db", "ui"], ["api"], ["web"]]);
});

test("cycle", () => {
  assert.throws(() => buildOrder(new Graph().addEdge("b", "a").addEdge("a", "b")), CycleError);
});
