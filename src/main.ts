import { readFileSync } from "node:fs";
import type { Logger } from "pino";
import { EnvError, lacksAppCredentials, parseEnv, parseStartupEnv } from "./env.ts";
import { loadEnvFile } from "./server/env-file.ts";
import { createLogger } from "./server/logger.ts";
import { useProxyFromEnv } from "./server/proxy.ts";
import { WEBHOOK_PATH } from "./server/routes.ts";
import { StartError } from "./server/start-error.ts";
import { USAGE } from "./usage.ts";

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  process.stdout.write(USAGE);
  process.exit(0);
}

/** A problem the operator must fix, said plainly on stderr (no stack trace), then exit 1. */
function refuseToStart(error: EnvError | StartError): never {
  const text =
    error instanceof EnvError
      ? `Foreman cannot start: ${error.problems.length === 1 ? "a setting is" : `${error.problems.length} settings are`} missing or wrong.\n${error.problems.map((problem) => `  - ${problem}`).join("\n")}\nSet them in the environment or in the env file (see .env.example and docs/deployment.md).\n`
      : `Foreman cannot start: ${error.message}\n`;
  process.stderr.write(text);
  process.exit(1);
}

/** Stops on SIGTERM or SIGINT: no new work, the work in hand finished or released. */
function stopOnSignals(stop: () => Promise<void>, log: Logger): void {
  const onSignal = (signal: string): void => {
    log.info({ signal }, "stopping: no new jobs; finishing or releasing the ones in hand");
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, "could not stop cleanly");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => onSignal("SIGTERM"));
  process.once("SIGINT", () => onSignal("SIGINT"));
}

async function main(): Promise<void> {
  loadEnvFile(process.env.FOREMAN_ENV_FILE ?? ".env");
  // With the App's credentials the whole environment is read, so one message lists every problem.
  const env = lacksAppCredentials(process.env) ? null : parseEnv(process.env, (path) => readFileSync(path, "utf8"));
  const startup = env ?? parseStartupEnv(process.env);
  const log = createLogger({ level: startup.LOG_LEVEL, format: startup.LOG_FORMAT });
  useProxyFromEnv(process.env, log);
  // Each mode loads only its own modules, so the setup page answers in a moment.
  if (env === null) {
    const { serveSetup } = await import("./setup/serve-setup.ts");
    const setup = await serveSetup(startup, WEBHOOK_PATH, log);
    stopOnSignals(() => setup.stop(), log);
    return;
  }
  const { startForeman } = await import("./foreman.ts");
  const foreman = await startForeman(env, log);
  stopOnSignals(() => foreman.stop(), log);
  foreman.ready.catch((error: unknown) => {
    if (error instanceof StartError) refuseToStart(error);
    log.fatal({ err: error }, "foreman could not start its work");
    process.exit(1);
  });
}

try {
  await main();
} catch (error) {
  if (error instanceof EnvError || error instanceof StartError) refuseToStart(error);
  createLogger({ level: "fatal", format: "json" }).fatal({ err: error }, "foreman could not start");
  process.exitCode = 1;
}
