import type { RunView } from "../run-view.ts";
import { checkApproval } from "./g1-approval.ts";
import { checkHumanCommits } from "./g2-human-commits.ts";
import { checkDefaultBranch } from "./g3-default-branch.ts";
import { checkMergeability } from "./g4-mergeability.ts";
import { checkModelCalls } from "./g5-model-calls.ts";
import { checkStopping } from "./g6-stopping.ts";
import { checkSecrets, checkTexts } from "./g7-texts.ts";
import { checkAtRest } from "./g8-at-rest.ts";
import type { Check, CheckContext, CheckOutcome } from "./outcome.ts";

const CHECKS: Check[] = [
  checkApproval,
  checkHumanCommits,
  checkDefaultBranch,
  checkMergeability,
  checkModelCalls,
  checkStopping,
  checkTexts,
  checkSecrets,
  checkAtRest,
];

/** Every guarantee checked on one finished run; a check that throws counts as a violation of its own guarantee. */
export async function runChecks(view: RunView, context: CheckContext): Promise<CheckOutcome[]> {
  const outcomes: CheckOutcome[] = [];
  for (const [index, check] of CHECKS.entries()) {
    try {
      outcomes.push(await check(view, context));
    } catch (error) {
      const guarantee = (["G1", "G2", "G3", "G4", "G5", "G6", "G7", "G7b", "G8"] as const)[index] ?? "G8";
      outcomes.push({
        guarantee,
        checked: true,
        violations: [`the check failed: ${error instanceof Error ? error.message : String(error)}`],
      });
    }
  }
  return outcomes;
}

export { GUARANTEES, type CheckOutcome, type Guarantee, type RoleCounts } from "./outcome.ts";
export { paidRequests } from "./g5-model-calls.ts";
export { closingKeywords, liveMentions, secretsIn } from "./text-scan.ts";
