import type { z } from "zod";
import type { ScenarioStep, StepCondition } from "../scenario/index.ts";
import type { Dice } from "./dice.ts";
import type { ExploreTask, ScheduleItem } from "./schedule.ts";

type StepInput = z.input<typeof ScenarioStep>;
type ConditionInput = z.input<typeof StepCondition>;

/** The people of every schedule: two writers and a reader whose commands must not count. */
export const EXPLORE_ACTORS = [
  { login: "maya", permission: "admin" },
  { login: "sam", permission: "write" },
  { login: "rita", permission: "read" },
] as const;

const WRITERS = ["maya", "sam"] as const;
const READER = "rita";

/** The state of a task a human acts in: its pull request open, CI running on it, CI green, or the task coding. */
export type Anchor = "none" | "open" | "ci" | "green" | "coding";

/** How long a step waits for its moment before it is skipped (it is skipped sooner when the run stalls). */
const ANCHOR_TIMEOUT_SECONDS = 20;

function condition(anchor: Anchor, task: string): ConditionInput | undefined {
  const timeoutSeconds = ANCHOR_TIMEOUT_SECONDS;
  switch (anchor) {
    case "none":
      return undefined;
    case "open":
      return { task: { id: task, pullRequest: "open" }, timeoutSeconds };
    case "ci":
      return { pullRequest: { task, state: "open", checks: "pending" }, timeoutSeconds };
    case "green":
      return { pullRequest: { task, state: "open", checks: "success" }, timeoutSeconds };
    case "coding":
      return { task: { id: task, statusLine: "coding" }, timeoutSeconds };
  }
}

/** A move: pause, then act once the task is in its moment (if any); every step optional. */
export function move(what: string, moment: { anchor: Anchor; task: string; pause: number }, actions: StepInput[]): ScheduleItem {
  const when = condition(moment.anchor, moment.task);
  const steps: StepInput[] = [
    ...(moment.pause > 0 ? [{ wait: { seconds: moment.pause } }] : []),
    ...actions.map((action, index) => ({ name: what, ...(index === 0 && when ? { when } : {}), ...action, optional: true })),
  ];
  const at = moment.anchor === "none" ? "" : ` (when ${moment.anchor})`;
  return { kind: "steps", what: `${moment.pause > 0 ? `after ${moment.pause} s, ` : ""}${what}${at}`, steps };
}

/** The approval of `faults` schedules and baselines, always the same: maya's `/approve` once CI is green. */
export function plainApproval(task: string): ScheduleItem {
  return move(`maya comments /approve on ${task}`, { anchor: "green", task, pause: 0 }, [
    { as: "maya", comment: { on: { task }, body: "/approve" } },
  ]);
}

/** The writer's approval a task needs: a `/approve` comment or a native approving review. */
export function approval(dice: Dice, task: string, again: boolean): ScheduleItem {
  const who = dice.pick(WRITERS);
  const anchor = again ? "green" : dice.weighted<Anchor>({ green: 75, ci: 15, open: 10 });
  const moment = { anchor, task, pause: dice.pause(1.5) };
  if (dice.chance(0.2))
    return move(`${who} approves ${task} by review${again ? " again" : ""}`, moment, [{ as: who, review: { task, event: "APPROVE" } }]);
  return move(`${who} comments /approve on ${task}${again ? " again" : ""}`, moment, [
    { as: who, comment: { on: { task }, body: "/approve" } },
  ]);
}

const sourceFile = (task: ExploreTask): [string, string] => {
  const entry = Object.entries(task.creates).find(([path]) => path.startsWith("src/")) ?? Object.entries(task.creates)[0];
  if (!entry) throw new Error(`task ${task.id} creates no file`);
  return entry;
};

const passingTest = (name: string): string =>
  `import assert from "node:assert/strict";\nimport { test } from "node:test";\n\ntest("${name}", () => {\n  assert.equal(1 + 1, 2);\n});\n`;

const failingTest = (name: string): string =>
  `import assert from "node:assert/strict";\nimport { test } from "node:test";\n\ntest("${name}", () => {\n  assert.equal(1 + 1, 3);\n});\n`;

/** What a chaotic human can do to a task or to the repository. */
export const MOVE_WEIGHTS = {
  pushTaskFile: 3,
  pushTaskTest: 3,
  pushTaskBroken: 1,
  pushMainOther: 3,
  pushMainReadme: 2,
  pushMainConflict: 2,
  pushMainRename: 1,
  retry: 2,
  cancel: 1,
  readerApprove: 1,
  editToApprove: 1,
  reviewChanges: 2,
  reviewComment: 1,
  reviewApprove: 1,
  closePull: 1,
  closeIssue: 1,
  unlabel: 1,
  approveIssue: 1,
  approveThenPush: 2,
  retryThenPush: 2,
} as const;
export type MoveKind = keyof typeof MOVE_WEIGHTS;

