/**
 * An evaluation instance as the suite stores it: `instance.yml` beside the repository at its base
 * commit (`base/`), the hidden tests (`hidden/`) and the reference solution (`solution/`).
 * See docs/eval.md for the format.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { parse } from "yaml";
import { z } from "zod";

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lowercase letters, digits and dashes");
const Command = z.strictObject({ name: z.string().min(1), run: z.string().min(1) });

const ReferenceTask = z.strictObject({
  id: Id,
  title: z.string().min(1),
  description: z.string().min(1),
  files: z.array(z.strictObject({ path: z.string().min(1), action: z.enum(["create", "modify"]) })).min(1),
  dependsOn: z.array(Id).default([]),
  acceptanceCriteria: z.array(z.string().min(1)).default([]),
  risk: z.enum(["low", "medium", "high"]).default("low"),
});
export type ReferenceTask = z.infer<typeof ReferenceTask>;

const InstanceSpec = z.strictObject({
  id: Id,
  language: z.string().min(1),
  title: z.string().min(1),
  problem: z.string().min(1),
  ci: z
    .array(z.strictObject({ name: z.string().min(1), run: z.string().min(1), timeoutSeconds: z.int().min(1).max(3600).default(300) }))
    .min(1),
  tests: z.strictObject({ failToPass: z.array(Command).min(1), passToPass: z.array(Command).default([]) }),
  reference: z.strictObject({ summary: z.string().min(1), tasks: z.array(ReferenceTask).min(1) }).optional(),
});
type InstanceSpec = z.infer<typeof InstanceSpec>;

/** Files by path relative to the repository root. */
export type FileMap = Record<string, string>;

export interface Instance extends InstanceSpec {
  dir: string;
  base: FileMap;
  hidden: FileMap;
  /** The reference solution's files; empty for an instance that has none (then the oracle cannot answer it). */
  solution: FileMap;
}

class InstanceError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = "InstanceError";
  }
}

/** Every file under `dir`, by its path relative to `dir` with forward slashes; an empty map when `dir` is missing. */
export async function readTree(dir: string): Promise<FileMap> {
  if (!existsSync(dir)) return {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: FileMap = {};
  for (const entry of entries.filter((item) => item.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path).split(sep).join("/")] = await readFile(path, "utf8");
  }
  return files;
}

/** Problems that make the reference unusable: a task file missing from `solution/`, a solution file no task owns, a file two tasks own. */
function referenceProblems(spec: InstanceSpec, solution: FileMap): string[] {
  if (!spec.reference) return [];
  const owner = new Map<string, string>();
  const problems: string[] = [];
  const ids = new Set(spec.reference.tasks.map((task) => task.id));
  for (const task of spec.reference.tasks) {
    for (const dependency of task.dependsOn)
      if (!ids.has(dependency)) problems.push(`task ${task.id} depends on unknown task ${dependency}`);
    for (const file of task.files) {
      if (owner.has(file.path)) problems.push(`${file.path} belongs to tasks ${owner.get(file.path)} and ${task.id}`);
      owner.set(file.path, task.id);
      if (solution[file.path] === undefined) problems.push(`task ${task.id}'s file ${file.path} is not in solution/`);
    }
  }
  for (const path of Object.keys(solution)) if (!owner.has(path)) problems.push(`solution/${path} belongs to no reference task`);
  return problems;
}

/** Reads and checks one instance folder; an `InstanceError` says what is wrong and where. */
export async function loadInstance(dir: string): Promise<Instance> {
  const file = join(dir, "instance.yml");
  if (!existsSync(file)) throw new InstanceError(dir, "no instance.yml");
  const parsed = InstanceSpec.safeParse(parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new InstanceError(file, z.prettifyError(parsed.error));
  const [base, hidden, solution] = await Promise.all(["base", "hidden", "solution"].map((name) => readTree(join(dir, name))));
  if (!base || !hidden || !solution) throw new InstanceError(dir, "could not read its folders");
  if (Object.keys(base).length === 0) throw new InstanceError(dir, "base/ holds no file: the repository at the base commit goes there");
  if (Object.keys(hidden).length === 0) throw new InstanceError(dir, "hidden/ holds no file: the hidden tests go there");
  // A hidden test may replace a test file of the base (an imported set's test patch does); never a file of the solution.
  const clash = Object.keys(hidden).find((path) => solution[path] !== undefined);
  if (clash)
    throw new InstanceError(dir, `hidden/${clash} is also in solution/: the hidden tests and the reference solution must not share a file`);
  const problems = referenceProblems(parsed.data, solution);
  if (problems.length > 0) throw new InstanceError(file, problems.join("; "));
  return { ...parsed.data, dir, base, hidden, solution };
}

/** The instances of a suite folder (each sub-folder with an `instance.yml`), by id, kept to `filter` when given. */
export async function loadSuite(suiteDir: string, filter: readonly string[] = []): Promise<Instance[]> {
  const entries = await readdir(suiteDir, { withFileTypes: true });
  const dirs = entries.filter((entry) => entry.isDirectory() && existsSync(join(suiteDir, entry.name, "instance.yml")));
  const chosen = dirs.filter((entry) => filter.length === 0 || filter.some((pattern) => matches(pattern, entry.name)));
  const instances = await Promise.all(chosen.map((entry) => loadInstance(join(suiteDir, entry.name))));
  return instances.sort((a, b) => a.id.localeCompare(b.id));
}

/** An instance filter: an id, or a prefix ending in `*` (`py-*`). */
export function matches(pattern: string, id: string): boolean {
  return pattern.endsWith("*") ? id.startsWith(pattern.slice(0, -1)) : pattern === id;
}
