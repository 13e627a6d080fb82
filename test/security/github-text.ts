import type { World } from "@foreman/sandbox";
import { seededLog } from "./leaks.ts";

/**
 * Checks on text as GitHub would read it, for the guarantee that nothing Foreman posts notifies
 * anyone, closes or references an issue, shows an image or carries a marker Foreman did not write.
 *
 * The mention and keyword checks are deliberately stricter than GitHub: they look at the whole
 * text, code spans and code blocks included, so they cannot be fooled by a markdown parser that
 * disagrees with GitHub's about where code starts and ends. The code-span check follows
 * CommonMark (backtick runs of equal length, backslash escapes outside code, no span across a
 * blank line).
 */

/** Numeric and named character references GitHub would turn into `@`, `#`, letters or digits. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);?/g, (entity, code: string) => decodable(Number(code)) ?? entity)
    .replace(/&#x([0-9a-f]+);?/gi, (entity, code: string) => decodable(Number.parseInt(code, 16)) ?? entity)
    .replace(/&commat;?/gi, "@")
    .replace(/&num;?/gi, "#");
}

function decodable(code: number): string | undefined {
  return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : undefined;
}

/** `@login` and `@org/team` as GitHub links them: an `@` after no letter or digit, then a letter or digit. */
function liveMentions(text: string): string[] {
  return [...decodeEntities(text).matchAll(/(?<![A-Za-z0-9])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w-]*)?/g)].map((match) => match[0]);
}

/** `fixes #1`, `Closes: o/r#2`, `resolved GH-3`, `fix https://…/issues/4`: a keyword GitHub would act on. */
function closingKeywords(text: string): string[] {
  const keyword =
    /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b\s*:?\s*(?:#\d+|[\w.-]+\/[\w.-]+#\d+|GH-\d+|https?:\/\/\S+\/(?:issues|pull)\/\d+)/gi;
  return [...decodeEntities(text).matchAll(keyword)].map((match) => match[0]);
}

/** A reference to issue `number` that GitHub would link: `#n`, `GH-n`, `owner/repo#n` or an issue or pull request URL. */
function liveReferences(text: string, number: number): string[] {
  const reference = new RegExp(String.raw`(?:(?<![\w&])#|\bGH-|\/(?:issues|pull)\/)${number}(?!\d)`, "gi");
  return [...decodeEntities(text).matchAll(reference)].map((match) => match[0]);
}

/** Markdown and HTML images. */
function images(text: string): string[] {
  const markdownImage = /(?<!\\)!\[[^\]]*\]\s*[([]/g;
  const htmlImage = /<\s*(?:img|picture|source|video|audio|iframe|svg|image)\b/gi;
  return [...text.matchAll(markdownImage), ...text.matchAll(htmlImage)].map((match) => match[0]);
}

/** HTML comments, where Foreman's hidden markers live: each must be one Foreman wrote on purpose. */
function htmlComments(text: string): string[] {
  return [...text.matchAll(/<!--[\s\S]*?(?:-->|$)/g)].map((match) => match[0]);
}

/**
 * The inline code spans of one text, as `[start, end)` offsets of their content, per CommonMark:
 * a backtick run opens a span closed by the next run of the same length in the same paragraph; a
 * backslash escapes a backtick outside code; a run with no closer is literal text.
 */
function codeSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let offset = 0;
  for (const paragraph of text.split(/(\n[ \t]*\n)/)) {
    spans.push(...spansInParagraph(paragraph).map(([start, end]): [number, number] => [start + offset, end + offset]));
    offset += paragraph.length;
  }
  return spans;
}

function spansInParagraph(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let index = 0;
  while (index < text.length) {
    if (text[index] === "\\" && /[!-/:-@[-`{-~]/.test(text[index + 1] ?? "")) {
      index += 2;
      continue;
    }
    if (text[index] !== "`") {
      index += 1;
      continue;
    }
    const run = /^`+/.exec(text.slice(index))?.[0].length ?? 1;
    const close = closingRun(text, index + run, run);
    if (close === -1) {
      index += run;
      continue;
    }
    spans.push([index + run, close]);
    index = close + run;
  }
  return spans;
}

function closingRun(text: string, from: number, length: number): number {
  for (const match of text.slice(from).matchAll(/`+/g)) {
    if (match[0].length === length) return from + match.index;
  }
  return -1;
}

/** Whether every occurrence of `needle` in `text` lies inside one code span. */
export function alwaysInCode(text: string, needle: string): boolean {
  const spans = codeSpans(text);
  let at = text.indexOf(needle);
  if (at === -1) return false;
  for (; at !== -1; at = text.indexOf(needle, at + 1)) {
    const start = at;
    if (!spans.some(([from, to]) => from <= start && start + needle.length <= to)) return false;
  }
  return true;
}

/** Foreman's own hidden markers, as the adapter and the render functions write them. */
export const FOREMAN_MARKER = /^<!-- foreman:(?:comment [\w-]+|status [A-Za-z0-9_-]*|task \{[^<>\n]*\}|config-[a-z]+) -->$/;

/**
 * What is wrong with one text Foreman posts: live mentions, closing keywords, references to
 * `numbers`, images, and HTML comments other than the expected markers (their number, or a pattern
 * each must match).
 */
export function problemsIn(text: string, options: { references?: readonly number[]; markers?: number | RegExp } = {}): string[] {
  const problems = [
    ...liveMentions(text).map((mention) => `live mention ${mention}`),
    ...closingKeywords(text).map((keyword) => `closing keyword ${JSON.stringify(keyword)}`),
    ...(options.references ?? []).flatMap((number) => liveReferences(text, number).map((reference) => `live reference ${reference}`)),
    ...images(text).map((image) => `image ${JSON.stringify(image)}`),
  ];
  const comments = htmlComments(text);
  const markers = options.markers ?? 0;
  const unexpected = typeof markers === "number" ? comments.length !== markers : comments.some((comment) => !markers.test(comment));
  if (unexpected) problems.push(`${comments.length} HTML comment(s): ${JSON.stringify(comments)}`);
  return problems;
}

/** Every text the app wrote to the sandbox GitHub, by channel: comments, pull request titles and bodies, reviews, check runs, commit messages. */
export async function postedTexts(world: World): Promise<Record<string, string[]>> {
  const { store } = world.github;
  const mine = (login: string): boolean => login === world.botLogin;
  const issues = store.issuesOf(world.repo.id);
  const comments = issues.flatMap((issue) =>
    store
      .commentsOn(world.repo.id, issue.number)
      .filter((comment) => mine(comment.user.login))
      .map((comment) => comment.body),
  );
  const pulls = store.pullsOf(world.repo.id).flatMap((pull) => {
    const issue = store.issue(world.repo.id, pull.number);
    return issue ? [issue.title, issue.body ?? ""] : [];
  });
  const reviews = [
    ...[...store.reviews.values()].filter((review) => mine(review.user.login)).map((review) => review.body),
    ...[...store.reviewComments.values()].filter((comment) => mine(comment.user.login)).map((comment) => comment.body),
  ];
  const checkRuns = [...store.checkRuns.values()]
    .filter((check) => check.appId === world.app.id)
    .flatMap((check) => [check.output.title, check.output.summary, check.output.text].filter((part) => part !== null));
  return { comments, "pull requests": pulls, reviews, "check runs": checkRuns, "commit messages": await commitMessages(world) };
}

/** The message of every commit made after the repository was seeded, on every branch. */
async function commitMessages(world: World): Promise<string[]> {
  return (await seededLog(world, ["--format=%B%x00"]))
    .split("\0")
    .map((message) => message.trim())
    .filter((message) => message !== "");
}
