/**
 * The scaling scenarios, generated: N independent tasks, each creating its own module with a
 * passing test, planned without approval (`planApproval: auto`) and each approved with `/approve`
 * once its CI is green, against a scripted model that takes `modelDelayMs` for every answer.
 */
import { fileURLToPath } from "node:url";
import { parseScenario, type Scenario, type ScriptedAnswerInput } from "@foreman/sandbox";
import { stringify } from "yaml";

export interface ScalingOptions {
  /** How long the scripted model takes to answer, every answer. */
  modelDelayMs: number;
  /** false: no task is approved, so the run ends with every task open and ready for `/approve` (the memory bench's workflow). */
  approve: boolean;
}

const AUTHOR = "maya";

/** The demo's template repository (`src/sum.js` and its test), which the scenario's `template` is relative to. */
const SCENARIO_DIR = fileURLToPath(new URL("../../demo/scenarios/", import.meta.url));

/** The id of task `index` (from 1): `add-1`, `add-2`, … */
export const taskIdOf = (index: number): string => `add-${index}`;

const indexes = (count: number): number[] => Array.from({ length: count }, (_, index) => index + 1);

/** A task of the plan, as the planner answers it. */
type PlannedTask = {
  id: string;
  title: string;
  description: string;
  files: { path: string; action: "create" }[];
  dependsOn: string[];
  acceptanceCriteria: string[];
  risk: "low";
};

function plannedTask(index: number): PlannedTask {
  return {
    id: taskIdOf(index),
    title: `Add add${index}()`,
    description: `Add \`add${index}(value)\` in \`src/add${index}.js\`, returning the value plus ${index}, with a test.`,
    files: [
      { path: `src/add${index}.js`, action: "create" },
      { path: `test/add${index}.test.js`, action: "create" },
    ],
    dependsOn: [],
    acceptanceCriteria: [`add${index}(1) is ${1 + index}`],
    risk: "low",
  };
}

function coderAnswer(index: number, delayMs: number): ScriptedAnswerInput {
  const name = `add${index}`;
  const test = [
    'import assert from "node:assert/strict";',
    'import { test } from "node:test";',
    `import { ${name} } from "../src/${name}.js";`,
    "",
    `test("adds ${index}", () => {`,
    `  assert.equal(${name}(1), ${1 + index});`,
    "});",
    "",
  ].join("\n");
  return {
    role: "coder",
    match: { contains: `### ${taskIdOf(index)}:` },
    delayMs,
    usage: { prompt_tokens: 900, completion_tokens: 120 },
    content: {
      summary: `Adds ${name}() with a test.`,
      edits: [
        {
          path: `src/${name}.js`,
          action: "create",
          content: `/** The value plus ${index}. */\nexport function ${name}(value) {\n  return value + ${index};\n}\n`,
        },
        { path: `test/${name}.test.js`, action: "create", content: test },
      ],
    },
  };
}

/** The model's answers: the engineer's brief, a plan of `count` independent tasks, one coder answer a task, the reviewer's approval (repeated). */
function scalingAnswers(count: number, delayMs: number): ScriptedAnswerInput[] {
  return [
    {
      role: "reviewer",
      repeat: true,
      delayMs,
      usage: { prompt_tokens: 800, completion_tokens: 60 },
      content: { verdict: "approve", summary: "The change does what the task asks and is tested.", findings: [] },
    },
    {
      role: "engineer",
      delayMs,
      usage: { prompt_tokens: 1200, completion_tokens: 120 },
      content: { decision: "proceed", brief: `Add ${count} independent functions add1 … add${count}, each in its own module with a test.` },
    },
    {
      role: "planner",
      delayMs,
      usage: { prompt_tokens: 1500, completion_tokens: 100 + 80 * count },
      content: { summary: `${count} independent functions.`, tasks: indexes(count).map(plannedTask) },
    },
    ...indexes(count).map((index) => coderAnswer(index, delayMs)),
  ];
}

/** The maintainer's steps: the label, then (when approving) each task's `/approve` once its CI is green. */
function steps(count: number, approve: boolean): Record<string, unknown>[] {
  const label = { name: "start", as: AUTHOR, label: "foreman" };
  if (!approve) return [label];
  return [
    label,
    ...indexes(count).map((index) => ({
      name: `approve ${taskIdOf(index)}`,
      as: AUTHOR,
      when: { pullRequest: { task: taskIdOf(index), checks: "success" } },
      comment: { on: { task: taskIdOf(index) }, body: "/approve" },
    })),
  ];
}

function expectations(count: number, approve: boolean): Record<string, unknown> {
  const ids = indexes(count).map(taskIdOf);
  const common = { model: { unmatched: 0 }, sandbox: { rejectedCalls: 0 } };
  if (approve) return { ...common, issue: { state: "closed" }, pullRequests: { merged: ids, count } };
  return {
    ...common,
    issue: { state: "open" },
    pullRequests: { open: ids, count },
    tasks: ids.map((id) => ({ id, statusLine: "ready for `/approve`" })),
  };
}

/** The scenario as a scenario file would hold it, before it is checked. */
export function scalingScenarioInput(count: number, options: ScalingOptions): Record<string, unknown> {
  if (!Number.isInteger(count) || count < 1 || count > 10)
    throw new RangeError(`a scaling scenario has 1 to 10 tasks (maxParallelTasks allows 10), not ${count}`);
  return {
    name: `throughput: ${count} independent task${count === 1 ? "" : "s"}${options.approve ? "" : ", left for /approve"}`,
    repository: {
      owner: "acme",
      name: "stats",
      template: "../templates/stats",
      ci: [{ name: "test", run: "node --test", timeoutSeconds: 120 }],
      mergeQueue: false,
      config: { planApproval: "auto", maxParallelTasks: count, limits: { tasksPerPlan: Math.max(count, 6) } },
    },
    actors: [{ login: AUTHOR, permission: "admin" }],
    issue: {
      author: AUTHOR,
      title: `Add ${count} small functions`,
      body: `We need add1 … add${count}, each in its own module with a test.`,
    },
    steps: steps(count, options.approve),
    model: { answers: scalingAnswers(count, options.modelDelayMs) },
    expect: expectations(count, options.approve),
    timeoutSeconds: 180 + 150 * count,
  };
}

/** The scenario, checked as a scenario file is. */
export function scalingScenario(count: number, options: ScalingOptions): Scenario {
  return parseScenario(stringify(scalingScenarioInput(count, options)), {
    baseDir: SCENARIO_DIR,
    fileName: `throughput-${count}-tasks.yml`,
  });
}
