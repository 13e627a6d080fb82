/** ANSI escape sequences: CSI (colours, cursor moves) and OSC (titles, hyperlinks). */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
/** The timestamp GitHub Actions puts before every log line. */
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/;

/**
 * A line that reports a failure: error words, test runner verdicts, non-zero exits, stack
 * frames and `file:line:col` locations.
 */
export const ERROR_LINE =
  /\berror\b|\berr!|Error\b|Exception\b|AssertionError|\bFAIL(?:ED|URE)?\b|^\s*not ok\b|[✖✗×]|\bfailed\b|exit code|##\[error\]|\bpanic:|Traceback \(most recent call last\)|^\s*at\s+\S.*(?:\(|:\d+)|\.\w+:\d+:\d+|\.\w+\(\d+,\d+\)/i;
/** Longer lines (minified code, data dumps) are cut: one of them could otherwise fill the budget. */
const MAX_LINE_CHARS = 2_000;

function capLine(line: string): string {
  return line.length <= MAX_LINE_CHARS ? line : `${line.slice(0, MAX_LINE_CHARS)} … (${line.length - MAX_LINE_CHARS} characters cut)`;
}

/** Strips ANSI codes, GitHub's leading timestamps and carriage-return progress redraws. */
export function cleanLog(text: string): string {
  return text
    .replace(ANSI, "")
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => (line.split("\r").at(-1) ?? "").replace(TIMESTAMP, ""))
    .join("\n");
}

export interface TrimOptions {
  /** Lines of context kept before each error line. */
  before: number;
  /** Lines of context kept after each error line. */
  after: number;
}

const DEFAULT_OPTIONS: TrimOptions = { before: 5, after: 5 };

interface Region {
  start: number;
  /** Exclusive. */
  end: number;
}

function elision(count: number): string {
  return `… (${count} lines omitted) …`;
}

function errorRegions(lines: readonly string[], options: TrimOptions): Region[] {
  const regions: Region[] = [];
  lines.forEach((line, index) => {
    if (!ERROR_LINE.test(line)) return;
    const start = Math.max(0, index - options.before);
    const end = Math.min(lines.length, index + options.after + 1);
    const last = regions.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else regions.push({ start, end });
  });
  return regions;
}

function sizeOf(lines: readonly string[], region: Region): number {
  let size = 0;
  for (let index = region.start; index < region.end; index += 1) size += (lines[index]?.length ?? 0) + 1;
  return size;
}

/** The last error region, then the first, then the rest from the end: the summary matters most. */
function priorityOrder(regions: readonly Region[]): Region[] {
  const last = regions.at(-1);
  const first = regions[0];
  if (!last || !first) return [];
  const middle = regions.slice(1, -1).reverse();
  return first === last ? [last] : [last, first, ...middle];
}

/** Keeps the head and the tail of a region that is too large alone, with an elision between. */
function squeeze(lines: readonly string[], region: Region, budget: number): string[] {
  const half = Math.max(0, Math.floor(budget / 2) - 40);
  const head: string[] = [];
  let used = 0;
  for (let index = region.start; index < region.end && used + (lines[index]?.length ?? 0) + 1 <= half; index += 1) {
    head.push(lines[index] ?? "");
    used += (lines[index]?.length ?? 0) + 1;
  }
  const tail: string[] = [];
  used = 0;
  for (let index = region.end - 1; index >= region.start + head.length && used + (lines[index]?.length ?? 0) + 1 <= half; index -= 1) {
    tail.unshift(lines[index] ?? "");
    used += (lines[index]?.length ?? 0) + 1;
  }
  const omitted = region.end - region.start - head.length - tail.length;
  return omitted > 0 ? [...head, elision(omitted), ...tail] : [...head, ...tail];
}

function render(lines: readonly string[], chosen: readonly Region[]): string {
  const out: string[] = [];
  let at = 0;
  for (const region of [...chosen].sort((a, b) => a.start - b.start)) {
    if (region.start > at) out.push(elision(region.start - at));
    out.push(...lines.slice(region.start, region.end));
    at = region.end;
  }
  if (at < lines.length) out.push(elision(lines.length - at));
  return out.join("\n");
}

function keepTail(lines: readonly string[], budget: number): string {
  let start = lines.length;
  let used = elision(lines.length).length + 1;
  while (start > 0 && used + (lines[start - 1]?.length ?? 0) + 1 <= budget) {
    start -= 1;
    used += (lines[start]?.length ?? 0) + 1;
  }
  return render(lines, [{ start, end: lines.length }]);
}

/** A last resort for text that still does not fit: its end, cut at the budget. */
function hardCut(text: string, budget: number): string {
  return text.length <= budget ? text : text.slice(text.length - budget);
}

/**
 * Trims a log to `budgetChars` (redact before trimming: a cut line could split a secret), keeping the error region rather than the head: every
 * error-looking line with context around it, overlapping windows merged, omitted runs marked
 * `… (n lines omitted) …`. When not everything fits, the last region (the final summary) and
 * the first region come first. A log without an error-looking line keeps its tail.
 */
export function trimLog(text: string, budgetChars: number, options: TrimOptions = DEFAULT_OPTIONS): string {
  if (text.length <= budgetChars) return text;
  const lines = text.replace(/\n$/, "").split("\n").map(capLine);
  const regions = errorRegions(lines, options);
  if (regions.length === 0) return hardCut(keepTail(lines, budgetChars), budgetChars);
  const chosen: Region[] = [];
  let used = elision(lines.length).length + 1;
  for (const region of priorityOrder(regions)) {
    const cost = sizeOf(lines, region) + elision(lines.length).length + 1;
    if (used + cost > budgetChars) continue;
    chosen.push(region);
    used += cost;
  }
  if (chosen.length > 0) return hardCut(render(lines, chosen), budgetChars);
  const last = regions.at(-1) ?? { start: 0, end: lines.length };
  const squeezed = squeeze(lines, last, budgetChars - 2 * (elision(lines.length).length + 1));
  const before = last.start > 0 ? [elision(last.start)] : [];
  const after = last.end < lines.length ? [elision(lines.length - last.end)] : [];
  return hardCut([...before, ...squeezed, ...after].join("\n"), budgetChars);
}
