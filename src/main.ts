import { readFileSync } from "node:fs";
import { pino } from "pino";
import { parseEnv } from "./env.ts";
import { startForeman } from "./foreman.ts";

const log = pino({ level: process.env.LOG_LEVEL ?? "info" });

try {
  const env = parseEnv(process.env, (path) => readFileSync(path, "utf8"));
  const foreman = await startForeman(env, log);
  const stop = (signal: string): void => {
    log.info({ signal }, "stopping: finishing jobs in hand");
    void foreman.stop().then(() => process.exit(0));
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
} catch (error) {
  log.fatal({ err: error }, "foreman could not start");
  process.exitCode = 1;
}
