/** A job log is capped like GitHub caps step output; the rest is dropped with a note. */
const MAX_LOG_CHARS = 4 * 1024 * 1024;

/** GitHub's log timestamp: ISO 8601 with seven fractional digits, `2024-01-01T00:00:00.0000000Z`. */
function logTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
}

/**
 * Collects a job's log the way GitHub Actions renders it: every line prefixed with its
 * timestamp. The raw lines are kept too, for annotation parsing.
 */
export class JobLog {
  readonly raw: string[] = [];
  private readonly lines: string[] = [];
  private size = 0;
  private truncated = false;
  private readonly now: () => Date;

  constructor(now: () => Date) {
    this.now = now;
  }

  write(line: string): void {
    if (this.truncated) return;
    const stamped = `${logTimestamp(this.now())} ${line}`;
    if (this.size + stamped.length + 1 > MAX_LOG_CHARS) {
      this.truncated = true;
      this.lines.push(`${logTimestamp(this.now())} ##[warning]The log was truncated: it exceeded ${MAX_LOG_CHARS} characters.`);
      return;
    }
    this.size += stamped.length + 1;
    this.raw.push(line);
    this.lines.push(stamped);
  }

  group(title: string, body: string[]): void {
    this.write(`##[group]${title}`);
    for (const line of body) this.write(line);
    this.write("##[endgroup]");
  }

  text(): string {
    return this.lines.length === 0 ? "" : `${this.lines.join("\n")}\n`;
  }
}
