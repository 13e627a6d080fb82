import type { Logger } from "pino";
import type { Store } from "../store/store.ts";
import type { GitHubReads } from "../ports/github.ts";

export interface ReconcileDeps {
  store: Store;
  /** The reconciler only reads GitHub; what it finds is fed to the worker as jobs. */
  github: GitHubReads;
  log: Logger;
  now: () => number;
  /** The app's own account (`<slug>[bot]`), whose comments are never commands. */
  botLogin: string;
  /** Wakes the worker after jobs were queued. */
  notify: () => void;
}

/** What one pass found and fed in. */
export interface ReconcileReport {
  workflows: number;
  busy: number;
  events: number;
  comments: number;
  closed: number;
  rebuilt: number;
  started: number;
  errors: number;
}

export const EMPTY_REPORT: ReconcileReport = {
  workflows: 0,
  busy: 0,
  events: 0,
  comments: 0,
  closed: 0,
  rebuilt: 0,
  started: 0,
  errors: 0,
};

export function addReports(a: ReconcileReport, b: Partial<ReconcileReport>): ReconcileReport {
  const sum = { ...a };
  for (const key of Object.keys(sum) as Array<keyof ReconcileReport>) sum[key] += b[key] ?? 0;
  return sum;
}
