import { redactText } from "../policy/sanitize.ts";
import type { Diagnosis } from "./types.ts";

/** How many of the debugger's verdicts a task keeps, the newest: enough to see what was tried, small in the status snapshot. */
export const KEPT_DIAGNOSES = 3;
/** A kept diagnosis is cut to this length. */
export const KEPT_DIAGNOSIS_CHARS = 500;

function shortened(text: string): string {
  if (text.length <= KEPT_DIAGNOSIS_CHARS) return text;
  const cut = /[\uD800-\uDBFF]$/.test(text.slice(0, KEPT_DIAGNOSIS_CHARS - 1)) ? KEPT_DIAGNOSIS_CHARS - 2 : KEPT_DIAGNOSIS_CHARS - 1;
  return `${text.slice(0, cut)}…`;
}

/** The task's kept diagnoses with a new verdict added: redacted, shortened, only the last `KEPT_DIAGNOSES`. */
export function withDiagnosis(kept: readonly Diagnosis[], classification: string, diagnosis: string): Diagnosis[] {
  const added = { classification, diagnosis: shortened(redactText(diagnosis.trim())) };
  return [...kept, added].slice(-KEPT_DIAGNOSES);
}
