import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadInstance, loadSuite, matches } from "../../../eval/harness/instance.ts";

const FIXTURE = new URL("../../e2e/fixtures/eval-suite/js-word-stats/", import.meta.url).pathname;
const dirs: string[] = [];

async function copyOfFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "eval-instance-"));
  dirs.push(dir);
  await cp(FIXTURE, join(dir, "js-word-stats"), { recursive: true });
  return join(dir, "js-word-stats");
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("an eval instance", () => {
  it("reads the repository, the hidden tests and the reference solution by path", async () => {
    const instance = await loadInstance(FIXTURE);
    expect(instance.id).toBe("js-word-stats");
    expect(Object.keys(instance.base).sort()).toEqual(["package.json", "src/words.js", "test/words.test.js"]);
    expect(Object.keys(instance.hidden)).toContain("hidden-tests/count.test.js");
    expect(instance.reference?.tasks.map((task) => task.id)).toEqual(["count", "top"]);
    expect(instance.solution["src/top.js"]).toContain("topWords");
  });

  it("names a reference task's file that the solution lacks", async () => {
    const dir = await copyOfFixture();
    await rm(join(dir, "solution/src/top.js"));
    await expect(loadInstance(dir)).rejects.toThrow("task top's file src/top.js is not in solution/");
  });

  it("names a solution file no task owns, and a hidden test that is also a solution file", async () => {
    const dir = await copyOfFixture();
    await writeFile(join(dir, "solution/src/extra.js"), "export {};\n");
    await expect(loadInstance(dir)).rejects.toThrow("solution/src/extra.js belongs to no reference task");
    await rm(join(dir, "solution/src/extra.js"));
    await mkdir(join(dir, "hidden/src"));
    await writeFile(join(dir, "hidden/src/top.js"), "export {};\n");
    await expect(loadInstance(dir)).rejects.toThrow("hidden/src/top.js is also in solution/");
  });

  it("says where instance.yml is wrong", async () => {
    const dir = await copyOfFixture();
    await writeFile(join(dir, "instance.yml"), "id: Not An Id\nlanguage: js\n");
    await expect(loadInstance(dir)).rejects.toThrow(/instance\.yml: [\s\S]*id/);
  });

  it("keeps a suite to the instances a filter names", async () => {
    const suite = join(FIXTURE, "..");
    expect((await loadSuite(suite, ["js-*"])).map((instance) => instance.id)).toEqual(["js-word-stats"]);
    expect(await loadSuite(suite, ["py-*"])).toEqual([]);
    expect(matches("js-word-stats", "js-word-stats")).toBe(true);
    expect(matches("js-word", "js-word-stats")).toBe(false);
  });
});
