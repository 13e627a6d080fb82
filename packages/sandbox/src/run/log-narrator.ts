import { closeSync, openSync, readSync } from "node:fs";

/** Reads an app's JSON log as it grows and turns the lines worth showing into timeline lines. */
export class LogNarrator {
  private readonly file: string;
  private readonly narrate: (entry: Record<string, unknown>) => string | null;
  private offset = 0;
  private pending = "";

  constructor(file: string, narrate: (entry: Record<string, unknown>) => string | null) {
    this.file = file;
    this.narrate = narrate;
  }

  /** The timeline lines of every complete log line written since the last call. */
  read(): string[] {
    const chunk = this.readNew();
    if (chunk === "") return [];
    const lines = (this.pending + chunk).split("\n");
    this.pending = lines.pop() ?? "";
    return lines.flatMap((line) => {
      const entry = parseEntry(line);
      const told = entry === null ? null : this.narrate(entry);
      return told === null ? [] : [told];
    });
  }

  private readNew(): string {
    let fd: number;
    try {
      fd = openSync(this.file, "r");
    } catch {
      return "";
    }
    try {
      const parts: Buffer[] = [];
      const buffer = Buffer.alloc(64 * 1024);
      for (;;) {
        const read = readSync(fd, buffer, 0, buffer.length, this.offset);
        if (read === 0) break;
        parts.push(Buffer.from(buffer.subarray(0, read)));
        this.offset += read;
      }
      return Buffer.concat(parts).toString("utf8");
    } finally {
      closeSync(fd);
    }
  }
}

function parseEntry(line: string): Record<string, unknown> | null {
  if (!line.startsWith("{")) return null;
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
