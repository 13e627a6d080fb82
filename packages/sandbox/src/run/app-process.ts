import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Sends SIGTERM and waits for a clean exit (SIGKILL after the grace period). */
  stop(graceMs?: number): Promise<number | null>;
  /** Kills the process at once, as a crash would. */
  kill(): Promise<void>;
}

class AppStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AppStartError";
  }
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new AppStartError(`the app exited with code ${child.exitCode} before it was healthy; see its log`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new AppStartError(`the app did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/** A process killed by a signal keeps `exitCode` null; `signalCode` tells it has exited too. */
const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

const exited = (child: ChildProcess): Promise<number | null> =>
  hasExited(child) ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once("exit", (code) => resolve(code)));

/** Runs the real app (its `entry` script) as its own process, the way `npm start` does. */
export async function startAppProcess(entry: string, env: Record<string, string>, port: number, logFile: string): Promise<AppProcess> {
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, 20_000);
  return {
    url,
    child,
    async stop(graceMs = 10_000) {
      if (hasExited(child)) return child.exitCode;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const code = await exited(child);
      clearTimeout(timer);
      return code;
    },
    async kill() {
      if (hasExited(child)) return;
      child.kill("SIGKILL");
      await exited(child);
    },
  };
}
