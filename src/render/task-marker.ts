import { z } from "zod";
import { TaskId } from "../plan/plan.ts";
import { InvalidTaskReferenceError } from "./errors.ts";

const IssueNumber = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const TaskMarker = z.object({ issue: IssueNumber, task: TaskId, attempt: IssueNumber }).strict();
/** Which issue, task and attempt a pull request belongs to. */
export type TaskMarker = z.infer<typeof TaskMarker>;

const Envelope = TaskMarker.extend({ v: z.literal(1) }).strict();
const MARKER = /<!-- foreman:task (\{[^<>\n]*\}) -->/g;

/** `<!-- foreman:task {"v":1,"issue":12,"task":"a","attempt":1} -->`, for the PR body. */
export function taskMarker(marker: TaskMarker): string {
  const parsed = TaskMarker.safeParse(marker);
  if (!parsed.success) throw new InvalidTaskReferenceError(`invalid task marker ${JSON.stringify(marker)}`);
  const { issue, task, attempt } = parsed.data;
  return `<!-- foreman:task ${JSON.stringify({ v: 1, issue, task, attempt })} -->`;
}

/** The last task marker in a PR body, or null when there is none that reads. */
export function parseTaskMarker(body: string): TaskMarker | null {
  const json = [...body.matchAll(MARKER)].at(-1)?.[1];
  if (json === undefined) return null;
  try {
    const envelope = Envelope.safeParse(JSON.parse(json));
    if (!envelope.success) return null;
    const { issue, task, attempt } = envelope.data;
    return { issue, task, attempt };
  } catch {
    return null;
  }
}
