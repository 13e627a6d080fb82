/**
 * A generated repository of a given number of files, shaped like a small product's: a README, a
 * manifest, docs, and `src/<area>/<module>/<name>.js` each with its test under `test/`. The change
 * an issue asks for lives in `src/shop/money/parse-price.js`, which the issue never names: only its
 * caller, `src/shop/checkout/total.js`, and that caller's test show what it must return. The
 * `shop` area sorts after every generated one, so past 400 paths it is beyond today's tree cut.
 */

export const CONFIG_PATH = ".github/foreman.yml";

/** The files of the story, and the text the coder's fix replaces. */
export const STORY = {
  caller: "src/shop/checkout/total.js",
  callerTest: "test/shop/checkout/total.test.js",
  target: "src/shop/money/parse-price.js",
  targetTest: "test/shop/money/parse-price.test.js",
  /** The caller's function, as the engineer and planner search for it. */
  callerFunction: "checkoutTotal",
  targetFunction: "parsePrice",
  /** The line of the target the fix changes, and what it becomes. */
  bug: "  return Math.round(Number(text) * 100);",
  fix: '  return Math.round(Number(text.replaceAll(",", "")) * 100);',
  /** What the caller's test expects: only a read of that test shows it. */
  expectedTotal: "129950",
  /** The checks the repository runs on a pull request: the shop's tests. */
  ci: "node --test 'test/shop/**/*.test.js'",
} as const;

const STORY_FILES: Readonly<Record<string, string>> = {
  [STORY.caller]: [
    `import { parsePrice } from "../money/parse-price.js";`,
    "",
    `/** The cart's total in cents; prices are written as on the shelf, e.g. "1,299.00". */`,
    `export function checkoutTotal(prices) {`,
    `  return prices.reduce((sum, text) => sum + parsePrice(text), 0);`,
    `}`,
    "",
  ].join("\n"),
  [STORY.callerTest]: [
    `import assert from "node:assert/strict";`,
    `import { test } from "node:test";`,
    `import { checkoutTotal } from "../../../src/shop/checkout/total.js";`,
    "",
    `test("adds up a cart in cents", () => {`,
    `  assert.equal(checkoutTotal(["1,299.00", "0.50"]), ${STORY.expectedTotal});`,
    `});`,
    "",
  ].join("\n"),
  [STORY.target]: [
    `/** A price as written on the shelf ("12.50"), in cents. */`,
    `export function parsePrice(text) {`,
    STORY.bug,
    `}`,
    "",
  ].join("\n"),
  [STORY.targetTest]: [
    `import assert from "node:assert/strict";`,
    `import { test } from "node:test";`,
    `import { parsePrice } from "../../../src/shop/money/parse-price.js";`,
    "",
    `test("reads a price in cents", () => {`,
    `  assert.equal(parsePrice("12.50"), 1250);`,
    `});`,
    "",
  ].join("\n"),
};

/** Areas of the product, all sorting before `shop`. */
const AREAS: readonly string[] = (
  "accounts analytics audit auth backups billing calendar catalog comments compliance contracts " +
  "dashboards delivery devices discounts exports feedback files forecasts geo imports inventory " +
  "invoices jobs ledger locales loyalty mail media metrics notifications onboarding orders partners " +
  "payroll permissions projects queues ratings reports returns reviews scheduling search sessions " +
  "settings"
).split(" ");

const MODULES: readonly string[] = (
  "api cache cli config core db events format hooks import jobs limits model parse policy query render " +
  "rules schema serve store sync types ui util"
).split(" ");

const NAMES = ["build", "check", "clean", "count", "create", "find", "group", "list", "load", "merge", "read", "sort", "split", "write"];

/** Source files per module; each has a test beside it under `test/`. */
const FILES_PER_MODULE = 5;

function camel(...words: string[]): string {
  return words
    .join("-")
    .split(/[-_]/)
    .map((word, index) => (index === 0 ? word : `${word.charAt(0).toUpperCase()}${word.slice(1)}`))
    .join("");
}

function sourceFile(area: string, module: string, name: string): string {
  const fn = camel(area, module, name);
  return [
    `/** ${name} for ${area}'s ${module}. */`,
    `export function ${fn}(input) {`,
    `  return { kind: "${area}.${module}.${name}", input };`,
    `}`,
    "",
  ].join("\n");
}

function testFile(area: string, module: string, name: string): string {
  const fn = camel(area, module, name);
  return [
    `import assert from "node:assert/strict";`,
    `import { test } from "node:test";`,
    `import { ${fn} } from "../../../src/${area}/${module}/${name}.js";`,
    "",
    `test("${fn} tags its input", () => {`,
    `  assert.equal(${fn}(1).kind, "${area}.${module}.${name}");`,
    `});`,
    "",
  ].join("\n");
}

/** The module's five file names: a window of NAMES that moves from module to module. */
function moduleNames(index: number): string[] {
  return Array.from({ length: FILES_PER_MODULE }, (_, offset) => NAMES[(index * 3 + offset) % NAMES.length] ?? "misc");
}

/** Every (area, module) in the order they are filled: modules of the first area, then the next … */
function* modules(): Generator<{ area: string; module: string; index: number }> {
  let index = 0;
  for (let round = 0; ; round += 1) {
    for (const area of AREAS) {
      const name = round === 0 ? area : `${area}-${round + 1}`;
      for (const module of MODULES) yield { area: name, module, index: index++ };
    }
  }
}

function fixedFiles(size: number, config: string): Record<string, string> {
  return {
    [CONFIG_PATH]: config,
    ".gitignore": "node_modules/\n",
    "README.md": `# shop\n\nThe shop's code: ${size} files. \`src/<area>/<module>/\` holds the code, \`test/\` mirrors it.\n`,
    "package.json": `${JSON.stringify({ name: "shop", private: true, type: "module", scripts: { test: "node --test" } }, null, 2)}\n`,
    "docs/architecture.md": "# Architecture\n\nEach area is a folder of modules; each module exports plain functions.\n",
    ...STORY_FILES,
  };
}

/**
 * Exactly `size` files (at least 10): the fixed ones (config, README, manifest, docs, the story's
 * four), then pairs of a source file and its test, module after module; an odd count ends with one
 * more doc. The same size always gives the same files.
 */
export function generateRepository(size: number, config: string): Record<string, string> {
  const files = fixedFiles(size, config);
  const fixed = Object.keys(files).length;
  if (!Number.isInteger(size) || size < fixed + 1) throw new Error(`a repository has at least ${fixed + 1} files, not ${size}`);
  let left = size - fixed;
  if (left % 2 === 1) {
    files["docs/contributing.md"] = "# Contributing\n\nEvery source file has a test beside it under `test/`.\n";
    left -= 1;
  }
  for (const { area, module, index } of modules()) {
    for (const name of moduleNames(index)) {
      if (left === 0) return files;
      files[`src/${area}/${module}/${name}.js`] = sourceFile(area, module, name);
      files[`test/${area}/${module}/${name}.test.js`] = testFile(area, module, name);
      left -= 2;
    }
  }
  return files;
}
