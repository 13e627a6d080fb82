import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AppContext, AppUnderTest } from "@foreman/sandbox";
import { WEBHOOK_PATH } from "../src/foreman.ts";
import { hostToolchains } from "./host-toolchains.ts";
import { pendingJobsIn } from "../src/store/sqlite/pending-work.ts";

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Foreman's database inside the run's data folder. */
export const databaseOf = (dataDir: string): string => join(dataDir, "foreman.db");

function env(context: AppContext): Record<string, string> {
  return {
    APP_ID: String(context.appId),
    PRIVATE_KEY: context.privateKey,
    WEBHOOK_SECRET: context.webhookSecret,
    FOREMAN_GITHUB_API_URL: context.githubUrl,
    FOREMAN_DB_PATH: databaseOf(context.dataDir),
    FOREMAN_LLM_BASE_URL: context.modelUrl,
    FOREMAN_LLM_API_KEY: context.modelApiKey,
    FOREMAN_GITHUB_THROTTLE: "off",
    // Short intervals, so a dropped webhook or a crash costs the sandbox seconds, not minutes.
    FOREMAN_RECONCILE_SECONDS: "2",
    FOREMAN_RECONCILE_SCAN_SECONDS: "5",
    FOREMAN_LEASE_SECONDS: "3",
    LOG_LEVEL: context.logLevel,
    LOG_FORMAT: "json",
    // No env file: a developer's `.env` in the checkout must not reach the app under test.
    FOREMAN_ENV_FILE: join(context.dataDir, "no.env"),
    FOREMAN_CHECKS_TOOLCHAINS: hostToolchains(),
    ...(context.model ? { FOREMAN_DEFAULT_MODEL: context.model } : {}),
  };
}

const text = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/** The timeline's lines for what Foreman does out of the sandbox's sight: the repository's checks run on its host. */
function narrateLog(entry: Record<string, unknown>): string | null {
  const exit = entry.exitCode === null || entry.exitCode === undefined ? "" : ` (exit code ${text(entry.exitCode)})`;
  if (entry.msg === "local check ran") return `${text(entry.role)} ran \`${text(entry.check)}\` locally: ${text(entry.outcome)}${exit}`;
  if (entry.msg === "local checks setup ran")
    return `${text(entry.role)}'s working copy set up: ${entry.cached === true ? "reused" : text(entry.end)}${exit}`;
  return null;
}

/** Foreman as the sandbox runs it: `src/main.ts` with `app.yml`, idle when its job table is empty. */
export const foremanUnderTest: AppUnderTest = {
  entry: root("src/main.ts"),
  manifestPath: root("app.yml"),
  webhookPath: WEBHOOK_PATH,
  env,
  pendingWork: (dataDir) => pendingJobsIn(databaseOf(dataDir)),
  narrate: narrateLog,
  async loseData(dataDir) {
    for (const suffix of ["", "-wal", "-shm"]) await rm(`${databaseOf(dataDir)}${suffix}`, { force: true });
  },
};
