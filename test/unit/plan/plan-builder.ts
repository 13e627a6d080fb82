import type { Plan, Task } from "../../../src/plan/plan.ts";

/** A valid task with the given id; every other field can be overridden. */
export function task(id: string, overrides: Partial<Omit<Task, "id">> = {}): Task {
  return {
    id,
    title: `Task ${id}`,
    description: `Do ${id}.`,
    files: [],
    dependsOn: [],
    acceptanceCriteria: [`${id} is done`],
    risk: "low",
    ...overrides,
  };
}

export function plan(...tasks: Task[]): Plan {
  return { summary: "A plan.", tasks };
}

export function writes(...paths: string[]): Task["files"] {
  return paths.map((path) => ({ path, action: "modify" as const }));
}
