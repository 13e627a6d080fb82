import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExploreSetup } from "@foreman/sandbox";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { PLANS } from "./plans.ts";

const TEMPLATE = fileURLToPath(new URL("../../demo/templates/stats", import.meta.url));

function readFolder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files[relative(folder, path).split(sep).join("/")] = readFileSync(path, "utf8");
    }
  };
  walk(folder);
  return files;
}

/**
 * Foreman against the stats template with a fast CI (`node --test` on a few tiny files). The
 * reconciler looks every 2 s, and scans for labelled issues every 2 s, so a lost webhook is fed in
 * within the run's 3 s quiet period.
 */
export function foremanSetup(logDir?: string): ExploreSetup {
  return {
    repository: {
      owner: "acme",
      name: "stats",
      files: readFolder(TEMPLATE),
      ci: [{ name: "test", run: "node --test --test-isolation=none", timeoutSeconds: 30 }],
    },
    plans: PLANS,
    label: "foreman",
    world: { app: foremanUnderTest, appEnv: { FOREMAN_RECONCILE_SECONDS: "2", FOREMAN_RECONCILE_SCAN_SECONDS: "2" } },
    ...(logDir ? { logDir } : {}),
  };
}
