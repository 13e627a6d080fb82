/**
 * The hidden tests: run on a clean checkout of the final default branch with the instance's
 * `hidden/` files laid over it, on the harness's side, after the run. Nothing here is ever in the
 * sandbox repository, a prompt or a tool result.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import type { FileMap, Instance } from "./instance.ts";

const run = promisify(execFile);

/** A hidden test's time limit. */
const TEST_TIMEOUT_MS = 120_000;
const OUTPUT_TAIL = 2_000;

interface TestResult {
  name: string;
  passed: boolean;
  /** The end of its output, for a test that failed. */
  output?: string;
}

export interface HiddenResults {
  failToPass: TestResult[];
  passToPass: TestResult[];
  /** Every fail-to-pass test passes and every pass-to-pass test still passes. */
  resolved: boolean;
}

export async function layFiles(dir: string, files: FileMap): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

async function runTest(dir: string, test: { name: string; run: string }): Promise<TestResult> {
  try {
    await run("sh", ["-c", test.run], { cwd: dir, timeout: TEST_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
    return { name: test.name, passed: true };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    const output = `${failure.stdout ?? ""}${failure.stderr ?? ""}` || failure.message;
    return { name: test.name, passed: false, output: output.slice(-OUTPUT_TAIL) };
  }
}

/** Runs the instance's hidden tests in `checkout` (a folder the caller owns), after laying `hidden/` over it. */
export async function runHiddenTests(instance: Instance, checkout: string): Promise<HiddenResults> {
  await layFiles(checkout, instance.hidden);
  const failToPass: TestResult[] = [];
  for (const test of instance.tests.failToPass) failToPass.push(await runTest(checkout, test));
  const passToPass: TestResult[] = [];
  for (const test of instance.tests.passToPass) passToPass.push(await runTest(checkout, test));
  const resolved = [...failToPass, ...passToPass].every((result) => result.passed);
  return { failToPass, passToPass, resolved };
}

/** A clean checkout of `branch` of the bare repository at `gitDir`, in a new temporary folder, removed by `dispose`. */
export async function cleanCheckout(gitDir: string, branch: string): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), "foreman-eval-"));
  const dir = join(parent, "repo");
  await run("git", ["clone", "--quiet", "--branch", branch, gitDir, dir]);
  await rm(join(dir, ".git"), { recursive: true, force: true });
  return { dir, dispose: () => rm(parent, { recursive: true, force: true }) };
}

/** Runs the hidden tests on `files` as a repository (the base, or the base with the reference solution): the suite's own checks. */
export async function hiddenTestsOn(instance: Instance, files: FileMap): Promise<HiddenResults> {
  const parent = await mkdtemp(join(tmpdir(), "foreman-eval-"));
  try {
    await layFiles(parent, files);
    return await runHiddenTests(instance, parent);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}
