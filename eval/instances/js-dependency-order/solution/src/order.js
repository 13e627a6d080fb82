// Build order: dependencies before dependents, ties broken alphabetically.

export class CycleError extends Error {
  constructor(cycle) {
    super(`dependency cycle: ${cycle.join(" -> ")}`);
    this.name = "CycleError";
    this.cycle = cycle;
  }
}

function findCycle(graph) {
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, "open");
    stack.push(node);
    for (const dep of graph.dependenciesOf(node)) {
      if (state.get(dep) === "open") return stack.slice(stack.indexOf(dep));
      if (!state.has(dep)) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.nodes()) {
    const found = !state.has(node) && visit(node);
    if (found) {
      const start = found.indexOf([...found].sort()[0]);
      const rotated = [...found.slice(start), ...found.slice(0, start)];
      return [...rotated, rotated[0]];
    }
  }
  return undefined;
}

export function buildLayers(graph) {
  const cycle = findCycle(graph);
  if (cycle) throw new CycleError(cycle);
  const level = new Map();
  const depth = (node) => {
    if (!level.has(node)) level.set(node, Math.max(-1, ...graph.dependenciesOf(node).map(depth)) + 1);
    return level.get(node);
  };
  const layers = [];
  for (const node of graph.nodes()) (layers[depth(node)] ??= []).push(node);
  return layers;
}

export function buildOrder(graph) {
  const cycle = findCycle(graph);
  if (cycle) throw new CycleError(cycle);
  const remaining = new Map(graph.nodes().map((node) => [node, graph.dependenciesOf(node).length]));
  const order = [];
  while (remaining.size > 0) {
    const next = [...remaining].filter(([, count]) => count === 0).map(([node]) => node).sort()[0];
    remaining.delete(next);
    order.push(next);
    for (const dependent of graph.dependentsOf(next)) remaining.set(dependent, remaining.get(dependent) - 1);
  }
  return order;
}
