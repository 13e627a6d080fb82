import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USAGE } from "../../src/usage.ts";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** The product source a build output comes from: `agents/coder.js` (or its map) from `src/agents/coder.ts`. */
const sourceOf = (output: string): string => join(ROOT, "src", output.replace(/\.js(\.map)?$/, ".ts"));

/**
 * `npm run build` (`tsc -p tsconfig.build.json`) into a folder laid out like the repository (the
 * output in `dist/` beside `package.json`, `node_modules` and `prompts/`), without touching `dist/`.
 */
describe("the production build", () => {
  let home: string;
  let out: string;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), "foreman-build-"));
    out = join(home, "dist");
    for (const name of ["package.json", "node_modules", "prompts"]) await symlink(join(ROOT, name), join(home, name));
    await run(process.execPath, [TSC, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", out], { cwd: ROOT });
  });

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it("emits the product only: one script (and its map) per file in src/, nothing from packages/, demo/, test/ or bench/", async () => {
    const emitted = await filesUnder(out);

    expect(emitted).toContain("main.js");
    expect(emitted.filter((file) => /^(packages|demo|test|bench|src)\//.test(file))).toEqual([]);
    expect(emitted.filter((file) => !/\.js(\.map)?$/.test(file) || !existsSync(sourceOf(file)))).toEqual([]);
  });

  it("runs: `node dist/main.js --help` prints the usage and exits 0", async () => {
    const { stdout } = await run(process.execPath, [join(out, "main.js"), "--help"], { cwd: home, env: { PATH: process.env.PATH ?? "" } });

    expect(stdout).toBe(USAGE);
  });
});
