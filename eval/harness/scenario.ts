/**
 * An instance as a sandbox scenario: the repository at its base commit with its visible CI and
 * Foreman's config for the run, the problem statement filed as an issue by a maintainer who labels
 * it, and the scripted model's answers for a reference agent (none for a real model). The hidden
 * tests are not in it: they stay on the harness's side.
 */
import { parseScenario, type Scenario } from "@foreman/sandbox";
import { stringify } from "yaml";
import { scriptedAnswers, type PlanMode, type ScriptedAgent } from "./agents.ts";
import type { Instance } from "./instance.ts";

export const MAINTAINER = "maintainer";

export interface RunSettings {
  /** `model`: a real endpoint answers; otherwise the named scripted agent. */
  agent: ScriptedAgent | "model";
  plan: PlanMode;
  tools: boolean;
  checks: boolean;
  timeoutSeconds: number;
  tokensPerIssue?: number | undefined;
  costPerIssueUsd?: number | undefined;
  /** Models by role (`default`, `coder` …) for a real endpoint: the repository config's `models`. */
  models?: Record<string, string> | undefined;
}

/** The repository's `.github/foreman.yml` for a run: the plan approved by the maintainer covers its tasks. */
function runConfig(instance: Instance, settings: RunSettings): Record<string, unknown> {
  const limits = {
    ...(settings.plan === "single" ? { tasksPerPlan: 1 } : {}),
    ...(settings.tokensPerIssue ? { tokensPerIssue: settings.tokensPerIssue } : {}),
    ...(settings.costPerIssueUsd ? { costPerIssueUsd: settings.costPerIssueUsd } : {}),
  };
  const commands = Object.fromEntries(instance.ci.map((job) => [job.name.toLowerCase().replace(/[^a-z0-9_-]/g, "-"), job.run]));
  return {
    planApproval: "manual",
    approval: { tasks: "plan" },
    agents: { tools: settings.tools },
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    ...(settings.checks ? { checks: { commands } } : {}),
    ...(settings.models && Object.keys(settings.models).length > 0 ? { models: settings.models } : {}),
  };
}

/** The scenario one run of `instance` plays; checked as a scenario file would be. */
export function instanceScenario(instance: Instance, settings: RunSettings): Scenario {
  const text = stringify({
    name: `eval: ${instance.id}`,
    repository: {
      owner: "eval",
      name: instance.id,
      files: { "README.md": "placeholder\n" },
      ci: instance.ci,
      config: runConfig(instance, settings),
    },
    actors: [{ login: MAINTAINER, permission: "admin" }],
    issue: { author: MAINTAINER, title: instance.title, body: instance.problem },
    steps: [{ name: "label the issue", as: MAINTAINER, label: "foreman" }],
    ...(settings.agent === "model" ? {} : { model: { answers: scriptedAnswers(instance, settings.agent, settings.plan) } }),
    timeoutSeconds: settings.timeoutSeconds,
  });
  const scenario = parseScenario(text, { baseDir: instance.dir, fileName: `${instance.id}.yml` });
  return { ...scenario, repository: { ...scenario.repository, files: instance.base } };
}
