import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { quote } from "shell-quote";

/** The operator's command line, run as a real child process (`node src/cli/foreman.ts …`) beside the running app. */

const run = promisify(execFile);
const CLI = fileURLToPath(new URL("../../src/cli/foreman.ts", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `foreman <args>` on the database at `database`, as the operator `user`. */
export async function foremanCli(database: string, user: string, ...args: string[]): Promise<CliRun> {
  const env = { ...process.env, FOREMAN_DB_PATH: database, USER: user };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env, timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** `foreman top` in a pseudo-terminal (a tmux pane of 120×40 on its own tmux server), read as its screen shows it. */
export class TopInTerminal {
  private readonly socket = `foreman-top-${process.pid}-${Date.now()}`;

  private tmux(...args: string[]): Promise<{ stdout: string }> {
    return run("tmux", ["-L", this.socket, ...args], { timeout: 10_000 });
  }

  async start(database: string): Promise<void> {
    const command = `FOREMAN_DB_PATH=${quote([database])} exec ${quote([process.execPath, CLI, "top"])}`;
    await this.tmux("new-session", "-d", "-s", "top", "-x", "120", "-y", "40", command);
  }

  async screen(): Promise<string> {
    return (await this.tmux("capture-pane", "-p", "-t", "top")).stdout;
  }

  /** The screen once it shows `text` (or the last one read, after `timeoutMs`). */
  async screenShowing(text: string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = await this.screen();
    while (!screen.includes(text) && Date.now() < deadline) {
      await sleep(200);
      screen = await this.screen();
    }
    return screen;
  }

  /** Presses `q`; true once top has exited (its pane, and with it the session, gone) within `timeoutMs`. */
  async quit(timeoutMs = 5000): Promise<boolean> {
    await this.tmux("send-keys", "-t", "top", "q");
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const alive = await this.tmux("has-session", "-t", "top").then(
        () => true,
        () => false,
      );
      if (!alive) return true;
      await sleep(100);
    }
    return false;
  }

  async close(): Promise<void> {
    await this.tmux("kill-server").catch(() => undefined);
  }
}
