import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The suites that run the real app process against the sandbox. Their own deadlines (a scenario's
 * `timeoutSeconds`, a play's `timeoutMs`, about a minute) stay well inside this limit, so a slow
 * run fails with its own report (failures, timeline, app log) rather than with vitest's timeout.
 */
const WHOLE_APP_TIMEOUT_MS = 120_000;

const wholeApp = { testTimeout: WHOLE_APP_TIMEOUT_MS, hookTimeout: WHOLE_APP_TIMEOUT_MS };

/** The order projects' files start in: the long whole-app runs first, the quick files last, to fill the gaps at the end. */
const START_ORDER = ["e2e", "reliability", "security", "integration", "sandbox", "build", "unit"];

/**
 * Vitest's own order within a project (failed first, then slowest first by the last run's times,
 * or largest first without them), with the projects in START_ORDER rather than by name.
 */
class LongRunsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => START_ORDER.indexOf(file.project.name);
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Every project shares these two workers (one `vitest run` plays all projects at once). The
    // suites are CPU-bound on two cores (git and app processes, request validation), so more
    // workers do not finish sooner.
    maxWorkers: 2,
    // A worker runs file after file rather than starting afresh for each: no test patches modules
    // or leaves global state, and each file no longer pays for loading the sandbox (its OpenAPI
    // index, GraphQL schema) and the product again.
    isolate: false,
    restoreMocks: true,
    sequence: { sequencer: LongRunsFirst },
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
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
