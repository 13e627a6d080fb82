import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { probeAvailability } from "../../../src/adapters/checks/availability.ts";
import { CommandRunner } from "../../../src/adapters/checks/command-runner.ts";
import { inspectHost, type Host } from "../../../src/adapters/checks/host.ts";
import type { ChecksSettings } from "../../../src/adapters/checks/settings.ts";
import type { WorkingCopy } from "../../../src/ports/checks.ts";
import { startChecksFixture, type ChecksFixture } from "./checks-fixture.ts";

const FILES = {
  "README.md": "# calculator\n",
  "src/add.js": "export const add = (a, b) => a + b;\n",
  "test/add.test.mjs": 'import { add } from "../src/add.js";\nif (add(1, 2) !== 3) process.exit(1);\nconsole.log("add ok");\n',
};

let f: ChecksFixture;

beforeAll(async () => {
  f = await startChecksFixture(FILES);
});

afterAll(async () => {
  await f.stop();
});

async function open(settings: Partial<ChecksSettings> = {}): Promise<WorkingCopy> {
  const checks = await f.checks(settings);
  return checks.open(f.repo, f.token, f.head, null);
}

describe("availability", () => {
  it("is sandboxed where bubblewrap works, and says why not when it is off, missing or broken", async () => {
    expect((await f.checks()).availability()).toEqual({ available: true, sandboxed: true });
    expect((await f.checks({ mode: "unsandboxed" })).availability()).toEqual({ available: true, sandboxed: false });
    expect((await f.checks({ mode: "off" })).availability()).toEqual({
      available: false,
      reason: "local checks are turned off by the operator (FOREMAN_CHECKS=off)",
    });

    const settings: ChecksSettings = {
      mode: "sandbox",
      dir: join(f.root, "probe"),
      toolchains: [],
      passEnv: [],
      setupNetwork: { kind: "none" },
      memoryMb: 1024,
      processes: 64,
      outputKb: 64,
    };
    const found = await inspectHost([]);
    const withBwrap = (bwrap: string | null): Host => ({ ...found, tools: { ...found.tools, bwrap } });
    const runAs = found.root ? 65_499 : null;
    const missing = withBwrap(null);
    expect(await probeAvailability(settings, missing, new CommandRunner(settings, missing, {}), runAs)).toEqual({
      available: false,
      reason: "bubblewrap (bwrap) is not installed on Foreman's host; local checks are off",
    });
    const broken = withBwrap("/bin/false");
    expect(await probeAvailability(settings, broken, new CommandRunner(settings, broken, {}), runAs)).toEqual({
      available: false,
      reason: "bubblewrap (bwrap) could not start a sandbox on Foreman's host (it exited with 1); local checks are off",
    });
  });

  it("refuses to open a working copy when checks are off", async () => {
    const checks = await f.checks({ mode: "off" });
    await expect(checks.open(f.repo, f.token, f.head, null)).rejects.toMatchObject({ kind: "unavailable" });
  });
});

