/**
 * The importer for SWE-bench-format instances (`instance_id`, `repo`, `base_commit`,
 * `problem_statement`, `FAIL_TO_PASS`, `PASS_TO_PASS`, `test_patch`, and the reference `patch`
 * when the set has it), as SWE-bench, SWE-bench Lite/Verified and SWE-PolyBench publish them.
 * The repositories come from local checkouts; each instance becomes a suite folder.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { quote } from "shell-quote";
import { stringify } from "yaml";
import { z } from "zod";
import { layFiles } from "./hidden-tests.ts";
import { readTree, type FileMap } from "./instance.ts";

const exec = promisify(execFile);

/** A list of test names, as a JSON array or a string holding one (SWE-bench stores them as strings). */
const TestList = z.union([
  z.array(z.string()),
  z.string().transform((text, context) => {
    try {
      return z.array(z.string()).parse(JSON.parse(text));
    } catch {
      context.addIssue({ code: "custom", message: "expected a JSON list of test names" });
      return z.NEVER;
    }
  }),
]);

const SweBenchInstance = z.object({
  instance_id: z.string().min(1),
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, "owner/name"),
  base_commit: z.string().regex(/^[0-9a-f]{7,40}$/, "a commit id"),
  problem_statement: z.string().min(1),
  FAIL_TO_PASS: TestList,
  PASS_TO_PASS: TestList.default([]),
  test_patch: z.string().min(1),
  patch: z.string().optional(),
});
type SweBenchInstance = z.infer<typeof SweBenchInstance>;

export class ImportError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = "ImportError";
  }
}

/** The default test command, SWE-bench's for Python repositories; `{test}` is replaced by the quoted test name. */
const DEFAULT_TEST_COMMAND = "python -m pytest -q {test}";

/** Reads a JSON array or JSON lines of instances. */
async function readInstances(file: string): Promise<SweBenchInstance[]> {
  const text = (await readFile(file, "utf8")).trim();
  const items: unknown[] = text.startsWith("[")
    ? (JSON.parse(text) as unknown[])
    : text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as unknown);
  return items.map((item, index) => {
    const parsed = SweBenchInstance.safeParse(item);
    if (!parsed.success) throw new ImportError(`${file}, instance ${index + 1}`, z.prettifyError(parsed.error));
    return parsed.data;
  });
}

/** The suite id of an instance: `django__django-11099` → `django-django-11099`. */
export function suiteId(instanceId: string): string {
  return instanceId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function checkoutOf(repos: string, repo: string): string {
  const [owner = "", name = ""] = repo.split("/");
  const candidates = [join(repos, `${owner}__${name}`), join(repos, owner, name), join(repos, name)];
  const found = candidates.find((path) => existsSync(join(path, ".git")) || existsSync(join(path, "HEAD")));
  if (!found) throw new ImportError(repo, `no checkout of it under ${repos} (looked for ${candidates.join(", ")})`);
  return found;
}

/** The files of `commit` in the repository at `checkout`. */
async function filesAt(checkout: string, commit: string, into: string): Promise<FileMap> {
  await mkdir(into, { recursive: true });
  const archive = join(into, "..", "base.tar");
  await exec("git", ["-C", checkout, "archive", "--format=tar", "-o", archive, commit]).catch((error: Error) => {
    throw new ImportError(checkout, `git archive ${commit} failed: ${error.message}`);
  });
  await exec("tar", ["-xf", archive, "-C", into]);
  await rm(archive);
  return readTree(into);
}

/** The files a diff touches, at their content after it applies to `base`. */
async function patched(base: FileMap, diff: string, what: string): Promise<FileMap> {
  const dir = await mkdtemp(join(tmpdir(), "foreman-import-"));
  try {
    await layFiles(dir, base);
    await writeFile(join(dir, "change.diff"), diff.endsWith("\n") ? diff : `${diff}\n`);
    await exec("git", ["apply", "--whitespace=nowarn", "change.diff"], { cwd: dir }).catch((error: Error) => {
      throw new ImportError(what, `does not apply to the base commit: ${error.message}`);
    });
    const touched = (await exec("git", ["apply", "--numstat", "change.diff"], { cwd: dir })).stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("\t")[2] ?? "");
    const files: FileMap = {};
    for (const path of touched) if (existsSync(join(dir, path))) files[path] = await readFile(join(dir, path), "utf8");
    return files;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function title(problem: string, fallback: string): string {
  const first =
    problem
      .split("\n")
      .map((line) => line.replace(/^#+\s*/, "").trim())
      .find(Boolean) ?? fallback;
  return first.length > 100 ? `${first.slice(0, 97)}...` : first;
}

const command = (template: string, test: string): string => template.replaceAll("{test}", quote([test]));

/** The suite's `instance.yml` for an imported instance (its folders are written beside it). */
function instanceYaml(instance: SweBenchInstance, id: string, testCommand: string, solution: FileMap, base: FileMap): string {
  const tests = (names: string[]): { name: string; run: string }[] => names.map((name) => ({ name, run: command(testCommand, name) }));
  const passing = instance.PASS_TO_PASS.length > 0 ? instance.PASS_TO_PASS.map((name) => quote([name])).join(" ") : null;
  const reference =
    Object.keys(solution).length === 0
      ? undefined
      : {
          summary: "The reference patch of the imported instance, as one task.",
          tasks: [
            {
              id: "reference",
              title: title(instance.problem_statement, instance.instance_id),
              description: "Apply the reference change.",
              files: Object.keys(solution).map((path) => ({ path, action: base[path] === undefined ? "create" : "modify" })),
            },
          ],
        };
  return stringify({
    id,
    language: "imported",
    title: title(instance.problem_statement, instance.instance_id),
    problem: instance.problem_statement,
    ci: [{ name: "test", run: passing ? testCommand.replaceAll("{test}", passing) : "true", timeoutSeconds: 1800 }],
    tests: { failToPass: tests(instance.FAIL_TO_PASS), passToPass: tests(instance.PASS_TO_PASS) },
    ...(reference ? { reference } : {}),
  });
}

export interface ImportOptions {
  file: string;
  repos: string;
  into: string;
  testCommand?: string | undefined;
}

/** Converts each instance of `file` into a folder of `into`; answers the ids written. */
export async function importSweBench(options: ImportOptions): Promise<string[]> {
  const testCommand = options.testCommand ?? DEFAULT_TEST_COMMAND;
  if (!testCommand.includes("{test}")) throw new ImportError("--test-command", "must hold {test}, where each test's name goes");
  const ids: string[] = [];
  for (const instance of await readInstances(options.file)) {
    const id = suiteId(instance.instance_id);
    const dir = join(options.into, id);
    if (existsSync(dir)) throw new ImportError(dir, "already exists; remove it or import into another folder");
    const base = await filesAt(checkoutOf(options.repos, instance.repo), instance.base_commit, join(dir, "base"));
    const hidden = await patched(base, instance.test_patch, `${instance.instance_id}'s test_patch`);
    const solution = instance.patch ? await patched(base, instance.patch, `${instance.instance_id}'s patch`) : {};
    await layFiles(join(dir, "hidden"), hidden);
    await layFiles(join(dir, "solution"), solution);
    await writeFile(join(dir, "instance.yml"), instanceYaml(instance, id, testCommand, solution, base));
    ids.push(id);
  }
  return ids;
}
