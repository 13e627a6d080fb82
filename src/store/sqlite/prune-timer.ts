import type { Logger } from "pino";
import type { RetentionPolicy } from "./retention.ts";
import type { SqliteStore } from "./sqlite-store.ts";

/** Stops the timer. */
export type StopPruning = () => void;

/** Prunes once now, then every `intervalMs` (never when 0); a prune that fails is logged and tried again next time. */
export function startPruning(store: SqliteStore, policy: RetentionPolicy, intervalMs: number, log: Logger): StopPruning {
  const prune = (): void => {
    try {
      const report = store.prune(policy);
      if (Object.values(report).some((count) => count > 0)) log.info({ ...report, ...policy }, "pruned finished work past its retention");
    } catch (error) {
      log.warn({ err: error }, "could not prune finished work; it is tried again at the next interval");
    }
  };
  if (intervalMs <= 0) return () => undefined;
  prune();
  const timer = setInterval(prune, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
