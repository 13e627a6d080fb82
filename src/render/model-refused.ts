import { codeSpan } from "./code-span.ts";
import { markdown, neutralizeMarkdown, type SafeMarkdown } from "./neutralize-markdown.ts";

/** One provider's refusal of Foreman's key or of the model it asked for (the port's `ModelRefusal`). */
export interface RefusalView {
  provider: string;
  keyVariable: string;
  status: number;
  kind: "unauthorized" | "model_not_found";
  model: string;
}

/**
 * Where the refused model was chosen: a key of `.github/foreman.yml` (`models.planner`), or null when
 * the installation chose it (`FOREMAN_DEFAULT_MODEL`, or the provider's own `models`).
 */
export type ModelSetting = string | null;

function keyFix(refusal: RefusalView): string {
  return (
    `provider ${codeSpan(refusal.provider)} refused Foreman's key (HTTP ${refusal.status}). ` +
    `The operator must set ${codeSpan(refusal.keyVariable)} to a valid key for that endpoint ` +
    "(`FOREMAN_LLM_API_KEY`, or the variable the provider names in `FOREMAN_PROVIDERS`) and restart Foreman."
  );
}

function modelFix(refusal: RefusalView, setting: ModelSetting): string {
  const where =
    setting === null
      ? "The installation chose it (`FOREMAN_DEFAULT_MODEL`, or the provider's `models` in `FOREMAN_PROVIDERS`): the operator must name a model the endpoint serves there and restart Foreman"
      : `It was chosen by ${codeSpan(setting)} in \`.github/foreman.yml\`: name a model the endpoint serves there, or remove the key to use the installation's default`;
  return (
    `provider ${codeSpan(refusal.provider)} does not know the model ${codeSpan(refusal.model)} (HTTP ${refusal.status}). ${where}. ` +
    "If the model is right, the endpoint's address may not be (`FOREMAN_LLM_BASE_URL`, or the provider's `baseUrl`)."
  );
}

/**
 * Why a role's model call was refused, and what must change: the key (which variable) or the model
 * (which setting). Kept as the workflow's or the task's failure and neutralised where it is posted.
 */
export function modelRefusedText(role: string, refusals: readonly RefusalView[], setting: ModelSetting): string {
  const lines = refusals.map((refusal) => `- ${refusal.kind === "unauthorized" ? keyFix(refusal) : modelFix(refusal, setting)}`);
  return [`The model endpoint refused the ${role}'s call, so the work cannot go on until this is fixed:`, ...lines].join("\n");
}

/** The comment on the issue for a refused call of a task's agent (its escalation is on the pull request). */
export function renderModelRefused(text: string): SafeMarkdown {
  return markdown`${neutralizeMarkdown(text)}

Once it is fixed, a writer can comment \`/retry\` on this issue to go on.`;
}
