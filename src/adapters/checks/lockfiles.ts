import { createHash } from "node:crypto";
import { readdir, readFile, readlink } from "node:fs/promises";
import { join } from "node:path";

/** The files at a repository's root whose contents decide what a setup command installs. */
const LOCKFILES: readonly string[] = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "poetry.lock",
  "Pipfile.lock",
  "uv.lock",
  "Cargo.lock",
  "go.sum",
  "Gemfile.lock",
  "composer.lock",
];
/** `requirements.txt`, `requirements-dev.txt` … */
const REQUIREMENTS = /^requirements.*\.txt$/;

function isLockfile(name: string): boolean {
  return LOCKFILES.includes(name) || REQUIREMENTS.test(name);
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * The cache key of a setup's result: its command line, the lockfiles at the work tree's root (a
 * link by its target, never followed) and what else its result depends on (`host`: the Node.js
 * version, the toolchains).
 */
export async function setupKey(root: string, line: string, host: readonly string[]): Promise<string> {
  const entries = (await readdir(root, { withFileTypes: true })).filter((entry) => isLockfile(entry.name));
  const parts = [`setup\0${line}`, ...host.map((part) => `host\0${part}`)];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(root, entry.name);
    if (entry.isFile()) parts.push(`file\0${entry.name}\0${sha256(await readFile(path))}`);
    else if (entry.isSymbolicLink()) parts.push(`link\0${entry.name}\0${await readlink(path)}`);
  }
  return sha256(parts.join("\0\0"));
}
