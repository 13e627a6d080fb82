/** What must be up for Foreman to do its work. */
export type ReadinessPart = "github" | "database" | "worker";

export interface ReadinessReport {
  ready: boolean;
  /** Each part's state: `ok`, or why it is not. */
  parts: Record<ReadinessPart, string>;
}

const OK = "ok";

/**
 * Whether Foreman can work, part by part, with the reason for each part that cannot: what
 * `/readyz` answers. Start-up and shutdown set the parts; nothing here does I/O.
 */
export class Readiness {
  private readonly parts: Record<ReadinessPart, string>;

  constructor(initial: Record<ReadinessPart, string>) {
    this.parts = { ...initial };
  }

  up(part: ReadinessPart): void {
    this.parts[part] = OK;
  }

  down(part: ReadinessPart, reason: string): void {
    this.parts[part] = reason;
  }

  report(): ReadinessReport {
    return { ready: Object.values(this.parts).every((state) => state === OK), parts: { ...this.parts } };
  }
}
