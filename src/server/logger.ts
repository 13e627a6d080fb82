import { pino, type Logger } from "pino";
import { PinoPretty } from "pino-pretty";

/** Foreman's root logger: JSON lines for log collectors, or `pretty` (coloured on a terminal) for people. */
export function createLogger(options: { level: string; format: "json" | "pretty" }): Logger {
  if (options.format === "json") return pino({ level: options.level });
  return pino({ level: options.level }, PinoPretty({ colorize: process.stdout.isTTY, sync: true, ignore: "pid,hostname" }));
}
