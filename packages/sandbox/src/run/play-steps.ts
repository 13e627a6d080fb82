import { setTimeout as sleep } from "node:timers/promises";
import type { ScenarioStep } from "../scenario/index.ts";
import { performStep } from "./actions.ts";
import { conditionHolds } from "./conditions.ts";
import { waitFor } from "./wait-for.ts";
import type { World } from "./world.ts";

export interface StepPlayer {
  /** The run's deadline: no step waits past it. */
  deadline: number;
  /** Called on every poll while a step waits: the run's monitor (timeline, idle rule). */
  poll: () => void;
  /** Adds a line to the run's timeline. */
  note: (line: string) => void;
  /** Runs before each step's action, once its `when` held. */
  beforeStep?: (world: World, index: number) => void | Promise<void>;
  /** True once the run has been quiet so long that no condition comes true by itself: an optional step stops waiting. */
  stalled?: () => boolean;
}

const RETRIES = 8;
const RETRY_MS = 500;

function describeStep(step: ScenarioStep): string {
  if (step.label) return `adds label "${step.label}"`;
  if (step.comment) return `comments "${step.comment.body}"${step.comment.on === "issue" ? "" : ` on task ${step.comment.on.task}'s PR`}`;
  if (step.push) return `pushes a commit to ${step.push.task ? `task ${step.push.task}'s branch` : step.push.branch}`;
  if (step.editComment) return `edits a comment to "${step.editComment.body}"`;
  if (step.review) return `reviews task ${step.review.task}'s PR (${step.review.event})`;
  if (step.close) return `closes ${step.close.on === "issue" ? "the issue" : `task ${step.close.on.task}'s PR`}`;
  if (step.reopen) return `reopens ${step.reopen.on === "issue" ? "the issue" : `task ${step.reopen.on.task}'s PR`}`;
  return step.unlabel ? `removes label "${step.unlabel}"` : "waits";
}

/** A GitHub answer a person would simply try again: a server error or a rate limit (injected faults hit the humans' calls too). */
function worthRetrying(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("status" in error)) return false;
  const status = Number(error.status);
  if (status >= 500 || status === 429) return true;
  if (status !== 403 || !("response" in error)) return false;
  const headers = (error.response as { headers?: Record<string, string | undefined> } | undefined)?.headers ?? {};
  return headers["retry-after"] !== undefined || headers["x-ratelimit-remaining"] === "0";
}

async function performWithRetries(world: World, step: ScenarioStep): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await performStep(world, step);
      return;
    } catch (error) {
      if (attempt >= RETRIES || !worthRetrying(error)) throw error;
      await sleep(RETRY_MS);
    }
  }
}

/** Waits for a step's `when`, within its own `timeoutSeconds` when it has one; a problem in words when it never held. */
async function awaitCondition(world: World, step: ScenarioStep, name: string, player: StepPlayer): Promise<string | null> {
  const when = step.when;
  if (!when) return null;
  const stepDeadline =
    when.timeoutSeconds === undefined ? player.deadline : Math.min(player.deadline, Date.now() + when.timeoutSeconds * 1000);
  let stalled = false;
  const held = await waitFor(() => {
    player.poll();
    if (conditionHolds(world, when)) return true;
    stalled = step.optional === true && player.stalled?.() === true;
    return stalled;
  }, stepDeadline);
  return held && !stalled ? null : `${name}: its condition never held (${JSON.stringify(when)})`;
}

/** A refusal an optional step is skipped for: GitHub answered 4xx, or the step's target does not exist yet. */
function skippable(error: unknown): boolean {
  if (error instanceof Error && error.name === "StepError") return true;
  if (typeof error !== "object" || error === null || !("status" in error)) return false;
  const status = Number(error.status);
  return status >= 400 && status < 500;
}

/** Plays the scenario's steps in order, as the humans would; the problems that stopped it (empty when every step ran). */
export async function playSteps(world: World, player: StepPlayer): Promise<string[]> {
  for (const [index, step] of world.scenario.steps.entries()) {
    const name = step.name ?? `steps[${index}]`;
    const problem = await awaitCondition(world, step, name, player);
    if (problem && step.optional) {
      player.note(`skips ${name}: its condition did not hold`);
      continue;
    }
    if (problem) return [problem];
    await player.beforeStep?.(world, index);
    if (step.wait) {
      player.note(`waits ${step.wait.seconds} s`);
      const until = Math.min(player.deadline, Date.now() + step.wait.seconds * 1000);
      await waitFor(() => {
        player.poll();
        return false;
      }, until);
      continue;
    }
    if (!step.as) continue;
    player.note(`${step.as} → ${describeStep(step)}`);
    try {
      await performWithRetries(world, step);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (step.optional && skippable(error)) {
        player.note(`skips ${name}: ${message}`);
        continue;
      }
      return [`${name}: ${message}`];
    }
  }
  return [];
}
