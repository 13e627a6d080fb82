import { setTimeout as sleep } from "node:timers/promises";
import type { SqliteStore } from "../store/sqlite/sqlite-store.ts";
import type { CliCommand, CommandContext } from "./command.ts";
import { renderTop, type TopSnapshot } from "./top-view.ts";
import { summarize } from "./workflow-summary.ts";

const REFRESH_MS = 1000;
const QUEUE_ROWS = 20;

/** The terminal's control sequences: the alternate screen, the cursor, clearing. */
const ENTER = "\x1b[?1049h\x1b[?25l";
const LEAVE = "\x1b[?25h\x1b[?1049l";
const HOME_AND_CLEAR = "\x1b[H\x1b[2J";
const QUIT_KEYS = new Set(["q", "Q", "\x03"]);

function snapshot(store: SqliteStore, database: string): TopSnapshot {
  const queries = store.operatorQueries();
  const listings = queries.workflows();
  const tasks = new Map(
    listings.filter((listing) => listing.open && listing.state).map((listing) => [listing.id, Object.values(listing.state?.tasks ?? {})]),
  );
  return { database, workflows: listings.map(summarize), tasks, queue: queries.queue(QUEUE_ROWS), jobStates: queries.jobStates() };
}

function frame(context: CommandContext, database: string): string {
  const { stdout } = context;
  const screen = { width: stdout.columns || 120, height: stdout.rows || 40, now: context.now() };
  return renderTop(snapshot(context.store, database), screen).join("\n");
}

/** Redraws every second until `q` or Ctrl-C (or SIGINT, SIGTERM); the terminal is given back as it was. */
async function live(context: CommandContext, database: string): Promise<void> {
  const { stdout, stdin } = context;
  const stop = new AbortController();
  const onKey = (data: Buffer): void => {
    if (QUIT_KEYS.has(data.toString("utf8"))) stop.abort();
  };
  const onSignal = (): void => stop.abort();
  stdin.setRawMode(true);
  stdin.on("data", onKey);
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  stdout.write(ENTER);
  try {
    while (!stop.signal.aborted) {
      stdout.write(`${HOME_AND_CLEAR}${frame(context, database)}`);
      await sleep(REFRESH_MS, undefined, { signal: stop.signal }).catch(() => undefined);
    }
  } finally {
    stdout.write(LEAVE);
    stdin.off("data", onKey).setRawMode(false).pause();
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  }
}

export const topCommand: CliCommand = {
  name: "top",
  synopsis: "",
  summary: "a live view of workflows, tasks and the job queue, refreshed every second until q or Ctrl-C (one frame when not on a terminal)",
  async run(context) {
    const { database } = context;
    if (!context.stdout.isTTY || !context.stdin.isTTY) {
      context.stdout.write(`${frame(context, database)}\n`);
      return;
    }
    await live(context, database);
  },
};
