import { defineConfig } from "vitest/config";

/**
 * The suites that run the real app process against the sandbox. Their own deadlines (a scenario's
 * `timeoutSeconds`, a play's `timeoutMs`, about a minute) stay well inside this limit, so a slow
 * run fails with its own report (failures, timeline, app log) rather than with vitest's timeout.
 */
const WHOLE_APP_TIMEOUT_MS = 120_000;

const wholeApp = { testTimeout: WHOLE_APP_TIMEOUT_MS, hookTimeout: WHOLE_APP_TIMEOUT_MS };

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Every project shares these two workers (one `vitest run` plays all projects at once, slowest files first).
    maxWorkers: 2,
    restoreMocks: true,
    projects: [
      // Pure code and in-process fakes; no test patches modules, so files share workers (no new process per file).
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], isolate: false } },
      { extends: true, test: { name: "sandbox", include: ["packages/sandbox/test/**/*.test.ts"] } },
      // Adapters and other product code against the sandbox GitHub or model server over HTTP.
      { extends: true, test: { name: "integration", include: ["test/integration/**/*.test.ts"] } },
      // What `npm run build` emits, and that it runs (a whole type-check and emit: half a minute on a busy machine).
      { extends: true, test: { name: "build", include: ["test/build/**/*.test.ts"], ...wholeApp } },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], ...wholeApp } },
      { extends: true, test: { name: "reliability", include: ["test/reliability/**/*.test.ts"], ...wholeApp } },
      { extends: true, test: { name: "security", include: ["test/security/**/*.test.ts"], ...wholeApp } },
    ],
  },
});
