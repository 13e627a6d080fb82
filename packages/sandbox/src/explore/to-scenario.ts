import { Scenario, type GitHubFault, type ModelFaultInput, type ScriptedAnswerInput } from "../scenario/index.ts";
import { EXPLORE_ACTORS } from "./moves.ts";
import { activeItems, describeSchedule, type ExplorePlan, type ExploreRepository, type Schedule } from "./schedule.ts";

/** How long a run may take before it counts as never at rest (G8); generous, a run takes 5 to 60 s. */
export const RUN_TIMEOUT_SECONDS = 120;

/** Quiet long enough for the app's reconciler to feed in a lost webhook (it looks every 2 s), so a quiet run is at rest. */
const QUIET_SECONDS = 3;

export interface ScenarioSetup {
  repository: ExploreRepository;
  plans: readonly ExplorePlan[];
  label: string;
}

function appConfig(schedule: Schedule, label: string): Record<string, unknown> {
  const { config } = schedule;
  return {
    label,
    planApproval: config.planApproval,
    maxParallelTasks: 3,
    qa: { maxFixAttempts: 1, review: { enabled: config.review, maxRounds: 1 } },
  };
}

function withCoderDelay(answers: readonly ScriptedAnswerInput[], delayMs: number): ScriptedAnswerInput[] {
  return answers.map((answer) => ((answer.role ?? answer.match?.role) === "coder" ? { ...answer, delayMs } : answer));
}

/**
 * The schedule as a scenario the one driver plays: the repository and its config, the people, the
 * issue, the steps (the label first, then every item's steps), the model with its faults, and
 * GitHub's faults. Its YAML replays the schedule with `npm run demo -- --scenario`.
 */
export function scheduleScenario(schedule: Schedule, setup: ScenarioSetup): Scenario {
  const plan = setup.plans.find((candidate) => candidate.name === schedule.plan);
  if (!plan) throw new Error(`no plan ${schedule.plan}`);
  const items = activeItems(schedule).map(({ item }) => item);
  const extraAnswers = items.flatMap((item) => (item.kind === "answer" ? [item.answer] : []));
  const modelFaults: ModelFaultInput[] = items.flatMap((item) => (item.kind === "model" ? [item.fault] : []));
  const githubFaults: GitHubFault[] = items.flatMap((item) => (item.kind === "github" ? [item.fault] : []));
  const webhooks = items.find((item) => item.kind === "webhooks");
  const { repository } = setup;
  return Scenario.parse({
    name: `interleavings, seed ${schedule.seed}`,
    description: describeSchedule(schedule).join("\n"),
    repository: {
      owner: repository.owner,
      name: repository.name,
      files: repository.files,
      ci: repository.ci,
      mergeQueue: schedule.config.mergeQueue,
      config: appConfig(schedule, setup.label),
    },
    actors: EXPLORE_ACTORS,
    issue: { author: "maya", title: plan.issue.title, body: plan.issue.body },
    steps: [{ name: "start", as: "maya", label: setup.label }, ...items.flatMap((item) => (item.kind === "steps" ? item.steps : []))],
    model: { answers: withCoderDelay([...extraAnswers, ...plan.answers], schedule.config.coderDelayMs), faults: modelFaults },
    github: { faults: githubFaults, ...(webhooks?.kind === "webhooks" ? { webhooks: webhooks.faults } : {}) },
    expect: { quietSeconds: QUIET_SECONDS },
    timeoutSeconds: RUN_TIMEOUT_SECONDS,
  });
}
