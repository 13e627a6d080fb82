import { execFileSync } from "node:child_process";

/** Folders the sandbox shows anyway: a toolchain installed under them needs no binding of its own. */
const SYSTEM_PREFIXES = ["/usr/", "/bin/", "/lib/", "/sbin/"];

/** The installation folder of the host's `python3` (pyenv, a virtualenv's base), or null when it is a system one or missing. */
function pythonPrefix(): string | null {
  try {
    const prefix = execFileSync("python3", ["-c", "import sys; print(sys.base_prefix)"], { encoding: "utf8", timeout: 10_000 }).trim();
    return prefix === "" || SYSTEM_PREFIXES.some((system) => `${prefix}/`.startsWith(system)) ? null : prefix;
  } catch {
    return null;
  }
}

let found: string | undefined;

/**
 * `FOREMAN_CHECKS_TOOLCHAINS` for runs against the sandbox: the toolchains the sandbox's CI uses
 * from the host's PATH (Node.js is bound by Foreman itself), so that the repository's checks find
 * the same ones in Foreman's sandbox.
 */
export function hostToolchains(): string {
  found ??= [pythonPrefix()].filter((prefix) => prefix !== null).join(":");
  return found;
}
