import type { World } from "../run/world.ts";

/** Faults the sandbox actually injected in a run, by kind. */
export interface InjectedFaults {
  webhooks: Record<string, number>;
  github: Record<string, number>;
  model: Record<string, number>;
}

function tally(kinds: Array<string | null | undefined>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of kinds) if (kind && kind !== "latency") counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

export function countFaults(world: World, extraModelFaults: Array<string | null> = []): InjectedFaults {
  return {
    webhooks: tally(world.github.webhooks.deliveries().map((delivery) => delivery.fault)),
    github: tally(world.github.requestLog.all().map((entry) => entry.fault)),
    model: tally([...(world.model?.requests() ?? []).map((request) => request.fault), ...extraModelFaults]),
  };
}
