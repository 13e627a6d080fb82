import { dirname, join } from "node:path";
import type { CheckCommand } from "../../ports/checks.ts";
import type { ProcessLimits } from "./limits.ts";

/** Where the working copy is inside the sandbox, and the command's folder. */
const SANDBOX_WORKDIR = "/workspace";
/** The sandbox's home folder (the working copy's own home folder on the host, bound there). */
export const SANDBOX_HOME = "/home/sandbox";
/** The user name of the sandbox's uid in the passwd file made for it. */
export const SANDBOX_USER = "sandbox";

/**
 * Files of the host's /etc the sandbox reads (when they exist): name resolution of localhost, the
 * loader's cache, the public certificates (not /etc/ssl/private), the time zone.
 */
const ETC_FILES = [
  "hosts",
  "nsswitch.conf",
  "ld.so.cache",
  "ld.so.conf",
  "ld.so.conf.d",
  "alternatives",
  "ssl/certs",
  "ssl/openssl.cnf",
  "ca-certificates",
  "pki/tls/certs",
  "pki/ca-trust/extracted",
  "localtime",
];
/** Only a setup allowed the network resolves names. */
const ETC_NETWORK_FILES = ["resolv.conf", "gai.conf"];

/** A folder of the host's root beside /usr: a link on merged-/usr systems (`/bin -> usr/bin`), else a folder. */
export interface HostRoot {
  path: string;
  /** The link's target, or null for a folder. */
  link: string | null;
}

/** Everything one command's argv is built from. */
export interface CommandPlan {
  /** `sandbox`: bubblewrap; `unsandboxed`: limits and a cleared environment only. */
  mode: "sandbox" | "unsandboxed";
  /** Absolute paths of the programs on the host. */
  tools: { prlimit: string; bwrap: string; setpriv: string };
  /** The uid and gid the command runs as (when Foreman runs as root), or null: Foreman's own user. */
  runAs: number | null;
  /** The working copy's folders on the host: the work tree, its home folder, its temp folder, and the folder with its passwd and group files. */
  dirs: { work: string; home: string; tmp: string; etc: string };
  network: boolean;
  systemRoots: readonly HostRoot[];
  /** Folders bound read-only at their own path: Node.js's installation and the toolchains. */
  readOnly: readonly string[];
  /** The command's whole environment. */
  env: Readonly<Record<string, string>>;
  limits: ProcessLimits;
  command: CheckCommand;
}

