import type { ModelFault } from "../scenario/model-script.ts";

/** Decides, request by request, which scripted fault (if any) hits a chat request. */
export type FaultSchedule = {
  pick(request: { role: string | null }): ModelFault | undefined;
  add(faults: readonly ModelFault[]): void;
};

type ArmedFault = { fault: ModelFault; seen: number; fired: number; random: () => number };

const DEFAULT_SEED = 7;

/**
 * Every fault counts every request that passes its `role` filter, so `nth` means the nth such
 * request even when other faults fire first. A fault is eligible from its nth request on (default
 * the first) until it has fired `times` times (default once with nth, otherwise unlimited); with
 * `probability` each eligible request draws from the fault's own seeded PRNG. The first eligible
 * fault in declaration order fires; one that wanted the same request fires on a later one.
 */
export function createFaultSchedule(faults: readonly ModelFault[]): FaultSchedule {
  const armed: ArmedFault[] = [];
  const add = (more: readonly ModelFault[]): void => {
    for (const fault of more) {
      armed.push({ fault, seen: 0, fired: 0, random: seededRandom(fault.on?.seed ?? DEFAULT_SEED) });
    }
  };
  add(faults);
  return {
    pick(request) {
      const wanting = armed.filter((entry) => wants(entry, request.role));
      const [chosen] = wanting;
      if (!chosen) return undefined;
      chosen.fired += 1;
      return chosen.fault;
    },
    add,
  };
}

function wants(entry: ArmedFault, role: string | null): boolean {
  const on = entry.fault.on;
  if (on?.role !== undefined && on.role !== role) return false;
  entry.seen += 1;
  const limit = on?.times ?? (on?.nth !== undefined ? 1 : Number.POSITIVE_INFINITY);
  if (entry.seen < (on?.nth ?? 1) || entry.fired >= limit) return false;
  return on?.probability === undefined || entry.random() < on.probability;
}

/** mulberry32: a small seeded PRNG, so probabilistic faults replay the same way every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
