import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { hiddenTestsOn } from "../../../eval/harness/hidden-tests.ts";
import { loadInstance } from "../../../eval/harness/instance.ts";
import { importSweBench, ImportError, suiteId } from "../../../eval/harness/swebench.ts";

const git = promisify(execFile);
const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A repository with one commit: a function with a bug and a test of what works. */
async function repository(root: string): Promise<string> {
  const checkout = join(root, "repos", "acme__calc");
  await mkdir(join(checkout, "calc"), { recursive: true });
  await writeFile(join(checkout, "calc", "__init__.py"), "");
  await writeFile(join(checkout, "calc", "ops.py"), "def halve(n):\n    return n // 2\n");
  await writeFile(
    join(checkout, "test_ops.py"),
    "import unittest\nfrom calc.ops import halve\n\nclass T(unittest.TestCase):\n    def test_even(self):\n        self.assertEqual(halve(4), 2)\n",
  );
  for (const args of [
    ["init", "-q"],
    ["add", "."],
    ["-c", "user.name=a", "-c", "user.email=a@example.com", "commit", "-qm", "base"],
  ])
    await git("git", args, { cwd: checkout });
  return (await git("git", ["rev-parse", "HEAD"], { cwd: checkout })).stdout.trim();
}

const TEST_PATCH = `diff --git a/test_ops.py b/test_ops.py
--- a/test_ops.py
+++ b/test_ops.py
@@ -4,3 +4,6 @@ from calc.ops import halve
 class T(unittest.TestCase):
     def test_even(self):
         self.assertEqual(halve(4), 2)
+
+    def test_odd(self):
+        self.assertEqual(halve(3), 1.5)
`;

const PATCH = `diff --git a/calc/ops.py b/calc/ops.py
--- a/calc/ops.py
+++ b/calc/ops.py
@@ -1,2 +1,2 @@
 def halve(n):
-    return n // 2
+    return n / 2
`;

describe("the SWE-bench importer", () => {
  it("turns an instance into a suite folder whose hidden tests fail on the base and pass with the reference patch", async () => {
    const root = await mkdtemp(join(tmpdir(), "eval-import-"));
    dirs.push(root);
    const base = await repository(root);
    const instance = {
      instance_id: "acme__calc-7",
      repo: "acme/calc",
      base_commit: base,
      problem_statement: "halve() rounds odd numbers down\n\nhalve(3) gives 1; it should give 1.5.",
      FAIL_TO_PASS: JSON.stringify(["test_ops.T.test_odd"]),
      PASS_TO_PASS: JSON.stringify(["test_ops.T.test_even"]),
      test_patch: TEST_PATCH,
      patch: PATCH,
    };
    await writeFile(join(root, "instances.json"), JSON.stringify([instance]));
    const ids = await importSweBench({
      file: join(root, "instances.json"),
      repos: join(root, "repos"),
      into: join(root, "suite"),
      testCommand: "python3 -m unittest {test}",
    });
    expect(ids).toEqual(["acme-calc-7"]);

    const imported = await loadInstance(join(root, "suite", "acme-calc-7"));
    expect(imported.title).toBe("halve() rounds odd numbers down");
    expect(imported.base["calc/ops.py"]).toContain("n // 2");
    expect(Object.keys(imported.hidden)).toEqual(["test_ops.py"]);
    expect(imported.tests.failToPass).toEqual([{ name: "test_ops.T.test_odd", run: "python3 -m unittest test_ops.T.test_odd" }]);
    expect(imported.reference?.tasks[0]?.files).toEqual([{ path: "calc/ops.py", action: "modify" }]);

    const onBase = await hiddenTestsOn(imported, imported.base);
    expect(onBase.failToPass.map((test) => test.passed)).toEqual([false]);
    expect(onBase.passToPass.map((test) => test.passed)).toEqual([true]);
    const solved = await hiddenTestsOn(imported, { ...imported.base, ...imported.solution });
    expect(solved.resolved).toBe(true);
    expect(await readFile(join(root, "suite", "acme-calc-7", "instance.yml"), "utf8")).toContain("language: imported");
  });

  it("names what is missing: the repository's checkout, or a field", async () => {
    const root = await mkdtemp(join(tmpdir(), "eval-import-"));
    dirs.push(root);
    const instance = {
      instance_id: "x",
      repo: "acme/none",
      base_commit: "abcdef1",
      problem_statement: "p",
      FAIL_TO_PASS: "[]",
      test_patch: "d",
    };
    await writeFile(join(root, "one.jsonl"), `${JSON.stringify(instance)}\n`);
    await expect(importSweBench({ file: join(root, "one.jsonl"), repos: root, into: join(root, "suite") })).rejects.toThrow(
      /acme\/none: no checkout of it/,
    );
    await writeFile(join(root, "bad.json"), JSON.stringify([{ ...instance, base_commit: undefined }]));
    await expect(importSweBench({ file: join(root, "bad.json"), repos: root, into: join(root, "suite") })).rejects.toThrow(ImportError);
    expect(suiteId("django__django-11099")).toBe("django-django-11099");
  });
});
