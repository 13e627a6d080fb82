import type { Dice } from "./dice.ts";
import type { ExploreTask, ScheduleItem } from "./schedule.ts";

/** Writes that a fault answers 502 after GitHub performed them: the client cannot tell it happened. */
const AMBIGUOUS_WRITES = [
  "git/create-ref",
  "git/update-ref",
  "git/create-commit",
  "pulls/create",
  "pulls/merge",
  "pulls/update",
  "pulls/update-branch",
  "issues/create-comment",
  "issues/update-comment",
  "issues/update",
  "checks/create",
  "checks/update",
  "pulls/create-review",
] as const;

/** Webhook deliveries worth losing one of: commands, pushes, CI results, merges, closes. */
const KEY_DELIVERIES = [
  "issue_comment.created@sam#1",
  "issue_comment.created@maya#1",
  "issue_comment.created#2",
  "issue_comment.created#3",
  "push#2",
  "push#3",
  "pull_request.synchronize#1",
  "check_suite.completed#1",
  "check_suite.completed#2",
  "pull_request_review.submitted#1",
  "pull_request.closed#1",
  "issues.closed#1",
  "issues.labeled#1",
] as const;

/** GitHub losing, repeating, holding back or delaying webhook deliveries. */
export function webhookItem(dice: Dice): ScheduleItem {
  const seed = dice.int(1, 10_000);
  if (dice.chance(0.3)) {
    const drop = [dice.pick(KEY_DELIVERIES)];
    return { kind: "webhooks", what: `webhooks: ${drop.join(", ")} never arrives`, faults: { drop } };
  }
  const level = (): number => dice.pick([0, 0, 0.15, 0.3]);
  let faults = { duplicate: level(), reorder: level(), drop: dice.pick([0, 0, 0.1, 0.2]) };
  if (faults.duplicate + faults.reorder + faults.drop === 0) faults = { ...faults, reorder: 0.3 };
  const what = Object.entries(faults)
    .filter(([, p]) => p > 0)
    .map(([kind, p]) => `${kind} ${Math.round(p * 100)}%`)
    .join(", ");
  return { kind: "webhooks", what: `webhooks: ${what} (seed ${seed})`, faults: { ...faults, seed } };
}

/** GitHub failing a call: after the write, a 5xx, a rate limit, or latency. */
export function githubItem(dice: Dice): ScheduleItem {
  const seed = dice.int(1, 10_000);
  switch (dice.weighted({ afterWrite: 5, serverError: 2, rateLimit: 2, latency: 1 })) {
    case "afterWrite": {
      const operationId = dice.pick(AMBIGUOUS_WRITES);
      const nth = dice.int(1, 3);
      return {
        kind: "github",
        what: `GitHub: ${operationId} #${nth} is done, then answered 502`,
        fault: { kind: "server_error_after_write", on: { operationId, nth } },
      };
    }
    case "serverError":
      return {
        kind: "github",
        what: `GitHub: 4% of calls answer 500 (seed ${seed})`,
        fault: { kind: "server_error", on: { probability: 0.04, seed } },
      };
    case "rateLimit":
      return {
        kind: "github",
        what: `GitHub: 4% of calls hit a secondary rate limit (seed ${seed})`,
        fault: { kind: "secondary_rate_limit", on: { probability: 0.04, seed }, retryAfterSeconds: 1 },
      };
    default:
      return {
        kind: "github",
        what: `GitHub: 30% of calls take 150 ms longer (seed ${seed})`,
        fault: { kind: "latency", on: { probability: 0.3, seed }, ms: 150 },
      };
  }
}

/** The model failing a request (no answer, so nothing paid); with `hostile`, also answers that are not JSON and quote a mention. */
export function modelItem(dice: Dice, hostile: boolean): ScheduleItem {
  const nth = dice.int(1, 5);
  const kinds = hostile
    ? { serverError: 3, rateLimit: 2, timeout: 2, badCoder: 2, badPlanner: 1 }
    : { serverError: 3, rateLimit: 2, timeout: 2 };
  switch (dice.weighted<string>(kinds)) {
    case "serverError":
      return { kind: "model", what: `model: request #${nth} answers 500`, fault: { kind: "server_error", on: { nth } } };
    case "rateLimit":
      return {
        kind: "model",
        what: `model: request #${nth} answers 429`,
        fault: { kind: "rate_limit", on: { nth }, retryAfterSeconds: 1 },
      };
    case "timeout":
      return {
        kind: "model",
        what: "model: the first coder request hangs 1.5 s, then the connection closes",
        fault: { kind: "timeout", on: { role: "coder", nth: 1 }, delayMs: 1500 },
      };
    case "badCoder":
      return {
        kind: "model",
        what: "model: the coder answers twice with text that is not JSON and mentions @octocat",
        fault: {
          kind: "malformed_json",
          on: { role: "coder", nth: 1, times: 2 },
          content: '@octocat asked for this, it fixes #1: {"edits": [',
        },
      };
    default:
      return {
        kind: "model",
        what: "model: the planner answers twice with text that is not JSON and mentions @acme/owners",
        fault: {
          kind: "malformed_json",
          on: { role: "planner", nth: 1, times: 2 },
          content: '@acme/owners asked for this plan, closes #1: {"tasks": [',
        },
      };
  }
}

/** A token in GitHub's personal access token format; no real token. */
export const FAKE_TOKEN = `ghp_${"Zx9".repeat(12)}`;

/** A coder answer, used once before the plan's own, that writes a token into the task's source file. */
export function secretAnswerItem(task: ExploreTask): ScheduleItem {
  const edits = Object.entries(task.creates).map(([path, content]) => ({
    path,
    action: "create",
    content: path.startsWith("src/") ? `${content}\nexport const TOKEN = "${FAKE_TOKEN}";\n` : content,
  }));
  return {
    kind: "answer",
    what: `the coder puts a ghp_ token into ${task.id}'s source file once`,
    answer: { role: "coder", match: { contains: `### ${task.id}:` }, times: 1, content: { summary: `Implements ${task.id}.`, edits } },
  };
}