/** What to spawn: a program, its arguments, its folder and its whole environment. */
export interface Spawnable {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

function prlimitArgs(limits: ProcessLimits): string[] {
  return [
    `--cpu=${limits.cpuSeconds}`,
    `--data=${limits.memoryBytes}`,
    `--nproc=${limits.processes}`,
    `--fsize=${limits.fileBytes}`,
    "--core=0",
    "--",
  ];
}

/** Drops root for `uid`: no groups, no capabilities (none inheritable, an empty bounding set), no new privileges through setuid files. */
function setprivArgs(uid: number): string[] {
  return [`--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"];
}

function commandWords(command: CheckCommand): string[] {
  return command.kind === "shell" ? ["/bin/sh", "-c", command.line] : [...command.argv];
}

/**
 * New namespaces. As root, no user namespace (it would map the sandbox to host uid 0, which
 * RLIMIT_NPROC exempts): bwrap keeps only the capabilities setpriv needs to become `runAs`.
 * As another user, a user namespace as well, and no capability at all.
 */
function namespaceArgs(plan: CommandPlan): string[] {
  if (plan.runAs === null) return ["--unshare-all", ...(plan.network ? ["--share-net"] : []), "--cap-drop", "ALL"];
  const namespaces = [
    "--unshare-ipc",
    "--unshare-pid",
    "--unshare-uts",
    "--unshare-cgroup-try",
    ...(plan.network ? [] : ["--unshare-net"]),
  ];
  return [...namespaces, "--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP"];
}

function within(parent: string, path: string): boolean {
  return path === parent || path.startsWith(parent.endsWith("/") ? parent : `${parent}/`);
}

/**
 * Mount arguments in order, creating the folders above each mount point as 0755 (bwrap would
 * copy the host's modes, and a 0700 /root above Node.js would hide it from the sandbox's user).
 */
class Mounts {
  readonly args: string[] = [];
  private readonly made = new Set<string>(["/"]);
  private readonly covered: string[] = [];

  folders(path: string): void {
    const parent = dirname(path);
    if (this.made.has(parent) || this.covered.some((root) => within(root, parent))) return;
    this.folders(parent);
    this.args.push("--perms", "0755", "--dir", parent);
    this.made.add(parent);
  }

  add(args: string[], dest: string, readOnlyTree = false): void {
    this.folders(dest);
    this.args.push(...args);
    this.made.add(dest);
    if (readOnlyTree) this.covered.push(dest);
  }

  /** A read-only folder at its own path, unless a read-only mount shows it already. */
  readOnly(path: string, tryOnly = false): void {
    if (this.covered.some((root) => within(root, path))) return;
    this.add([tryOnly ? "--ro-bind-try" : "--ro-bind", path, path], path, true);
  }
}

function mountArgs(plan: CommandPlan, tmpBytes: number): string[] {
  const mounts = new Mounts();
  mounts.readOnly("/usr");
  for (const root of plan.systemRoots) {
    if (root.link === null) mounts.readOnly(root.path);
    else mounts.add(["--symlink", root.link, root.path], root.path);
  }
  for (const name of [...ETC_FILES, ...(plan.network ? ETC_NETWORK_FILES : [])]) mounts.readOnly(`/etc/${name}`, true);
  for (const name of ["passwd", "group"]) mounts.add(["--ro-bind", join(plan.dirs.etc, name), `/etc/${name}`], `/etc/${name}`);
  mounts.add(["--proc", "/proc"], "/proc");
  mounts.add(["--dev", "/dev"], "/dev");
  mounts.add(["--perms", "1777", "--size", String(tmpBytes), "--tmpfs", "/tmp"], "/tmp");
  for (const dir of [...plan.readOnly].sort((a, b) => a.length - b.length)) mounts.readOnly(dir);
  mounts.add(["--bind", plan.dirs.home, SANDBOX_HOME], SANDBOX_HOME);
  mounts.add(["--bind", plan.dirs.work, SANDBOX_WORKDIR], SANDBOX_WORKDIR);
  return mounts.args;
}

function bwrapArgs(plan: CommandPlan): string[] {
  const env = Object.entries(plan.env).flatMap(([name, value]) => ["--setenv", name, value]);
  return [
    "--die-with-parent",
    "--new-session",
    ...namespaceArgs(plan),
    "--hostname",
    "checks",
    "--clearenv",
    ...env,
    ...mountArgs(plan, plan.limits.memoryBytes),
    "--chdir",
    SANDBOX_WORKDIR,
    "--",
  ];
}

/**
 * The command line of one check: `prlimit` sets the limits, then in the sandbox bwrap builds it
 * (and, as root, setpriv becomes the working copy's uid inside it); unsandboxed, the command runs
 * in the work tree on the host, as that uid when Foreman is root. Pure: nothing is run or read.
 */
export function commandArgv(plan: CommandPlan): Spawnable {
  const dropRoot = plan.runAs === null ? [] : [plan.tools.setpriv, ...setprivArgs(plan.runAs)];
  const words = commandWords(plan.command);
  const env = { ...plan.env };
  if (plan.mode === "unsandboxed") {
    return { file: plan.tools.prlimit, args: [...prlimitArgs(plan.limits), ...dropRoot, ...words], cwd: plan.dirs.work, env };
  }
  return {
    file: plan.tools.prlimit,
    args: [...prlimitArgs(plan.limits), plan.tools.bwrap, ...bwrapArgs(plan), ...dropRoot, ...words],
    cwd: "/",
    env,
  };
}

/** The command's environment: the variables the operator passes through, then the sandbox's own (which they cannot replace). */
export function commandEnv(options: {
  home: string;
  tmp: string;
  path: readonly string[];
  passed: Readonly<Record<string, string>>;
}): Record<string, string> {
  return {
    ...options.passed,
    PATH: options.path.join(":"),
    HOME: options.home,
    TMPDIR: options.tmp,
    USER: SANDBOX_USER,
    LOGNAME: SANDBOX_USER,
    LANG: "C.UTF-8",
    CI: "true",
  };
}
