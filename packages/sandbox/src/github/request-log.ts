import { appendFileSync } from "node:fs";

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  durationMs: number;
  actor: string | null;
  write: boolean;
  /** The request's body (parsed JSON, or the text); absent when the request sent none. */
  body?: unknown;
  problems?: string[];
  fault?: string;
}

/** In-process log of every API call, optionally mirrored to a JSON-lines file. */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];

  private readonly file: string | null;
  constructor(file: string | null = process.env.FOREMAN_SANDBOX_REQUEST_LOG ?? null) {
    this.file = file;
  }

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.file) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  all(): readonly RequestLogEntry[] {
    return this.entries;
  }

  writes(): RequestLogEntry[] {
    return this.entries.filter((entry) => entry.write);
  }

  /** Calls the sandbox refused because GitHub would have refused them (schema, unknown route). */
  rejected(): RequestLogEntry[] {
    return this.entries.filter((entry) => (entry.problems?.length ?? 0) > 0);
  }

  count(filter: Partial<Pick<RequestLogEntry, "method" | "operationId" | "actor">> = {}): number {
    return this.entries.filter(
      (entry) =>
        (filter.method === undefined || entry.method === filter.method) &&
        (filter.operationId === undefined || entry.operationId === filter.operationId) &&
        (filter.actor === undefined || entry.actor === filter.actor),
    ).length;
  }
}
