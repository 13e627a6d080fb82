import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostChecks } from "../../src/adapters/checks/host-checks.ts";
import type { CheckCommand, CommandRun, WorkingCopy } from "../../src/ports/checks.ts";
import { startChecksFixture, type ChecksFixture } from "../integration/adapters/checks-fixture.ts";

/**
 * Containment of the repository's own commands: each attack runs through the real adapter, in real
 * bubblewrap, on a work tree of a repository the sandbox GitHub serves, beside a second working copy
 * that must come out of it untouched.
 */

const execFileAsync = promisify(execFile);

const FILES = {
  "README.md": "# calculator\n",
  "src/add.js": "export const add = (a, b) => a + b;\n",
  "package-lock.json": '{ "lockfileVersion": 3, "packages": {} }\n',
};

const CANARY = `canary-${randomBytes(12).toString("hex")}`;
const SETUP = "mkdir -p node_modules/dep && od -An -N8 -tx8 /dev/urandom > node_modules/dep/stamp && echo installed";

let f: ChecksFixture;
let checks: HostChecks;
let bystander: WorkingCopy;
let bystanderDir: string;
let dataDir: string;
let server: Server;
let port: number;
let requests = 0;

/** The host folders of the working copies open now. */
async function copyDirs(): Promise<string[]> {
  const copies = join(f.root, "checks", "copies");
  return (await readdir(copies)).map((name) => join(copies, name, "work"));
}

/** Opens a working copy at the fixture's head and finds its folder on the host. */
async function openCopy(): Promise<{ copy: WorkingCopy; dir: string }> {
  const before = await copyDirs();
  const copy = await checks.open(f.repo, f.token, f.head, null);
  const dir = (await copyDirs()).find((path) => !before.includes(path)) ?? "";
  return { copy, dir };
}

function shell(line: string): CheckCommand {
  return { kind: "shell", line };
}

/** Runs an attack in a fresh working copy, then checks the bystander is untouched and still works. */
async function attack(line: string, timeoutMs: number): Promise<{ run: CommandRun; dir: string }> {
  const { copy, dir } = await openCopy();
  try {
    const run = await copy.run(shell(line), timeoutMs);
    await expectBystanderFine();
    return { run, dir };
  } finally {
    await copy.close();
  }
}

async function expectBystanderFine(): Promise<void> {
  expect(await readFile(join(bystanderDir, "README.md"), "utf8")).toBe(FILES["README.md"]);
  expect(await readFile(join(bystanderDir, "src/add.js"), "utf8")).toBe(FILES["src/add.js"]);
  expect(await bystander.run({ kind: "argv", argv: ["true"] }, 10_000)).toMatchObject({ end: "exited", exitCode: 0 });
}

/** Processes of the host whose command line holds `marker`, after giving the kernel a moment to reap them. */
async function processesWith(marker: string): Promise<string[]> {
  const found = async (): Promise<string[]> => {
    const hits: string[] = [];
    for (const pid of (await readdir("/proc")).filter((name) => /^\d+$/.test(name))) {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
      if (cmdline.includes(marker)) hits.push(`${pid}: ${cmdline.replaceAll("\0", " ")}`);
    }
    return hits;
  };
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if ((await found()).length === 0) return [];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return found();
}

