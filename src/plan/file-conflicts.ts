import { dependencyMap, dependsOnTransitively } from "./graph.ts";
import type { Plan, Task } from "./plan.ts";

export type SerialisedPlan = { plan: Plan; notes: string[] };

/**
 * Makes tasks that write the same file run one after the other: when neither of two
 * such tasks depends on the other, the later one (in plan order) gets a dependency on
 * the earlier one. The plan must be free of cycles. An edge is added only when neither
 * task reaches the other, so it can never close a cycle.
 */
export function serialiseFileConflicts(plan: Plan): SerialisedPlan {
  const edges = dependencyMap(plan);
  const notes: string[] = [];
  plan.tasks.forEach((later, laterIndex) => {
    // Nearest first, so that a chain a <- b <- c needs no edge from c to a.
    for (const earlier of plan.tasks.slice(0, laterIndex).reverse()) {
      const shared = sharedPaths(earlier, later);
      if (shared.length === 0) continue;
      if (dependsOnTransitively(edges, later.id, earlier.id) || dependsOnTransitively(edges, earlier.id, later.id)) continue;
      edges.get(later.id)?.push(earlier.id);
      const files = shared.map((path) => `"${path}"`).join(", ");
      notes.push(`Tasks "${earlier.id}" and "${later.id}" both write ${files}: "${later.id}" now waits for "${earlier.id}".`);
    }
  });
  if (notes.length === 0) return { plan, notes };
  const tasks = plan.tasks.map((task) => {
    const added = (edges.get(task.id) ?? []).filter((id) => !task.dependsOn.includes(id));
    return added.length === 0 ? task : { ...task, dependsOn: [...task.dependsOn, ...added] };
  });
  return { plan: { ...plan, tasks }, notes };
}

function sharedPaths(first: Pick<Task, "files">, second: Pick<Task, "files">): string[] {
  const paths = new Set(first.files.map((file) => file.path));
  return [...new Set(second.files.map((file) => file.path).filter((path) => paths.has(path)))];
}
