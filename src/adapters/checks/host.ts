import { constants } from "node:fs";
import { access, lstat, readlink, stat } from "node:fs/promises";
import { delimiter, dirname, isAbsolute, join } from "node:path";
import type { HostRoot } from "./sandbox-argv.ts";

/** The host's folders beside /usr that programs expect (links to /usr on merged-/usr systems). */
const ROOT_FOLDERS = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];
/** PATH's system part, inside the sandbox and out. */
const SYSTEM_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/** What the host offers local checks, found once at start. */
export interface Host {
  /** Foreman runs as root: commands run as an unprivileged uid. */
  root: boolean;
  tools: { prlimit: string | null; bwrap: string | null; setpriv: string | null };
  systemRoots: HostRoot[];
  /** Node.js's installation (the one running Foreman) and the toolchains: bound read-only. */
  readOnly: string[];
  /** PATH of a command: Node.js's and the toolchains' `bin` folders, then the system's. */
  path: string[];
}

/** An executable file named `name` in the folders of `searchPath`, or null. */
async function findProgram(name: string, searchPath: string): Promise<string | null> {
  for (const folder of searchPath.split(delimiter)) {
    if (!isAbsolute(folder)) continue;
    const candidate = join(folder, name);
    const info = await stat(candidate).catch(() => null);
    if (
      info?.isFile() &&
      (await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      ))
    )
      return candidate;
  }
  return null;
}

async function systemRoots(): Promise<HostRoot[]> {
  const found: HostRoot[] = [];
  for (const path of ROOT_FOLDERS) {
    const info = await lstat(path).catch(() => null);
    if (info?.isSymbolicLink()) found.push({ path, link: await readlink(path) });
    else if (info?.isDirectory()) found.push({ path, link: null });
  }
  return found;
}

/** A toolchain's `bin` folder when it has one, else the folder itself. */
async function binOf(dir: string): Promise<string> {
  const bin = join(dir, "bin");
  return (await stat(bin).catch(() => null))?.isDirectory() ? bin : dir;
}

/** Inspects the host: who Foreman runs as, where bwrap, prlimit and setpriv are, the root's layout, Node.js's installation. */
export async function inspectHost(
  toolchains: readonly string[],
  searchPath = process.env.PATH ?? SYSTEM_PATH.join(delimiter),
): Promise<Host> {
  const node = dirname(dirname(process.execPath));
  const readOnly = [node, ...toolchains];
  const bins = await Promise.all(readOnly.map(binOf));
  return {
    root: process.getuid?.() === 0,
    tools: {
      prlimit: await findProgram("prlimit", searchPath),
      bwrap: await findProgram("bwrap", searchPath),
      setpriv: await findProgram("setpriv", searchPath),
    },
    systemRoots: await systemRoots(),
    readOnly,
    path: [...new Set([...bins, ...SYSTEM_PATH])],
  };
}
