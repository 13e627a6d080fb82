import { z } from "zod";
import { ScenarioExpectation } from "./expectation.ts";
import { GitHubSandboxOptions } from "./github-faults.ts";
import { ModelScript } from "./model-script.ts";
import { Actor, ExtraRepository, ScenarioIssue, ScenarioRepository } from "./repository.ts";
import { ScenarioStep } from "./steps.ts";

/** One complete sandbox run: a repository, the people, an issue, what they do, and what must follow. */
export const Scenario = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  repository: ScenarioRepository,
  /** Other repositories on the sandbox GitHub: the organisation's `.github` repository, an `_extends` target. */
  extraRepositories: z.array(ExtraRepository).default([]),
  actors: z.array(Actor).min(1),
  issue: ScenarioIssue,
  /** What the humans do, in order. */
  steps: z.array(ScenarioStep).default([]),
  model: ModelScript.prefault({}),
  github: GitHubSandboxOptions.prefault({}),
  expect: ScenarioExpectation.prefault({}),
  /** The whole run must finish within this time. */
  timeoutSeconds: z.int().min(1).max(3600).default(300),
});
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;
