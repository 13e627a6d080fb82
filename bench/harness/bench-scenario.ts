import { fileURLToPath } from "node:url";
import { GitHubSandboxOptions, loadScenario, ModelFault, type ModelFaultInput, type Scenario } from "@foreman/sandbox";

const DEMO_SCENARIO = fileURLToPath(new URL("../../demo/scenarios/three-task-feature.yml", import.meta.url));

/**
 * The demo scenario, made fit to be interrupted: a job that runs again after a crash may ask the
 * model again, so every scripted answer serves any number of requests.
 */
export async function loadBenchScenario(path = DEMO_SCENARIO): Promise<Scenario> {
  const scenario = await loadScenario(path);
  return {
    ...scenario,
    model: { ...scenario.model, answers: scenario.model.answers.map((answer) => ({ ...answer, times: 0, repeat: false })), faults: [] },
    github: { faults: [], webhooks: undefined },
    expect: { ...scenario.expect, model: { unmatched: 0 }, gitDataWritesPerTask: undefined },
    timeoutSeconds: 240,
  };
}

export interface FaultPlan {
  github?: Array<Record<string, unknown>>;
  webhooks?: Record<string, unknown>;
  model?: ModelFaultInput[];
}

/** The scenario with faults injected, checked by the scenario's own schemas. */
export function withFaults(scenario: Scenario, plan: FaultPlan): Scenario {
  const github = GitHubSandboxOptions.parse({ faults: plan.github ?? [], ...(plan.webhooks ? { webhooks: plan.webhooks } : {}) });
  return { ...scenario, github, model: { ...scenario.model, faults: (plan.model ?? []).map((fault) => ModelFault.parse(fault)) } };
}
