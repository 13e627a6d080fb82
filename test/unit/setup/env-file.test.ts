import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withValues, writeEnvValues } from "../../../src/setup/env-file.ts";
import { APP_PRIVATE_KEY } from "../../app-private-key.ts";

describe("the env file the setup page writes", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "foreman-env-file-"));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps the file's other lines, replaces the names it sets, and reads back through Node's parser", () => {
    const before = "# model\nFOREMAN_LLM_API_KEY=sk-1\nAPP_ID=\nexport WEBHOOK_SECRET=old\n";

    const text = withValues(before, { APP_ID: "42", PRIVATE_KEY: APP_PRIVATE_KEY, WEBHOOK_SECRET: "new" });

    expect(text.split("\n").slice(0, 2)).toEqual(["# model", "FOREMAN_LLM_API_KEY=sk-1"]);
    expect(parseEnv(text)).toEqual({ FOREMAN_LLM_API_KEY: "sk-1", APP_ID: "42", PRIVATE_KEY: APP_PRIVATE_KEY, WEBHOOK_SECRET: "new" });
  });

  it("creates the file readable by its owner only, and rewrites an existing one whole", async () => {
    const path = join(dir, ".env");
    await writeEnvValues(path, { APP_ID: "1" });
    await writeFile(path, "LOG_LEVEL=debug\nAPP_ID=1\n", { mode: 0o644 });

    await writeEnvValues(path, { APP_ID: "2" });

    expect(await readFile(path, "utf8")).toBe("LOG_LEVEL=debug\nAPP_ID=2\n");
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("refuses a value it cannot write in a form the parser reads back", () => {
    expect(() => withValues("", { WEBHOOK_SECRET: 'a"b' })).toThrow(/double quote/);
  });
});
