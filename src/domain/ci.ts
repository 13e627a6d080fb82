/**
 * Conclusions of a check run or a workflow run that let a change through, as GitHub counts them
 * for required checks: a neutral or skipped check passes; anything else that completed fails.
 */
const PASSING_CONCLUSIONS: ReadonlySet<string> = new Set(["success", "neutral", "skipped"]);

/** Whether a completed check or run passed; a missing conclusion does not. */
export function isPassingConclusion(conclusion: string | null | undefined): boolean {
  return conclusion !== null && conclusion !== undefined && PASSING_CONCLUSIONS.has(conclusion);
}
