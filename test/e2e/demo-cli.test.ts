import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CASE_TIMEOUT_MS } from "./run-case.ts";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");

/** The environment without a real model endpoint, so the demo uses the sandbox model. */
function sandboxEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["FOREMAN_LLM_BASE_URL", "FOREMAN_LLM_API_KEY", "OPENAI_API_KEY", "FOREMAN_DEFAULT_MODEL"]) delete env[name];
  return env;
}

describe("npm run demo -- --json", () => {
  it(
    "prints a JSON summary of the three-task demo with three merged pull requests",
    async () => {
      const { stdout } = await run(process.execPath, [join(ROOT, "demo", "cli.ts"), "--json"], {
        cwd: ROOT,
        env: sandboxEnv(),
        timeout: CASE_TIMEOUT_MS - 5_000,
        maxBuffer: 4 * 1024 * 1024,
      });

      const summary = JSON.parse(stdout) as Record<string, unknown>;
      expect(summary, stdout).toMatchObject({
        ok: true,
        merged: 3,
        pullRequests: 3,
        failures: [],
        rejectedCalls: 0,
        defaultBranchCiPasses: true,
      });
      expect(summary.tasks).toEqual(expect.arrayContaining(["mean", "median", "summary"]));
      // The agents read the repository from a clone fetched over git's smart HTTP, counted apart from API calls.
      expect(summary.gitFetches).toEqual(expect.any(Number));
      expect(summary.gitFetches).toBeGreaterThan(0);
    },
    CASE_TIMEOUT_MS,
  );
});