describe("a working copy", () => {
  it("runs a declared check through sh and an allowed command line as words, with no shell", async () => {
    const copy = await open();

    const test = await copy.run({ kind: "shell", line: "node test/add.test.mjs && echo $CI $HOME $PWD" }, 20_000);
    const words = await copy.run({ kind: "argv", argv: ["echo", "$HOME;", "id"] }, 20_000);
    const failing = await copy.run({ kind: "shell", line: "echo before; exit 3" }, 20_000);
    const signalled = await copy.run({ kind: "shell", line: "kill -TERM $$" }, 20_000);
    const missing = await copy.run({ kind: "argv", argv: ["no-such-tool", "--version"] }, 20_000);

    expect(test).toMatchObject({ end: "exited", exitCode: 0, output: "add ok\ntrue /home/sandbox /workspace\n", truncated: false });
    expect(words).toMatchObject({ end: "exited", exitCode: 0, output: "$HOME; id\n" });
    expect(failing).toMatchObject({ end: "exited", exitCode: 3, output: "before\n" });
    expect(signalled).toMatchObject({ end: "exited", exitCode: 143 });
    expect(missing.end).toBe("exited");
    expect(missing.exitCode).not.toBe(0);
    expect(missing.output).toMatch(/no-such-tool/);
    await copy.close();
  });

  it("starts Node.js and Python under the memory limit", async () => {
    const copy = await open();

    const node = await copy.run({ kind: "argv", argv: ["node", "-e", "console.log(typeof fetch)"] }, 20_000);
    const python = await copy.run({ kind: "argv", argv: ["python3", "-c", "print(6 * 7)"] }, 20_000);

    expect(node).toMatchObject({ end: "exited", exitCode: 0, output: "function\n" });
    expect(python).toMatchObject({ end: "exited", exitCode: 0, output: "42\n" });
    await copy.close();
  });

  it("writes and deletes files inside the work tree only", async () => {
    const copy = await open();
    await copy.run({ kind: "shell", line: "ln -s /etc escape && ln -s src inner && mkdir -p lib" }, 20_000);

    await copy.write([
      { path: "src/sub.js", content: "export const sub = (a, b) => a - b;\n" },
      { path: "inner/mul.js", content: "export const mul = (a, b) => a * b;\n" },
      { path: "docs/deep/guide.md", content: "guide\n" },
      { path: "README.md", content: null },
      { path: "not/there.txt", content: null },
    ]);
    const listed = await copy.run(
      { kind: "shell", line: "cat src/sub.js src/mul.js docs/deep/guide.md; ls README.md 2>&1; echo more >> src/sub.js" },
      20_000,
    );

    expect(listed.output).toBe(
      "export const sub = (a, b) => a - b;\nexport const mul = (a, b) => a * b;\nguide\nls: cannot access 'README.md': No such file or directory\n",
    );
    expect(listed.exitCode).toBe(0);
    for (const path of ["../outside.txt", "/etc/passwd", "escape/passwd", "escape/new-file", ".git", "src/../../x", "lib"]) {
      await expect(copy.write([{ path, content: "owned\n" }])).rejects.toMatchObject({ kind: "io" });
    }
    expect(await readFile("/etc/passwd", "utf8")).not.toContain("owned");
    expect(existsSync("/etc/new-file")).toBe(false);
    await copy.close();
  });

  it("runs unsandboxed, when the operator chose it, in the work tree on the host with a cleared environment, never as root", async () => {
    process.env.FOREMAN_TEST_UNPASSED = "hidden";
    const copy = await open({ mode: "unsandboxed" });

    const run = await copy.run({ kind: "shell", line: "id -u; pwd; cat README.md; env | sort" }, 20_000);

    delete process.env.FOREMAN_TEST_UNPASSED;
    const [uid = "", cwd = "", readme = ""] = run.output.split("\n");
    expect(run).toMatchObject({ end: "exited", exitCode: 0 });
    expect(uid).not.toBe("0");
    expect(cwd).toMatch(/\/checks\/copies\/[0-9a-f]+\/work$/);
    expect(readme).toBe("# calculator");
    expect(run.output).toMatch(/^CI=true$/m);
    expect(run.output).not.toContain("FOREMAN_TEST_UNPASSED");
    await copy.close();
  });

  it("finds the operator's toolchains on PATH, bound read-only at their own path", async () => {
    const toolchain = join(f.root, "toolchains", "greeter");
    await mkdir(join(toolchain, "bin"), { recursive: true });
    await writeFile(join(toolchain, "bin", "greet"), "#!/bin/sh\necho hello from the toolchain\n", { mode: 0o755 });
    const copy = await open({ toolchains: [toolchain] });

    const run = await copy.run({ kind: "shell", line: `greet && touch ${toolchain}/bin/new 2>/dev/null || echo read-only` }, 20_000);

    expect(run).toMatchObject({ end: "exited", exitCode: 0, output: "hello from the toolchain\nread-only\n" });
    expect(existsSync(join(toolchain, "bin", "new"))).toBe(false);
    await copy.close();
  });

  it("is deleted by close, and runs nothing after", async () => {
    const checks = await f.checks();
    const copy = await checks.open(f.repo, f.token, f.head, null);
    const copies = join(f.root, "checks", "copies");
    expect(await readdir(copies)).toHaveLength(1);

    await copy.close();
    const after = await copy.run({ kind: "argv", argv: ["true"] }, 5_000);

    expect(after).toMatchObject({ end: "error", output: "the working copy is closed" });
    expect(await readdir(copies)).toEqual([]);
  });
});
