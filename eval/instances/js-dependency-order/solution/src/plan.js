// From manifest text to a build plan: the order, and the layers that can build in parallel.
import { parseManifest } from "./manifest.js";
import { buildLayers, buildOrder } from "./order.js";

export function planBuild(text, options = {}) {
  let graph = parseManifest(text);
  if (options.only !== undefined) {
    const unknown = options.only.filter((name) => !graph.has(name));
    if (unknown.length > 0) {
      throw new Error(`unknown package(s) in 'only': ${unknown.join(", ")}; declared: ${graph.nodes().join(", ")}`);
    }
    graph = graph.subgraph(options.only);
  }
  return { order: buildOrder(graph), layers: buildLayers(graph) };
}
