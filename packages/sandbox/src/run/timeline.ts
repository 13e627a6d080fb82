import type { Delivery } from "../github/webhooks.ts";
import type { AnsweredToolCall } from "../model/index.ts";

type Payload = Record<string, unknown>;

const field = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((current, key) => (current && typeof current === "object" ? (current as Payload)[key] : undefined), value);

const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

function firstLine(body: unknown, max = 72): string {
  const line =
    text(body)
      .split("\n")
      .map((part) => part.replace(/<!--.*?-->/g, "").trim())
      .find((part) => part.length > 0) ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const DESCRIBERS: Record<string, (payload: Payload, action: string) => string | null> = {
  issues: (p, action) =>
    action === "labeled"
      ? `issue #${text(field(p, "issue", "number"))} labelled "${text(field(p, "label", "name"))}"`
      : `issue #${text(field(p, "issue", "number"))} ${action}`,
  issue_comment: (p, action) =>
    action === "created"
      ? `comment on #${text(field(p, "issue", "number"))}: ${firstLine(field(p, "comment", "body"))}`
      : `comment on #${text(field(p, "issue", "number"))} ${action}`,
  pull_request: (p, action) => {
    const number = text(field(p, "pull_request", "number"));
    if (action === "opened") return `PR #${number} opened: ${text(field(p, "pull_request", "title"))}`;
    if (action === "closed") return `PR #${number} ${field(p, "pull_request", "merged") === true ? "merged" : "closed"}`;
    if (action === "synchronize") return `PR #${number} received a new commit`;
    return `PR #${number} ${action}`;
  },
  check_suite: (p, action) => {
    if (action !== "completed") return null;
    const app = text(field(p, "check_suite", "app", "slug"));
    const what = app === "github-actions" ? "CI" : `${text(field(p, "check_suite", "app", "name"))} check`;
    return `${what} ${text(field(p, "check_suite", "conclusion"))} on ${text(field(p, "check_suite", "head_branch"))}`;
  },
  merge_group: (p, action) => `merge group ${action} for ${text(field(p, "merge_group", "head_ref")).replace("refs/heads/", "")}`,
  push: (p) =>
    text(field(p, "ref")) === `refs/heads/${text(field(p, "repository", "default_branch"))}`
      ? `${text(field(p, "repository", "default_branch"))} moved to ${text(field(p, "after")).slice(0, 7)}`
      : null,
};

/** One readable line for a webhook delivery, or null for deliveries not worth showing. */
export function describeDelivery(delivery: Delivery): string | null {
  const describe = DESCRIBERS[delivery.event];
  if (!describe) return null;
  const line = describe(delivery.payload, delivery.action ?? "");
  if (!line) return null;
  return `${line} (by ${text(field(delivery.payload, "sender", "login"))})`;
}

/** A short, one-line view of a call's arguments: its short text and number values, in order. */
function argumentsSummary(source: string, max = 72): string {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    value = source;
  }
  const values = value !== null && typeof value === "object" && !Array.isArray(value) ? Object.values(value) : [value];
  const shown = values.filter(
    (part) => typeof part === "number" || (typeof part === "string" && part.length <= 80 && !part.includes("\n")),
  );
  const line = shown.map((part) => text(part)).join(" ");
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** One readable line for a tool call the scripted model answered with, e.g. `coder → read_file src/x.js`. */
export function describeToolCall(call: AnsweredToolCall): string {
  const summary = argumentsSummary(call.arguments);
  return `${call.role ?? "model"} → ${call.name}${summary === "" ? "" : ` ${summary}`}`;
}

/** A run's story as readable lines with the seconds since it began: the steps, the webhooks worth showing, the model's tool calls and what the app narrates of its log. */
export class Timeline {
  readonly lines: string[] = [];
  private seen = 0;
  private seenCalls = 0;
  private readonly started = Date.now();

  private readonly deliveries: () => readonly Delivery[];
  private readonly sink?: (line: string) => void;
  private readonly toolCalls: () => readonly AnsweredToolCall[];
  private readonly appLines: () => readonly string[];
  constructor(
    deliveries: () => readonly Delivery[],
    sink?: (line: string) => void,
    toolCalls: () => readonly AnsweredToolCall[] = () => [],
    appLines: () => readonly string[] = () => [],
  ) {
    this.deliveries = deliveries;
    this.sink = sink;
    this.toolCalls = toolCalls;
    this.appLines = appLines;
  }

  add(line: string): void {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1).padStart(6);
    const entry = `${seconds}s  ${line}`;
    this.lines.push(entry);
    this.sink?.(entry);
  }

  /** Adds a line for each delivery sent, each tool call answered and each line the app narrated since the last poll. */
  poll(): void {
    const deliveries = this.deliveries();
    for (; this.seen < deliveries.length; this.seen += 1) {
      const delivery = deliveries[this.seen];
      const line = delivery ? describeDelivery(delivery) : null;
      if (line) this.add(line);
    }
    const calls = this.toolCalls();
    for (; this.seenCalls < calls.length; this.seenCalls += 1) {
      const call = calls[this.seenCalls];
      if (call) this.add(describeToolCall(call));
    }
    for (const line of this.appLines()) this.add(line);
  }
}
