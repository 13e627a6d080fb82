import type { Plan } from "./plan.ts";

/** The plan has a dependency cycle; `cycle` lists it, first id repeated at the end. */
export class PlanCycleError extends Error {
  readonly cycle: readonly string[];

  constructor(cycle: readonly string[]) {
    super(`the plan has a dependency cycle: ${cycle.join(" -> ")}`);
    this.name = "PlanCycleError";
    this.cycle = cycle;
  }
}

type Edges = ReadonlyMap<string, readonly string[]>;

/** id → the ids it depends on, keeping only dependencies that name a task of the plan. */
export function dependencyMap(plan: Pick<Plan, "tasks">): Map<string, string[]> {
  const ids = new Set(plan.tasks.map((task) => task.id));
  return new Map(plan.tasks.map((task) => [task.id, task.dependsOn.filter((id) => ids.has(id))]));
}

/** A dependency cycle as a path `a -> b -> a` (a depends on b …), or undefined. */
export function findCycle(edges: Edges): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === "done") return undefined;
    if (state.get(id) === "open") return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, "open");
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const id of edges.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Whether `from` depends on `to`, directly or through other tasks. */
export function dependsOnTransitively(edges: Edges, from: string, to: string): boolean {
  const seen = new Set<string>();
  const pending = [...(edges.get(from) ?? [])];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    pending.push(...(edges.get(id) ?? []));
  }
  return false;
}

/**
 * Task ids so that every task comes after its dependencies; among tasks that are free
 * at the same time, plan order wins. Throws PlanCycleError when there is a cycle.
 */
export function topologicalOrder(plan: Pick<Plan, "tasks">): string[] {
  const edges = dependencyMap(plan);
  const cycle = findCycle(edges);
  if (cycle) throw new PlanCycleError(cycle);
  const placed = new Set<string>();
  const order: string[] = [];
  while (order.length < edges.size) {
    const next = [...edges].find(([id, deps]) => !placed.has(id) && deps.every((dep) => placed.has(dep)));
    if (!next) break;
    placed.add(next[0]);
    order.push(next[0]);
  }
  return order;
}

/** The tasks that depend directly on `id`, in plan order. */
export function dependents(plan: Pick<Plan, "tasks">, id: string): string[] {
  return plan.tasks.filter((task) => task.dependsOn.includes(id)).map((task) => task.id);
}

/** Every task that depends on `id`, directly or not, in plan order. */
export function transitiveDependents(plan: Pick<Plan, "tasks">, id: string): string[] {
  const edges = dependencyMap(plan);
  return plan.tasks.filter((task) => dependsOnTransitively(edges, task.id, id)).map((task) => task.id);
}
