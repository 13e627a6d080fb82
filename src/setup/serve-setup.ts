import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Logger } from "pino";
import { EnvError, githubApiUrl, parseEnv, type StartupSettings } from "../env.ts";
import { listen } from "../server/http-server.ts";
import { Readiness } from "../server/readiness.ts";
import { healthRoute, readinessRoute } from "../server/routes.ts";
import { writeEnvValues } from "./env-file.ts";
import { SETUP_PATHS } from "./manifest.ts";
import { setupRoutes } from "./setup-routes.ts";

/** `app.yml`, beside `src/` and `dist/`. */
const APP_YML = new URL("../../app.yml", import.meta.url);

/** The problems left once `values` are set, beside the environment and the env file: the model's key, say. */
function remainingProblems(values: Record<string, string>): string[] {
  try {
    parseEnv({ ...process.env, ...values }, (path) => readFileSync(path, "utf8"));
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

export interface RunningSetup {
  url: string;
  stop(): Promise<void>;
}

/**
 * Setup mode, for a start without the App's credentials: the setup page registers the App from
 * `app.yml` through GitHub's App-manifest flow and writes its credentials to the env file.
 * `/healthz` answers; `/readyz` says Foreman is not registered yet.
 */
export async function serveSetup(settings: StartupSettings, webhookPath: string, log: Logger): Promise<RunningSetup> {
  const apiUrl = githubApiUrl(settings);
  const readiness = new Readiness({
    github: `the GitHub App is not registered yet: open ${SETUP_PATHS.page} on this server`,
    database: "not opened in setup mode",
    worker: "not started in setup mode",
  });
  const routes = setupRoutes({
    appYml: readFileSync(APP_YML, "utf8"),
    github: { host: settings.GHE_HOST ?? "github.com", protocol: settings.GHE_HOST === undefined ? "https" : settings.GHE_PROTOCOL },
    org: settings.GH_ORG ?? null,
    webhookPath,
    envFile: settings.FOREMAN_ENV_FILE,
    state: randomBytes(16).toString("hex"),
    // Probot's Octokit is loaded when GitHub sends the code, not before the page is served.
    convert: async (code) => (await import("../adapters/github/convert-manifest.ts")).convertManifestCode(code, apiUrl),
    save: (values) => writeEnvValues(settings.FOREMAN_ENV_FILE, values),
    remaining: remainingProblems,
    log,
  });
  const { server, port } = await listen({
    port: settings.PORT,
    host: settings.HOST,
    routes: [healthRoute, readinessRoute(readiness), ...routes],
    log,
  });
  const host = settings.HOST === "0.0.0.0" || settings.HOST === "::" ? "localhost" : settings.HOST;
  log.info(
    { setupUrl: `http://${host}:${port}${SETUP_PATHS.page}`, envFile: settings.FOREMAN_ENV_FILE },
    "no GitHub App credentials (APP_ID, PRIVATE_KEY, WEBHOOK_SECRET): open the setup page to register the App, or set them and restart",
  );
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
