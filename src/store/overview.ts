/** Read-only summaries of the store for metrics and the dashboard: counted in SQL, never a whole table read into memory. */

/** Workflows by phase, open or closed. */
export interface PhaseCount {
  phase: string;
  open: boolean;
  count: number;
}

/** Tasks of open workflows by status. */
export interface TaskStatusCount {
  status: string;
  count: number;
}

/** One kind of job in the queue at `now`. */
export interface QueueRow {
  kind: string;
  /** Ready and due. */
  due: number;
  /** Ready, but to run later (a backoff or a rate-limit wait). */
  scheduled: number;
  leased: number;
  /** Jobs that failed for good (all time, while the rows are kept). */
  failed: number;
  /** Ready jobs that failed before and wait for another attempt. */
  retrying: number;
  /** The earliest `run_at` of the due jobs (ms), or null. */
  oldestDueAt: number | null;
}

/** A workflow row without its state: when it last changed. */
export interface WorkflowStamp {
  id: string;
  open: boolean;
  updatedAt: number;
}

/** A job that failed for good, or failed and waits for another attempt. */
export interface JobFailure {
  id: number;
  kind: string;
  key: string;
  state: string;
  attempts: number;
  runAt: number;
  lastError: string;
}

export interface StoreOverview {
  workflowPhases(): PhaseCount[];
  /** Workflows whose usage reached their token or cost budget, open or closed. */
  budgetExhausted(): { open: boolean; count: number }[];
  openTaskStatuses(): TaskStatusCount[];
  queue(now: number): QueueRow[];
  /** Open workflows, and the `limit` most recently changed closed ones, newest first. */
  recentWorkflows(limit: number): WorkflowStamp[];
  openWorkflowStamps(): WorkflowStamp[];
  /** The newest `limit` jobs with an error that failed or are retrying, newest first. */
  recentFailures(limit: number): JobFailure[];
}
