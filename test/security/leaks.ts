import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { parseStatusMarker } from "../../src/render/status-marker.ts";
import type { World } from "@foreman/sandbox";

const run = promisify(execFile);

/** Everything Foreman published or wrote down, by channel: what an attacker could read back. */
export type Outputs = Record<string, string[]>;

/** A comment body with its hidden status snapshot decoded: base64 hides nothing from a reader. */
function readable(body: string): string {
  const marker = parseStatusMarker(body);
  return marker === null ? body : `${body}\n${JSON.stringify(marker.snapshot)}`;
}

function issueNumbers(world: World): number[] {
  return world.github.store.issuesOf(world.repo.id).map((issue) => issue.number);
}

function comments(world: World): string[] {
  return issueNumbers(world).flatMap((number) =>
    world.github.store
      .commentsOn(world.repo.id, number)
      .filter((comment) => comment.user.login === world.botLogin)
      .map((comment) => readable(comment.body)),
  );
}

function pullRequests(world: World): string[] {
  return world.github.store.pullsOf(world.repo.id).flatMap((pull) => {
    const issue = world.github.store.issue(world.repo.id, pull.number);
    return issue ? [`${issue.title}\n${issue.body ?? ""}`] : [];
  });
}

function reviews(world: World): string[] {
  const mine = (login: string): boolean => login === world.botLogin;
  const bodies = [...world.github.store.reviews.values()].filter((review) => mine(review.user.login)).map((review) => review.body);
  const inline = [...world.github.store.reviewComments.values()]
    .filter((comment) => mine(comment.user.login))
    .map((comment) => comment.body);
  return [...bodies, ...inline];
}

function checkRuns(world: World): string[] {
  return [...world.github.store.checkRuns.values()]
    .filter((check) => check.appId === world.app.id)
    .map((check) => [check.output.title, check.output.summary, check.output.text].filter((part) => part !== null).join("\n"));
}

/**
 * `git log` over every commit made after the repository was seeded, on every branch, in `format`
 * (with `-p` for patches too).
 */
export async function seededLog(world: World, args: readonly string[]): Promise<string> {
  const git = ["--git-dir", world.repo.git.gitDir];
  const { stdout: roots } = await run("git", [...git, "rev-list", "--max-parents=0", "--all"]);
  const exclude = roots
    .split("\n")
    .filter((sha) => sha !== "")
    .map((sha) => `^${sha}`);
  const { stdout } = await run("git", [...git, "log", "--all", ...args, ...exclude], { maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

/** Every commit made after the repository was seeded (messages and patches), on every branch. */
async function commits(world: World): Promise<string[]> {
  const log = await seededLog(world, ["-p", "--format=commit %H%n%B"]);
  return log.split(/^(?=commit [0-9a-f]{40}$)/m).filter((part) => part.trim() !== "");
}

async function appLog(world: World): Promise<string[]> {
  return (await readFile(world.appLog, "utf8")).split("\n").filter((line) => line !== "");
}

/** Collects every output channel of a run while its world is still open. */
export async function foremanOutputs(world: World): Promise<Outputs> {
  return {
    comments: comments(world),
    "pull requests": pullRequests(world),
    reviews: reviews(world),
    "check runs": checkRuns(world),
    commits: await commits(world),
    "app log": await appLog(world),
  };
}

/** What every model request showed the model, one text per request. */
export function promptTexts(world: World): string[] {
  return (world.model?.requests() ?? []).map(
    (request) => `[${request.role ?? "?"}] ${request.messages.map((message) => message.content).join("\n")}`,
  );
}

/** `channel: needle` for every needle found in a channel, with a little context to debug it. */
export function leaksIn(outputs: Outputs, needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const [channel, texts] of Object.entries(outputs)) {
    for (const needle of needles) {
      const text = texts.find((candidate) => candidate.includes(needle));
      if (text === undefined) continue;
      const at = text.indexOf(needle);
      found.push(`${channel}: ${JSON.stringify(needle)} in …${text.slice(Math.max(0, at - 80), at + needle.length + 40)}…`);
    }
  }
  return found;
}

/**
 * Foreman's own credentials: the webhook secret, the model key and the App private key as the
 * runner passed them to the app process (each line of the key's PEM body, so a partial leak
 * counts), read from the process's environment, which only its owner may read; and every
 * installation token the sandbox GitHub issued to the app.
 */
export async function appCredentials(world: World): Promise<string[]> {
  const pid = world.appProcess.child.pid;
  const environ = await readFile(`/proc/${pid}/environ`, "utf8");
  const env = new Map(
    environ.split("\0").map((entry) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)] as const),
  );
  const privateKey = env.get("PRIVATE_KEY") ?? "";
  const keyLines = privateKey.split(/\\n|\n/).filter((line) => line.length >= 32 && !line.startsWith("-----"));
  const installationTokens = [...world.github.store.tokens].filter(([, grant]) => grant.kind === "installation").map(([token]) => token);
  const secrets = [env.get("WEBHOOK_SECRET") ?? "", env.get("FOREMAN_LLM_API_KEY") ?? "", ...keyLines, ...installationTokens];
  if (keyLines.length === 0 || installationTokens.length === 0 || secrets.some((secret) => secret.length < 16)) {
    throw new Error("could not read the app's credentials from its environment");
  }
  return secrets;
}
