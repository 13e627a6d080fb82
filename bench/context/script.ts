import type { ScriptedAnswerInput } from "@foreman/sandbox";
import { STORY } from "./repository.ts";

/** The one task of the plan. */
export const TASK = "fix-parse-price";

const TASK_HEADING = `### ${TASK}:`;

const BRIEF = `Make the checkout total right for prices written with a thousands separator (e.g. "1,299.00"): the price parsing the checkout uses must read them, in cents. Nothing else changes.`;

const PLAN = {
  summary: "One task: the price parser reads thousands separators.",
  tasks: [
    {
      id: TASK,
      title: "Read prices with a thousands separator",
      description: `\`${STORY.targetFunction}\` in \`${STORY.target}\` drops thousands separators before it reads a price, so that \`${STORY.callerFunction}\` adds up cents.`,
      files: [{ path: STORY.target, action: "modify" }],
      dependsOn: [],
      acceptanceCriteria: ["the checkout's tests pass"],
      risk: "low",
    },
  ],
};

const EDIT = { search: STORY.bug, replace: STORY.fix };

const CODER_SUMMARY = `${STORY.targetFunction} drops thousands separators before reading a price, so ${STORY.callerFunction} adds up cents as its test expects.`;

const REVIEW = { verdict: "approve", summary: "The parser reads thousands separators; the checkout's test covers it.", findings: [] };

/**
 * What a model with tools does: the engineer searches for the checkout; the planner finds the
 * checkout, reads it and searches for the parser it calls (a plan may only modify a file the
 * planner has seen); the coder searches for the parser's callers, reads the caller and its test,
 * edits through the tool and finishes; the reviewer reads the caller's test. Each answer after the
 * first is given only once the tool result it depends on came back.
 */
function withTools(): ScriptedAnswerInput[] {
  const searchCaller = { name: "search", arguments: { regex: `export function ${STORY.callerFunction}` } };
  return [
    { id: "engineer-search", role: "engineer", match: { turn: 0 }, toolCalls: [searchCaller] },
    {
      id: "engineer-brief",
      role: "engineer",
      match: { toolResult: { tool: "search", contains: STORY.caller } },
      content: { decision: "proceed", brief: BRIEF },
    },
    { id: "planner-search-caller", role: "planner", match: { turn: 0 }, toolCalls: [searchCaller] },
    {
      id: "planner-read-caller",
      role: "planner",
      match: { toolResult: { tool: "search", contains: STORY.caller } },
      toolCalls: [{ name: "read_file", arguments: { path: STORY.caller } }],
    },
    {
      id: "planner-search-parser",
      role: "planner",
      match: { toolResult: { tool: "read_file", contains: `import { ${STORY.targetFunction} }` } },
      toolCalls: [{ name: "search", arguments: { regex: `export function ${STORY.targetFunction}` } }],
    },
    { id: "planner-plan", role: "planner", match: { toolResult: { tool: "search", contains: STORY.target } }, content: PLAN },
    {
      id: "coder-search",
      role: "coder",
      match: { contains: TASK_HEADING, turn: 0 },
      toolCalls: [{ name: "search", arguments: { regex: `${STORY.targetFunction}\\(` } }],
    },
    {
      id: "coder-read",
      role: "coder",
      match: { contains: TASK_HEADING, toolResult: { tool: "search", contains: STORY.caller } },
      toolCalls: [
        { name: "read_file", arguments: { path: STORY.caller } },
        { name: "read_file", arguments: { path: STORY.callerTest } },
      ],
    },
    {
      id: "coder-edit",
      role: "coder",
      match: { contains: TASK_HEADING, anyToolResult: { tool: "read_file", contains: ["prices.reduce", STORY.expectedTotal] } },
      toolCalls: [{ name: "edit", arguments: { path: STORY.target, replacements: [EDIT] } }],
    },
    {
      id: "coder-done",
      role: "coder",
      match: { contains: TASK_HEADING, toolResult: { tool: "edit", contains: `Edited \`${STORY.target}\`` } },
      content: { summary: CODER_SUMMARY, edits: [] },
    },
    {
      id: "reviewer-read",
      role: "reviewer",
      match: { turn: 0 },
      toolCalls: [{ name: "read_file", arguments: { path: STORY.callerTest } }],
    },
    {
      id: "reviewer-verdict",
      role: "reviewer",
      match: { toolResult: { tool: "read_file", contains: STORY.expectedTotal } },
      content: REVIEW,
    },
  ];
}

/**
 * Without tools, each role answers from what its prompt holds. The answers already know where the
 * change lives (a model shown only the cut tree could not), so the run completes and its cost can
 * be compared; what such a model could never have seen is counted apart.
 */
function withoutTools(): ScriptedAnswerInput[] {
  return [
    { id: "engineer-brief", role: "engineer", content: { decision: "proceed", brief: BRIEF } },
    { id: "planner-plan", role: "planner", content: PLAN },
    {
      id: "coder-edits",
      role: "coder",
      match: { contains: TASK_HEADING },
      content: { summary: CODER_SUMMARY, edits: [{ path: STORY.target, action: "modify", replacements: [EDIT] }] },
    },
    { id: "reviewer-verdict", role: "reviewer", content: REVIEW },
  ];
}

/** The scripted model of one run. */
export function modelAnswers(tools: boolean): ScriptedAnswerInput[] {
  return tools ? withTools() : withoutTools();
}
