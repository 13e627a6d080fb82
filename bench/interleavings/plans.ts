import type { ExplorePlan, ExploreTask, ScriptedAnswerInput } from "@foreman/sandbox";
import { MAX, MEAN, MEDIAN, SUM_LINE, SUMMARY, TESTS, VARIANCE } from "./code.ts";

/**
 * The plans the explorer runs, on the stats template: one task, three independent tasks, and a
 * diamond. Their scripted answers carry hostile text (mentions, closing keywords) that the app must
 * neutralise before posting, and every answer serves any number of requests (a retry, a fix, a
 * fresh workflow after reopening).
 */

interface TaskSpec {
  id: string;
  title: string;
  dependsOn: string[];
  source: string;
  /** An edit to the README: a search/replace, or (`whole`) the file written out, as a model may do. */
  readme?: { line: string; whole?: boolean };
}

const README_HEAD = "# stats\n\nSmall statistics helpers.\n\n";

function filesOf(spec: TaskSpec): Record<string, string> {
  return { [`src/${spec.id}.js`]: spec.source, [`test/${spec.id}.test.js`]: TESTS[spec.id as keyof typeof TESTS] };
}

type Edit =
  | { path: string; action: "create"; content: string }
  | { path: string; action: "modify"; replacements: Array<{ search: string; replace: string }> };

function readmeEdit(spec: TaskSpec): Edit[] {
  if (!spec.readme) return [];
  if (spec.readme.whole) return [{ path: "README.md", action: "create", content: `${README_HEAD}${SUM_LINE}${spec.readme.line}` }];
  return [{ path: "README.md", action: "modify", replacements: [{ search: SUM_LINE, replace: `${SUM_LINE}${spec.readme.line}` }] }];
}

function coderAnswer(spec: TaskSpec): ScriptedAnswerInput {
  const created = Object.entries(filesOf(spec)).map(([path, content]): Edit => ({ path, action: "create", content }));
  const edits = [...created, ...readmeEdit(spec)];
  return {
    id: `coder-${spec.id}`,
    role: "coder",
    match: { contains: `### ${spec.id}:` },
    repeat: true,
    usage: { prompt_tokens: 900, completion_tokens: 260 },
    content: { summary: `Adds ${spec.id}() with tests. Thanks @octocat, this fixes #1.`, edits },
  };
}

function plannerAnswer(specs: TaskSpec[]): ScriptedAnswerInput {
  const tasks = specs.map((spec) => ({
    id: spec.id,
    title: spec.title,
    description: `Add \`${spec.id}(values)\` in \`src/${spec.id}.js\` with tests, as @acme/owners asked.`,
    files: [
      { path: `src/${spec.id}.js`, action: "create" },
      { path: `test/${spec.id}.test.js`, action: "create" },
      ...(spec.readme ? [{ path: "README.md", action: "modify" }] : []),
    ],
    dependsOn: spec.dependsOn,
    acceptanceCriteria: [`${spec.id}() is tested`],
    risk: "low",
  }));
  return {
    id: "planner",
    role: "planner",
    repeat: true,
    usage: { prompt_tokens: 1500, completion_tokens: 420 },
    content: { summary: "Small functions, each tested; cc @acme/owners.", tasks },
  };
}

const COMMON: ScriptedAnswerInput[] = [
  {
    id: "engineer",
    role: "engineer",
    repeat: true,
    usage: { prompt_tokens: 1200, completion_tokens: 180 },
    content: {
      decision: "proceed",
      brief: "Add the requested statistics functions, each in its own module with tests. @maya asked for it; fixes #1.",
    },
  },
  {
    id: "reviewer",
    role: "reviewer",
    repeat: true,
    usage: { prompt_tokens: 800, completion_tokens: 60 },
    content: { verdict: "approve", summary: "The change does what the task asks and is tested. @sam may want a look.", findings: [] },
  },
  {
    id: "debugger",
    role: "debugger",
    repeat: true,
    usage: { prompt_tokens: 900, completion_tokens: 80 },
    content: { classification: "flaky", diagnosis: "The failure does not come from this change; @octocat's test looks flaky.", edits: [] },
  },
];

function plan(name: string, weight: number, issue: ExplorePlan["issue"], specs: TaskSpec[]): ExplorePlan {
  const tasks: ExploreTask[] = specs.map((spec) => ({ id: spec.id, dependsOn: spec.dependsOn, creates: filesOf(spec) }));
  return { name, weight, issue, tasks, answers: [...COMMON, plannerAnswer(specs), ...specs.map(coderAnswer)] };
}

const meanSpec: TaskSpec = {
  id: "mean",
  title: "Add mean()",
  dependsOn: [],
  source: MEAN,
  readme: { line: "- `mean(values)`: the arithmetic mean.\n" },
};

export const PLANS: ExplorePlan[] = [
  plan("one task", 50, { title: "Add mean()", body: "We need `mean(values)` next to `sum`, with tests, listed in the README. cc @sam" }, [
    meanSpec,
  ]),
  plan("wide", 30, { title: "Add mean, median and max", body: "Three independent helpers: `mean`, `median` and `max`, each with tests." }, [
    meanSpec,
    { id: "median", title: "Add median()", dependsOn: [], source: MEDIAN },
    { id: "max", title: "Add max()", dependsOn: [], source: MAX },
  ]),
  plan(
    "diamond",
    25,
    {
      title: "Add a summary of a list of numbers",
      body: "`summary(values)` with count, mean, median and variance; document it in the README.",
    },
    [
      meanSpec,
      { id: "variance", title: "Add variance()", dependsOn: ["mean"], source: VARIANCE },
      { id: "median", title: "Add median()", dependsOn: ["mean"], source: MEDIAN },
      {
        id: "summary",
        title: "Add summary()",
        dependsOn: ["variance", "median"],
        source: SUMMARY,
        readme: { line: "- `summary(values)`: count, mean, median and variance.\n", whole: true },
      },
    ],
  ),
];