/** Moves that change what a task's pull request holds, after which its writer approves again. */
export const CHANGES_TASK: ReadonlySet<MoveKind> = new Set([
  "approveThenPush",
  "retryThenPush",
  "pushTaskFile",
  "pushTaskTest",
  "pushTaskBroken",
  "pushMainOther",
  "pushMainReadme",
  "pushMainConflict",
  "pushMainRename",
  "retry",
  "reviewChanges",
  "closePull",
]);

export interface MoveContext {
  dice: Dice;
  task: ExploreTask;
  files: Record<string, string>;
  label: string;
}

type MoveBuilder = (context: MoveContext, nonce: number) => { what: string; anchor: Anchor; actions: StepInput[] };

/** A moment in a task's life; a move on its branch needs the branch, so never before the task started. */
const anyMoment = (dice: Dice): Anchor => dice.weighted<Anchor>({ open: 3, ci: 3, green: 3, coding: 2 });

const BUILDERS: Record<MoveKind, MoveBuilder> = {
  pushTaskFile: ({ dice, task }, nonce) => {
    const [path, content] = sourceFile(task);
    const files = { [path]: `// sam checked this (${nonce})\n${content}` };
    return {
      what: `sam pushes his version of ${path} to ${task.id}'s branch`,
      anchor: anyMoment(dice),
      actions: [{ as: "sam", push: { task: task.id, message: `Note on ${path}`, files } }],
    };
  },
  pushTaskTest: ({ dice, task }, nonce) => {
    const files = { [`test/${task.id}-extra-${nonce}.test.js`]: passingTest(`extra check ${nonce}`) };
    return {
      what: `maya pushes a passing test to ${task.id}'s branch`,
      anchor: anyMoment(dice),
      actions: [{ as: "maya", push: { task: task.id, message: "Add a test", files } }],
    };
  },
  pushTaskBroken: ({ dice, task }, nonce) => {
    const files = { [`test/${task.id}-broken-${nonce}.test.js`]: failingTest(`broken check ${nonce}`) };
    return {
      what: `sam pushes a failing test to ${task.id}'s branch`,
      anchor: anyMoment(dice),
      actions: [{ as: "sam", push: { task: task.id, message: "Add a failing test", files } }],
    };
  },
  pushMainOther: ({ dice }, nonce) => {
    const files = {
      [`src/extra${nonce}.js`]: `export const extra${nonce} = ${nonce};\n`,
      [`test/extra${nonce}.test.js`]: passingTest(`extra ${nonce}`),
    };
    return {
      what: "maya pushes other files to main",
      anchor: dice.pick<Anchor>(["open", "ci", "green", "none"]),
      actions: [{ as: "maya", push: { branch: "main", message: `Add extra${nonce}`, files } }],
    };
  },
  pushMainReadme: ({ dice, files }, nonce) => {
    const readme = (files["README.md"] ?? "# stats\n").replace(
      "Small statistics helpers.",
      `Small statistics helpers, kept by maya (${nonce}).`,
    );
    return {
      what: "maya edits a README line on main",
      anchor: dice.pick<Anchor>(["open", "ci", "green", "none"]),
      actions: [{ as: "maya", push: { branch: "main", message: "Say who keeps the helpers", files: { "README.md": readme } } }],
    };
  },
  pushMainConflict: ({ dice, task }, nonce) => {
    const [path] = sourceFile(task);
    const files = { [path]: `// maya's own draft (${nonce})\nexport const draft = ${nonce};\n` };
    return {
      what: `maya pushes her own ${path} to main`,
      anchor: dice.pick<Anchor>(["open", "ci", "green"]),
      actions: [{ as: "maya", push: { branch: "main", message: `Draft ${path}`, files } }],
    };
  },
  pushMainRename: ({ dice, files }) => {
    const sum = files["src/sum.js"] ?? "";
    const test = (files["test/sum.test.js"] ?? "").replace("../src/sum.js", "../src/total.js");
    const renamed = { "src/sum.js": null, "src/total.js": sum, "test/sum.test.js": test };
    return {
      what: "maya renames src/sum.js to src/total.js on main",
      anchor: dice.pick<Anchor>(["open", "ci", "green"]),
      actions: [{ as: "maya", push: { branch: "main", message: "Rename sum.js", files: renamed } }],
    };
  },
  retry: ({ dice, task }) => {
    const who = dice.pick(WRITERS);
    return {
      what: `${who} comments /retry on ${task.id}`,
      anchor: anyMoment(dice),
      actions: [{ as: who, comment: { on: { task: task.id }, body: "/retry" } }],
    };
  },
  cancel: ({ dice, task }) => ({
    what: `maya comments /cancel on ${task.id}`,
    anchor: anyMoment(dice),
    actions: [{ as: "maya", comment: { on: { task: task.id }, body: "/cancel" } }],
  }),
  readerApprove: ({ dice, task }) => ({
    what: `rita (a reader) comments /approve on ${task.id}`,
    anchor: dice.pick<Anchor>(["ci", "green"]),
    actions: [{ as: READER, comment: { on: { task: task.id }, body: "/approve" } }],
  }),
  editToApprove: ({ dice, task }) => ({
    what: `sam comments LGTM on ${task.id}, then edits it to /approve`,
    anchor: dice.pick<Anchor>(["ci", "green"]),
    actions: [
      { as: "sam", comment: { on: { task: task.id }, body: "LGTM" } },
      { as: "sam", editComment: { on: { task: task.id }, find: "LGTM", body: "/approve" } },
    ],
  }),
  reviewChanges: ({ dice, task }) => ({
    what: `maya requests changes on ${task.id}`,
    anchor: dice.pick<Anchor>(["open", "green"]),
    actions: [
      {
        as: "maya",
        review: { task: task.id, event: "REQUEST_CHANGES", body: "Please say in a comment what happens to an empty list. cc @octocat" },
      },
    ],
  }),
  reviewComment: ({ dice, task }) => ({
    what: `sam comments in a review on ${task.id}`,
    anchor: dice.pick<Anchor>(["open", "green"]),
    actions: [{ as: "sam", review: { task: task.id, event: "COMMENT", body: "Reads well to me." } }],
  }),
  reviewApprove: ({ dice, task }) => ({
    what: `sam approves ${task.id} by review`,
    anchor: dice.pick<Anchor>(["open", "ci", "green"]),
    actions: [{ as: "sam", review: { task: task.id, event: "APPROVE" } }],
  }),
  closePull: ({ dice, task }) => ({
    what: `maya closes ${task.id}'s pull request`,
    anchor: dice.pick<Anchor>(["open", "ci", "green"]),
    actions: [{ as: "maya", close: { on: { task: task.id } } }],
  }),
  closeIssue: ({ dice }) => ({
    what: "maya closes the issue as not planned",
    anchor: dice.pick<Anchor>(["open", "ci", "green", "coding"]),
    actions: [{ as: "maya", close: { on: "issue", reason: "not_planned" } }],
  }),
  unlabel: ({ dice, label }) => ({
    what: `maya removes the label ${label}`,
    anchor: dice.pick<Anchor>(["open", "none"]),
    actions: [{ as: "maya", unlabel: label }],
  }),
  approveThenPush: ({ dice, task }, nonce) => {
    const files = { [`test/${task.id}-late-${nonce}.test.js`]: passingTest(`late check ${nonce}`) };
    return {
      what: `sam comments /approve on ${task.id} while CI runs, then maya pushes a test to its branch`,
      anchor: "ci",
      actions: [
        { as: "sam", comment: { on: { task: task.id }, body: "/approve" } },
        { wait: { seconds: dice.pause(1) + 0.1 } },
        { as: "maya", push: { task: task.id, message: "Add a late test", files } },
      ],
    };
  },
  retryThenPush: ({ dice, task }, nonce) => {
    const [path, content] = sourceFile(task);
    const files = { [path]: `// maya's fix while the coder works (${nonce})\n${content}` };
    return {
      what: `sam comments /retry on ${task.id}, then maya pushes her fix of ${path} while the coder works`,
      anchor: dice.pick<Anchor>(["ci", "green"]),
      actions: [
        { as: "sam", comment: { on: { task: task.id }, body: "/retry" } },
        { wait: { seconds: dice.pause(0.8) + 0.1 } },
        { as: "maya", push: { task: task.id, message: `Fix ${path}`, files } },
      ],
    };
  },
  approveIssue: ({ dice }) => ({
    what: "sam comments /approve on the issue",
    anchor: dice.pick<Anchor>(["open", "none"]),
    actions: [{ as: "sam", comment: { on: "issue", body: "/approve" } }],
  }),
};

/** A chaotic move of this kind on the task, at a random moment. */
export function chaosMove(kind: MoveKind, context: MoveContext): ScheduleItem {
  const nonce = context.dice.int(100, 999);
  const built = BUILDERS[kind](context, nonce);
  return move(built.what, { anchor: built.anchor, task: context.task.id, pause: context.dice.pause(2) }, built.actions);
}

/** What undoes a move later in the schedule, if anything: reopening, relabelling. */
export function followUp(kind: MoveKind, context: MoveContext): ScheduleItem | undefined {
  const { dice, task, label } = context;
  const pause = dice.pause(3) + 0.5;
  if (kind === "closePull")
    return move(`maya reopens ${task.id}'s pull request`, { anchor: "none", task: task.id, pause }, [
      { as: "maya", reopen: { on: { task: task.id } } },
    ]);
  if (kind === "closeIssue")
    return move("maya reopens the issue and labels it again", { anchor: "none", task: task.id, pause }, [
      { as: "maya", reopen: { on: "issue" } },
      { as: "maya", unlabel: label },
      { as: "maya", label },
    ]);
  if (kind === "unlabel")
    return move(`maya adds the label ${label} again`, { anchor: "none", task: task.id, pause }, [{ as: "maya", label }]);
  return undefined;
}
