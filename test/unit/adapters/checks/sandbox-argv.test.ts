import { describe, expect, it } from "vitest";
import { commandArgv, commandEnv, type CommandPlan } from "../../../../src/adapters/checks/sandbox-argv.ts";

const ENV = commandEnv({
  home: "/home/sandbox",
  tmp: "/tmp",
  path: ["/opt/node/bin", "/usr/bin", "/bin"],
  passed: { GOFLAGS: "-mod=mod", PATH: "/evil" },
});

function plan(overrides: Partial<CommandPlan> = {}): CommandPlan {
  return {
    mode: "sandbox",
    tools: { prlimit: "/usr/bin/prlimit", bwrap: "/usr/bin/bwrap", setpriv: "/usr/bin/setpriv" },
    runAs: 65000,
    dirs: {
      work: "/srv/checks/copies/ab/work",
      home: "/srv/checks/copies/ab/home",
      tmp: "/srv/checks/copies/ab/tmp",
      etc: "/srv/checks/copies/ab/etc",
    },
    network: false,
    systemRoots: [
      { path: "/bin", link: "usr/bin" },
      { path: "/lib", link: "usr/lib" },
      { path: "/lib64", link: "usr/lib64" },
    ],
    readOnly: ["/srv/tools/node/node-v24", "/usr/local/go", "/opt/jdk"],
    env: ENV,
    limits: { cpuSeconds: 121, memoryBytes: 2048 * 1024 * 1024, processes: 256, fileBytes: 1024 ** 3 },
    command: { kind: "shell", line: "npm test" },
    ...overrides,
  };
}

/** The words after `flag`, each time it appears (`--bind a b` → ["a b"]). */
function uses(args: readonly string[], flag: string, arity: number): string[] {
  return args.flatMap((arg, index) => (arg === flag ? [args.slice(index + 1, index + 1 + arity).join(" ")] : []));
}