beforeAll(async () => {
  process.env.FOREMAN_TEST_CANARY = CANARY;
  process.env.FOREMAN_TEST_PASSED = "passed-through";
  f = await startChecksFixture(FILES);
  dataDir = join(f.root, "data");
  await mkdir(dataDir);
  await writeFile(join(dataDir, "private-key.pem"), `-----BEGIN RSA PRIVATE KEY-----\n${CANARY}\n-----END RSA PRIVATE KEY-----\n`);
  await writeFile(join(dataDir, "foreman.db"), `SQLite format 3\0${CANARY}`);
  server = createServer((_request, response) => {
    requests += 1;
    response.end("reached");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  checks = await f.checks({ passEnv: ["FOREMAN_TEST_PASSED"] }, process.env);
  expect(checks.availability()).toEqual({ available: true, sandboxed: true });
  ({ copy: bystander, dir: bystanderDir } = await openCopy());
});

afterAll(async () => {
  delete process.env.FOREMAN_TEST_CANARY;
  delete process.env.FOREMAN_TEST_PASSED;
  await bystander.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await f.stop();
});

describe("a check in the sandbox", () => {
  it("cannot reach the network, not even the host's loopback", async () => {
    const hostAddress = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === "IPv4" && !address.internal)?.address;
    const targets = ["127.0.0.1", ...(hostAddress === undefined ? [] : [hostAddress])];
    const fetches = targets.map(
      (host) =>
        `node -e "fetch('http://${host}:${port}/').then(() => console.log('REACHED ${host}'), (error) => console.log('blocked', error.cause?.code))"`,
    );
    const python = `python3 -c "import socket; socket.create_connection(('127.0.0.1', ${port}), timeout=2); print('REACHED by python')" 2>&1 | tail -1`;

    const { run } = await attack([...fetches, python].join("; "), 20_000);

    expect(run.end).toBe("exited");
    expect(run.output).not.toContain("REACHED");
    expect(run.output).toMatch(/blocked (ECONNREFUSED|ENETUNREACH)/);
    expect(run.output).toMatch(/(Connection refused|Network is unreachable)/);
    expect(requests).toBe(0);
  });

  it("sees none of Foreman's environment, in its own or any process's environ, only the variables passed to it", async () => {
    const { run } = await attack("cat /proc/1/environ; for file in /proc/[0-9]*/environ; do cat $file; done; env", 10_000);

    expect(run.output).not.toContain(CANARY);
    expect(run.output).toContain("FOREMAN_TEST_PASSED=passed-through");
    expect(run.output).toContain("CI=true");
  });

  it("runs as a user other than root, with no capability and no way to gain privileges", async () => {
    const { run } = await attack("id -u; grep -E '^(CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs):' /proc/self/status", 10_000);

    const [uid = "", ...status] = run.output.trim().split("\n");
    expect(uid).not.toBe("0");
    expect(status.map((line) => line.replace(/\s+/g, " "))).toEqual([
      "CapPrm: 0000000000000000",
      "CapEff: 0000000000000000",
      "CapBnd: 0000000000000000",
      "CapAmb: 0000000000000000",
      "NoNewPrivs: 1",
    ]);
  });

  it("cannot read the App's private key, the database, the workspace cache or the checks folder", async () => {
    const cache = join(f.root, "cache");
    const line = [
      `cat ${dataDir}/private-key.pem ${dataDir}/foreman.db`,
      `ls ${dataDir} ${cache} ${join(f.root, "checks")} ${f.root}`,
      "find / -path /proc -prune -o \\( -name private-key.pem -o -name foreman.db -o -name 'calculator.git' -o -name 'checks-test-*' \\) -print",
      "echo searched",
    ].join("; ");

    const { run } = await attack(line, 20_000);

    expect(run.output).not.toContain(CANARY);
    expect(run.output).toContain(`cat: ${dataDir}/private-key.pem: No such file or directory`);
    expect(run.output.split("\n").filter((text) => text.startsWith("/"))).toEqual([]);
    expect(run.output).toContain("searched");
  });

  it("cannot see another task's working copy", async () => {
    const { run } = await attack(`ls ${bystanderDir}; cat ${bystanderDir}/README.md; ls -a /workspace/.. /home`, 10_000);

    expect(run.output).toContain(`ls: cannot access '${bystanderDir}': No such file or directory`);
    expect(run.output).not.toContain("# calculator");
    // The errors of `ls` and `cat` above go to stderr, which may arrive after the listing: they are not names.
    const rootListing = run.output
      .slice(run.output.indexOf("/workspace/..:"))
      .split("\n")
      .slice(1)
      .filter((line) => !/^(ls|cat): /.test(line));
    const visible = new Set([
      ".",
      "..",
      "",
      "bin",
      "dev",
      "etc",
      "home",
      "lib",
      "lib32",
      "lib64",
      "libx32",
      "proc",
      "sbin",
      "tmp",
      "usr",
      "workspace",
    ]);
    const nodeTop = process.execPath.split("/")[1] ?? "";
    expect(rootListing.filter((name) => !visible.has(name) && name !== nodeTop)).toEqual([]);
  });

  it("cannot write outside its working copy", async () => {
    const marker = `owned-${randomBytes(6).toString("hex")}`;
    const targets = [
      join(bystanderDir, "README.md"),
      `/usr/${marker}`,
      `/etc/${marker}`,
      join(dataDir, marker),
      join(tmpdir(), marker),
      `/${marker}`,
    ];
    const line = [...targets.map((target) => `echo owned > ${target}`), `mkdir -p ${join(dataDir, "new")}`, "echo done"].join("; ");

    const { run } = await attack(line, 10_000);

    expect(run.output).toContain("done");
    for (const target of targets.slice(1)) expect(existsSync(target), target).toBe(false);
    expect(existsSync(join(dataDir, "new"))).toBe(false);
    expect(await readdir(dataDir)).toEqual(["foreman.db", "private-key.pem"]);
  });

  it("forks no more processes than its limit, and none is left when it ends", async () => {
    // The forks run in a subshell, which dash ends at the first fork refused; the parent counts
    // the processes with a glob over /proc, which needs no fork.
    const line = "( while :; do sleep 987000 & done ) 2>/dev/null; set -- /proc/[0-9]*; echo processes: $#";

    const { run } = await attack(line, 10_000);
    const host = await execFileAsync("sh", ["-c", "echo host still forks"]);

    expect(run.end).toBe("exited");
    const count = Number(/processes: (\d+)/.exec(run.output)?.[1]);
    expect(count).toBeGreaterThan(50);
    expect(count).toBeLessThanOrEqual(64 + 1);
    expect(await processesWith("987000")).toEqual([]);
    expect(host.stdout).toBe("host still forks\n");
  });

  it("survives a fork bomb, which its processes limit ends", async () => {
    const { run } = await attack("bomb() { bomb & bomb; }; bomb # bomb-marker", 3_000);

    expect(["timed_out", "output_limit", "exited"]).toContain(run.end);
    expect(run.output).toContain("Cannot fork");
    expect(run.durationMs).toBeLessThan(8_000);
    expect(await processesWith("bomb-marker")).toEqual([]);
  });

  it("cannot allocate past its memory limit", async () => {
    const python = "python3 -c 'a = []\nwhile True: a.append(bytearray(1 << 24))' 2>&1 | tail -1";
    const node = "node -e 'const a = []; for (;;) a.push(Buffer.alloc(1 << 24, 1))' >/dev/null 2>&1; echo node ended with $?";

    const { run } = await attack(`${python}; ${node}`, 20_000);

    expect(run.end).toBe("exited");
    expect(run.output).toContain("MemoryError");
    expect(run.output).toMatch(/node ended with (?!0\n)\d+/);
    expect(run.durationMs).toBeLessThan(20_000);
  });

  it("is killed at its wall time with everything it started, detached or not", async () => {
    const line = "sleep 987651 & setsid sleep 987652 & nohup sleep 987653 >/dev/null 2>&1 & sleep 987654";

    const { run } = await attack(line, 1_500);

    expect(run).toMatchObject({ end: "timed_out", exitCode: 137 });
    expect(run.durationMs).toBeGreaterThanOrEqual(1_500);
    expect(run.durationMs).toBeLessThan(6_000);
    expect(await processesWith("98765")).toEqual([]);
  });

  it("keeps the start and end of a long output, and is stopped when it prints without end", async () => {
    const { run: long } = await attack("seq 1 100000", 10_000);
    const { run: endless } = await attack("yes flood", 10_000);

    expect(long).toMatchObject({ end: "exited", exitCode: 0, truncated: true });
    expect(long.output.startsWith("1\n2\n3\n")).toBe(true);
    expect(long.output.endsWith("\n99999\n100000\n")).toBe(true);
    expect(long.output).toMatch(/\[… \d+ bytes of output left out …\]/);
    expect(long.output.length).toBeLessThan(64 * 1024 + 100);
    expect(endless).toMatchObject({ end: "output_limit", exitCode: 137, truncated: true });
    expect(endless.output.length).toBeLessThan(64 * 1024 + 100);
    expect(endless.durationMs).toBeLessThan(10_000);
  });
});

describe("the setup command", () => {
  async function stampOf(copy: WorkingCopy): Promise<string> {
    return (await copy.run({ kind: "argv", argv: ["cat", "node_modules/dep/stamp"] }, 10_000)).output;
  }

  it("runs once per state of the lockfiles, its result copied into later working copies", async () => {
    const spec = { line: SETUP, timeoutMs: 20_000 };
    const first = await checks.open(f.repo, f.token, f.head, spec);
    const second = await checks.open(f.repo, f.token, f.head, spec);
    const readme = await f.commit({ "README.md": "# calculator, documented\n" });
    const sameLock = await checks.open(f.repo, f.token, readme, spec);
    const locked = await f.commit({ "package-lock.json": '{ "lockfileVersion": 3, "packages": { "": {} } }\n' });
    const newLock = await checks.open(f.repo, f.token, locked, spec);

    expect(first.setup).toMatchObject({ end: "exited", exitCode: 0, output: "installed\n", cached: false });
    expect(second.setup).toMatchObject({ end: "exited", exitCode: 0, output: "installed\n", cached: true });
    expect(sameLock.setup).toMatchObject({ cached: true });
    expect(newLock.setup).toMatchObject({ end: "exited", exitCode: 0, cached: false });
    const stamp = await stampOf(first);
    expect(stamp).toMatch(/^\s*[0-9a-f]{16}\n$/);
    expect(await stampOf(second)).toBe(stamp);
    expect(await stampOf(sameLock)).toBe(stamp);
    expect(await stampOf(newLock)).not.toBe(stamp);
    expect(await second.run({ kind: "shell", line: "echo more > node_modules/dep/extra && ls node_modules/dep" }, 10_000)).toMatchObject({
      output: "extra\nstamp\n",
    });
    for (const copy of [first, second, sameLock, newLock]) await copy.close();
  });

  it("that fails is reported, not thrown, and not kept", async () => {
    const spec = { line: "echo broken; exit 2", timeoutMs: 10_000 };

    const first = await checks.open(f.repo, f.token, f.head, spec);
    const again = await checks.open(f.repo, f.token, f.head, spec);

    expect(first.setup).toMatchObject({ end: "exited", exitCode: 2, output: "broken\n", cached: false });
    expect(again.setup).toMatchObject({ exitCode: 2, cached: false });
    await first.close();
    await again.close();
  });

  it("reaches the network only where the operator allowed it for the installation, and the checks never do", async () => {
    const fetchLine = `node -e "fetch('http://127.0.0.1:${port}/').then((r) => r.text()).then(console.log, () => process.exit(7))"`;
    const spec = { line: `${fetchLine} # ${randomBytes(4).toString("hex")}`, timeoutMs: 20_000 };
    const others = await f.checks({
      dir: join(f.root, "checks-other"),
      setupNetwork: { kind: "installations", ids: [f.repo.installationId + 1] },
    });
    const allowed = await f.checks({
      dir: join(f.root, "checks-allowed"),
      setupNetwork: { kind: "installations", ids: [f.repo.installationId] },
    });

    const closed = await checks.open(f.repo, f.token, f.head, spec);
    const elsewhere = await others.open(f.repo, f.token, f.head, spec);
    expect(requests).toBe(0);
    const open = await allowed.open(f.repo, f.token, f.head, spec);

    expect(closed.setup).toMatchObject({ end: "exited", exitCode: 7 });
    expect(elsewhere.setup).toMatchObject({ end: "exited", exitCode: 7 });
    expect(open.setup).toMatchObject({ end: "exited", exitCode: 0, output: "reached\n" });
    expect(requests).toBe(1);
    expect(await open.run(shell(fetchLine), 20_000)).toMatchObject({ end: "exited", exitCode: 7 });
    expect(requests).toBe(1);
    for (const copy of [closed, elsewhere, open]) await copy.close();
  });
});
