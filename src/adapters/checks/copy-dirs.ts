import { randomBytes } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CopyDirs } from "./command-runner.ts";
import { SANDBOX_HOME, SANDBOX_USER } from "./sandbox-argv.ts";

/** The folder under the checks folder that holds the working copies; emptied on start. */
export const COPIES = "copies";

/** passwd and group files for the sandbox: root, the sandbox's user and nobody; not the host's accounts. */
function accounts(uid: number): { passwd: string; group: string } {
  return {
    passwd: `root:x:0:0:root:/root:/bin/sh\n${SANDBOX_USER}:x:${uid}:${uid}:${SANDBOX_USER}:${SANDBOX_HOME}:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n`,
    group: `root:x:0:\n${SANDBOX_USER}:x:${uid}:\nnogroup:x:65534:\n`,
  };
}

/**
 * A new working copy's folder: `work` (left for the checkout to create), `home`, `tmp`, and `etc`
 * with its passwd and group. Only Foreman's user may enter it, unless commands run unsandboxed as
 * another uid, which must then reach its home and work tree by their paths.
 */
export async function makeCopyDirs(checksDir: string, uid: number, unsandboxedAsOther: boolean): Promise<{ root: string; dirs: CopyDirs }> {
  const mode = unsandboxedAsOther ? 0o711 : 0o700;
  const copies = join(checksDir, COPIES);
  await mkdir(copies, { recursive: true, mode });
  if (unsandboxedAsOther) await Promise.all([chmod(checksDir, 0o711), chmod(copies, 0o711)]);
  const root = join(copies, randomBytes(8).toString("hex"));
  await mkdir(root, { mode });
  const dirs = { work: join(root, "work"), home: join(root, "home"), tmp: join(root, "tmp"), etc: join(root, "etc") };
  await Promise.all([mkdir(dirs.home, { mode: 0o700 }), mkdir(dirs.tmp, { mode: 0o700 }), mkdir(dirs.etc, { mode: 0o755 })]);
  const { passwd, group } = accounts(uid);
  await writeFile(join(dirs.etc, "passwd"), passwd, { mode: 0o644 });
  await writeFile(join(dirs.etc, "group"), group, { mode: 0o644 });
  return { root, dirs };
}
