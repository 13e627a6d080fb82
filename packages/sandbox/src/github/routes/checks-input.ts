import { z } from "zod";
import { ApiError } from "../errors.ts";
import type { Annotation, CheckConclusion, CheckRun, CheckStatus } from "../state/types.ts";

/** GitHub takes at most 50 annotations per create or update request. */
const MAX_ANNOTATIONS_PER_REQUEST = 50;

const AnnotationInput = z.looseObject({
  path: z.string(),
  start_line: z.number().int(),
  end_line: z.number().int(),
  annotation_level: z.enum(["notice", "warning", "failure"]),
  message: z.string(),
  title: z.string().optional(),
});

const OutputInput = z.looseObject({
  title: z.string(),
  summary: z.string(),
  text: z.string().optional(),
  annotations: z.array(AnnotationInput).optional(),
});

const CheckRunBody = z.looseObject({
  name: z.string().optional(),
  head_sha: z.string().optional(),
  details_url: z.string().optional(),
  external_id: z.string().optional(),
  status: z.enum(["queued", "in_progress", "completed", "waiting", "requested", "pending"]).optional(),
  conclusion: z.enum(["action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"]).optional(),
  started_at: z.string().optional(),
  completed_at: z.string().optional(),
  output: OutputInput.optional(),
});

export type CheckRunBody = z.infer<typeof CheckRunBody>;

export function parseCheckRunBody(body: unknown): CheckRunBody {
  const parsed = CheckRunBody.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `For '${issue.path.join("/")}', ${issue.message}.`).join("\n");
    throw new ApiError(422, `Invalid request.\n\n${details}`);
  }
  return parsed.data;
}

/** GitHub's timestamps: ISO 8601 in UTC without milliseconds. */
function normalizeTime(value: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new ApiError(422, `Invalid request.\n\nInvalid value for timestamp: "${value}".`);
  return time.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface LifecycleChange {
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  completedAt: string | null;
  /** The request completed the run (a conclusion was set), so `check_run.completed` is due. */
  completes: boolean;
}

/**
 * Applies GitHub's rules for status and conclusion: a conclusion implies `completed`; a
 * `completed` status or a `completed_at` needs a conclusion; only GitHub sets `stale`.
 */
export function lifecycleOf(
  body: CheckRunBody,
  current: Pick<CheckRun, "status" | "conclusion" | "completedAt"> | null,
  now: string,
): LifecycleChange {
  if (body.conclusion === "stale") throw new ApiError(422, "Invalid request.\n\nOnly GitHub can set a conclusion of stale.");
  const conclusion = body.conclusion ?? null;
  if (conclusion === null && (body.status === "completed" || body.completed_at !== undefined)) {
    throw new ApiError(422, `Invalid request.\n\n"conclusion" wasn't supplied.`);
  }
  if (conclusion !== null) {
    const completedAt = body.completed_at ? normalizeTime(body.completed_at) : now;
    return { status: "completed", conclusion, completedAt, completes: true };
  }
  if (body.status !== undefined) return { status: body.status, conclusion: null, completedAt: null, completes: false };
  return {
    status: current?.status ?? "queued",
    conclusion: current?.conclusion ?? null,
    completedAt: current?.completedAt ?? null,
    completes: false,
  };
}

export function startedAtOf(body: CheckRunBody, fallback: string): string {
  return body.started_at ? normalizeTime(body.started_at) : fallback;
}

export function annotationsOf(body: CheckRunBody): Annotation[] {
  const input = body.output?.annotations ?? [];
  if (input.length > MAX_ANNOTATIONS_PER_REQUEST) {
    throw new ApiError(422, `Invalid request.\n\nOnly ${MAX_ANNOTATIONS_PER_REQUEST} annotations may be sent in one request.`);
  }
  return input.map((annotation) => ({
    path: annotation.path,
    startLine: annotation.start_line,
    endLine: annotation.end_line,
    level: annotation.annotation_level,
    message: annotation.message,
    title: annotation.title ?? null,
  }));
}
