import type { z } from "zod";
import { ApiError } from "../errors.ts";
import { GitError } from "../git/errors.ts";

/** Reads a request body the dispatcher already checked against GitHub's schema. */
export function readBody<T>(schema: z.ZodType<T>, body: Record<string, unknown>): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new ApiError(422, `Invalid request.\n\n${details}`);
}

/**
 * Runs git work and turns the backend's typed failures into GitHub's answers: `answer` maps the
 * ones the route expects; any other error propagates (and becomes a 500).
 */
export async function gitCall<T>(work: () => Promise<T>, answer: (error: GitError) => ApiError | undefined): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const mapped = error instanceof GitError ? answer(error) : undefined;
    if (mapped) throw mapped;
    throw error;
  }
}

export const unprocessable = (message: string): ApiError => new ApiError(422, message);