describe("a check's command line", () => {
  it("sets the limits with prlimit, then builds the sandbox with bwrap and becomes the copy's uid with setpriv, as root", () => {
    const argv = commandArgv(plan());

    expect(argv.file).toBe("/usr/bin/prlimit");
    expect(argv.args.slice(0, 7)).toEqual([
      "--cpu=121",
      `--data=${2048 * 1024 * 1024}`,
      "--nproc=256",
      `--fsize=${1024 ** 3}`,
      "--core=0",
      "--",
      "/usr/bin/bwrap",
    ]);
    const tail = argv.args.slice(argv.args.lastIndexOf("--chdir"));
    expect(tail).toEqual([
      "--chdir",
      "/workspace",
      "--",
      "/usr/bin/setpriv",
      "--reuid=65000",
      "--regid=65000",
      "--clear-groups",
      "--inh-caps=-all",
      "--bounding-set=-all",
      "--no-new-privs",
      "--",
      "/bin/sh",
      "-c",
      "npm test",
    ]);
    expect(argv.cwd).toBe("/");
    expect(argv.env).toEqual(ENV);
  });

  it("unshares every namespace but the user one as root, keeping only what setpriv needs", () => {
    const { args } = commandArgv(plan());

    for (const flag of [
      "--unshare-ipc",
      "--unshare-pid",
      "--unshare-uts",
      "--unshare-cgroup-try",
      "--unshare-net",
      "--die-with-parent",
      "--new-session",
      "--clearenv",
    ]) {
      expect(args).toContain(flag);
    }
    expect(args).not.toContain("--unshare-user");
    expect(args).not.toContain("--unshare-all");
    expect(uses(args, "--cap-drop", 1)).toEqual(["ALL"]);
    expect(uses(args, "--cap-add", 1)).toEqual(["CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP"]);
  });

  it("unshares every namespace and keeps no capability as another user, with no setpriv", () => {
    const { args } = commandArgv(plan({ runAs: null }));

    expect(args).toContain("--unshare-all");
    expect(args).not.toContain("--share-net");
    expect(uses(args, "--cap-drop", 1)).toEqual(["ALL"]);
    expect(args).not.toContain("--cap-add");
    expect(args).not.toContain("/usr/bin/setpriv");
    expect(args.slice(-4)).toEqual(["--", "/bin/sh", "-c", "npm test"]);
  });

  it("binds only the system, Node.js, the toolchains, the copy's passwd, home and work tree", () => {
    const { args } = commandArgv(plan());

    expect(uses(args, "--ro-bind", 2)).toEqual([
      "/usr /usr",
      "/srv/checks/copies/ab/etc/passwd /etc/passwd",
      "/srv/checks/copies/ab/etc/group /etc/group",
      "/opt/jdk /opt/jdk",
      "/srv/tools/node/node-v24 /srv/tools/node/node-v24",
    ]);
    expect(uses(args, "--bind", 2)).toEqual(["/srv/checks/copies/ab/home /home/sandbox", "/srv/checks/copies/ab/work /workspace"]);
    expect(uses(args, "--symlink", 2)).toEqual(["usr/bin /bin", "usr/lib /lib", "usr/lib64 /lib64"]);
    expect(uses(args, "--ro-bind-try", 2)).toContain("/etc/ssl/certs /etc/ssl/certs");
    expect(uses(args, "--ro-bind-try", 2)).not.toContain("/etc/resolv.conf /etc/resolv.conf");
    expect(uses(args, "--ro-bind-try", 2).join(" ")).not.toMatch(/ssl\/private|shadow/);
    expect(uses(args, "--tmpfs", 1)).toEqual(["/tmp"]);
    expect(uses(args, "--proc", 1)).toEqual(["/proc"]);
    expect(uses(args, "--dev", 1)).toEqual(["/dev"]);
  });

  it("makes the folders above a bound folder searchable, and never inside a read-only mount", () => {
    const { args } = commandArgv(plan());

    const dirs = uses(args, "--dir", 1);
    expect(dirs).toEqual(expect.arrayContaining(["/srv", "/srv/tools", "/srv/tools/node", "/opt", "/home", "/etc/ssl"]));
    expect(dirs.filter((dir) => dir.startsWith("/usr"))).toEqual([]);
    for (const dir of dirs) expect(args.slice(args.indexOf(dir) - 3, args.indexOf(dir))).toEqual(["--perms", "0755", "--dir"]);
    expect(args.indexOf("/srv")).toBeLessThan(args.indexOf("/srv/tools"));
    expect(args.indexOf("/srv/tools/node")).toBeLessThan(args.indexOf("/srv/tools/node/node-v24"));
  });

  it("lets the setup share the host's network only when told, with name resolution", () => {
    const asRoot = commandArgv(plan({ network: true })).args;
    const asUser = commandArgv(plan({ network: true, runAs: null })).args;

    expect(asRoot).not.toContain("--unshare-net");
    expect(asUser).toContain("--share-net");
    expect(uses(asRoot, "--ro-bind-try", 2)).toContain("/etc/resolv.conf /etc/resolv.conf");
  });

  it("passes the environment twice, as the spawn's and through --setenv after --clearenv, the sandbox's own variables winning", () => {
    const { args, env } = commandArgv(plan());

    expect(env).toEqual({
      GOFLAGS: "-mod=mod",
      PATH: "/opt/node/bin:/usr/bin:/bin",
      HOME: "/home/sandbox",
      TMPDIR: "/tmp",
      USER: "sandbox",
      LOGNAME: "sandbox",
      LANG: "C.UTF-8",
      CI: "true",
    });
    expect(args.indexOf("--clearenv")).toBeLessThan(args.indexOf("--setenv"));
    expect(uses(args, "--setenv", 2)).toEqual(Object.entries(env).map(([name, value]) => `${name} ${value}`));
  });

  it("runs an argv command as its words, with no shell", () => {
    const { args } = commandArgv(plan({ command: { kind: "argv", argv: ["npx", "vitest", "run", "$(id)"] } }));

    expect(args.slice(-5)).toEqual(["--", "npx", "vitest", "run", "$(id)"]);
    expect(args).not.toContain("/bin/sh");
  });

  it("runs unsandboxed in the work tree on the host, with limits and as the copy's uid", () => {
    const asRoot = commandArgv(plan({ mode: "unsandboxed" }));
    const asUser = commandArgv(plan({ mode: "unsandboxed", runAs: null }));

    expect(asRoot.file).toBe("/usr/bin/prlimit");
    expect(asRoot.cwd).toBe("/srv/checks/copies/ab/work");
    expect(asRoot.args).not.toContain("/usr/bin/bwrap");
    expect(asRoot.args.slice(5, 8)).toEqual(["--", "/usr/bin/setpriv", "--reuid=65000"]);
    expect(asUser.args.slice(5)).toEqual(["--", "/bin/sh", "-c", "npm test"]);
  });
});
