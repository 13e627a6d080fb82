import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..", "..");
const CONFIG = join(root, ".dependency-cruiser.cjs");
const DEPCRUISE = join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruiser.mjs");

/** A small tree that breaks each import rule once. */
const FILES: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", allowImportingTsExtensions: true, noEmit: true },
  }),
  "src/worker/a.ts": 'import type { B } from "./b.ts";\nexport type A = { b: B | null };\n',
  "src/worker/b.ts": 'import type { A } from "./a.ts";\nexport type B = { a: A | null };\n',
  "src/worker/uses-sandbox.ts": 'import { world } from "../../packages/sandbox/src/index.ts";\nexport const used = world;\n',
  "src/engine/reads-files.ts": 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n',
  "src/engine/uses-store.ts": 'import { store } from "../store/store.ts";\nexport const used = store;\n',
  "src/store/store.ts": "export const store = 1;\n",
  "packages/sandbox/src/index.ts": 'import { store } from "../../../src/store/store.ts";\nexport const world = store;\n',
};

async function cruise(cwd: string): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [DEPCRUISE, "--config", CONFIG, "--output-type", "err", "src", "packages"], { cwd });
    return stdout;
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe("the import rules (npm run lint:deps)", () => {
  let dir = "";
  let report = "";

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "foreman-import-rules-"));
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    report = await cruise(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("fails on a cycle of type-only imports", () => {
    expect(report).toMatch(/no-cycle: src\/worker\/a\.ts/);
  });

  it("fails on a product import of the sandbox, and on a sandbox import of the product", () => {
    expect(report).toContain("product-imports-no-sandbox: src/worker/uses-sandbox.ts → packages/sandbox/src/index.ts");
    expect(report).toContain("sandbox-imports-no-product: packages/sandbox/src/index.ts → src/store/store.ts");
  });

  it("fails when the pure core reads files or imports the store", () => {
    expect(report).toContain("pure-core-does-no-io: src/engine/reads-files.ts → fs");
    expect(report).toContain("pure-core-imports-no-effects: src/engine/uses-store.ts → src/store/store.ts");
  });
});
