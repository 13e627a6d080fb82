import { test } from "node:test";
import assert from "node:assert/strict";
import { Graph } from "../src/graph.js";
import { buildLayers, buildOrder, CycleError } from "../src/order.js";

const sample = () =>
  new Graph().addEdge("web", "ui").addEdge("web", "api").addEdge("api", "db").addEdge("ui", "tokens").addNode("cli").addEdge("admin", "api");

test("dependencies come first and ties are alphabetical", () => {
  assert.deepEqual(buildOrder(sample()), ["cli", "db", "api", "admin", "tokens", "ui", "web"]);
  assert.deepEqual(buildOrder(new Graph()), []);
});

test("layers group what can build in parallel", () => {
  assert.deepEqual(buildLayers(sample()), [["cli", "db", "tokens"], ["api", "ui"], ["admin", "web"]]);
  assert.deepEqual(buildLayers(new Graph().addNode("x")), [["x"]]);
});

test("a cycle is reported from its alphabetically first package", () => {
  const graph = new Graph().addEdge("web", "ui").addEdge("ui", "kit").addEdge("kit", "theme").addEdge("theme", "ui").addNode("a");
  for (const build of [buildOrder, buildLayers]) {
    assert.throws(
      () => build(graph),
      (error) => {
        assert.ok(error instanceof CycleError);
        assert.deepEqual(error.cycle, ["kit", "theme", "ui", "kit"]);
        assert.match(error.message, /kit -> theme -> ui -> kit/);
        return true;
      },
    );
  }
});
