import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { AppContext, AppUnderTest } from "../../../src/index.ts";

/** The echo app (`main.ts` beside this file) as the sandbox runs it; `contexts` collects what each run handed it. */
export function echoUnderTest(contexts: AppContext[] = []): AppUnderTest {
  return {
    entry: join(import.meta.dirname, "main.ts"),
    manifestPath: join(import.meta.dirname, "app.yml"),
    webhookPath: "/webhooks",
    env(context) {
      contexts.push(context);
      return {
        ECHO_APP_ID: String(context.appId),
        ECHO_PRIVATE_KEY: context.privateKey,
        ECHO_GITHUB_URL: context.githubUrl,
        ECHO_DATA_DIR: context.dataDir,
      };
    },
    pendingWork(dataDir) {
      try {
        return Number(readFileSync(join(dataDir, "pending"), "utf8"));
      } catch {
        return 1;
      }
    },
    async loseData(dataDir) {
      await rm(join(dataDir, "pending"), { force: true });
    },
  };
}
