import { readFileSync } from "node:fs";
import { pino } from "pino";
import { parseEnv } from "./env.ts";
import { startForeman } from "./foreman.ts";
import { USAGE } from "./usage.ts";

const log = pino({ level: process.env.LOG_LEVEL ?? "info" });

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  process.stdout.write(USAGE);
  process.exit(0);
}

try {
  const env = parseEnv(process.env, (path) => readFileSync(path, "utf8"));
  const foreman = await startForeman(env, log);
  const stop = (signal: string): void => {
    log.info({ signal }, "stopping: no new jobs; finishing or releasing the ones in hand");
    foreman.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "could not stop cleanly");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
} catch (error) {
  log.fatal({ err: error }, "foreman could not start");
  process.exitCode = 1;
}
