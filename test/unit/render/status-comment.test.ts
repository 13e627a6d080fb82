import { describe, expect, it } from "vitest";
import { WORKFLOW_STATE_VERSION } from "../../../src/engine/stored-state.ts";
import { renderStatusComment } from "../../../src/render/status-comment.ts";
import type { StatusView } from "../../../src/render/status-comment.ts";
import { parseStatusMarker } from "../../../src/render/status-marker.ts";
import { visible } from "./visible.ts";

const running: StatusView = {
  phase: "running",
  plan: { summary: "Add a parser, then use it.\n\nThanks @octocat." },
  tasks: [
    { id: "a", title: "Add the parser", status: "merged", pr: 12, dependsOn: [] },
    { id: "b", title: 'Use "parser" [v2]', status: "ci_running", pr: 13, dependsOn: ["a"] },
    { id: "c", title: "Document it", status: "pending", dependsOn: ["a", "b"] },
  ],
  usage: { promptTokens: 123456, completionTokens: 7890, costUsd: 0.4567 },
  notes: ['Tasks "a" and "b" both write "src/parser.ts": "b" now waits for "a".'],
  snapshot: { version: 3, phase: "running" },
};

describe("renderStatusComment", () => {
  it("shows the phase, the graph, the checklist, the usage and the hidden snapshot", () => {
    expect(visible(renderStatusComment(running))).toMatchInlineSnapshot(`
      "### Foreman

      **Working on the tasks: 1 of 3 merged.**

      > Add a parser, then use it.
      >
      > Thanks @{ZWSP}octocat.

      \`\`\`mermaid
      graph TD
        t0["a: Add the parser"]
        t1["b: Use #34;parser#34; #91;v2#93;"]
        t2["c: Document it"]
        t0 --> t1
        t0 --> t2
        t1 --> t2
        classDef merged fill:#aceebb,stroke:#1a7f37,color:#044f1e
        classDef ci_running fill:#fff8c5,stroke:#d4a72c,color:#4d2d00
        classDef pending fill:#f6f8fa,stroke:#8c959f,color:#24292f
        class t0 merged
        class t1 ci_running
        class t2 pending
      \`\`\`

      - [x] **a** Add the parser — #12 merged
      - [ ] **b** Use "parser" [v2] — #13 CI running
      - [ ] **c** Document it — waiting for **b**

      **Notes**

      - Tasks "a" and "b" both write "src/parser.ts": "b" now waits for "a".

      <sub>Usage: 123,456 tokens in · 7,890 tokens out · $0.46</sub>

      <!-- foreman:status eyJ2Ijo2LCJzbmFwc2hvdCI6eyJ2ZXJzaW9uIjozLCJwaGFzZSI6InJ1bm5pbmcifX0 -->
      "
    `);
  });

  it("shows questions while waiting for answers, without a graph when there is no plan yet", () => {
    const view: StatusView = {
      phase: "awaiting_answers",
      tasks: [],
      usage: { promptTokens: 100, completionTokens: 20, costUsd: 0 },
      questions: ["Which parser?", "Keep the old API?\nIt is used by `@scope/pkg`."],
      snapshot: null,
    };

    expect(visible(renderStatusComment(view))).toMatchInlineSnapshot(`
      "### Foreman

      **Waiting for answers to the questions below; reply in a comment on this issue.**

      **Questions**

      1. Which parser?
      2. Keep the old API?
         It is used by \`@{ZWSP}scope/pkg\`.

      <sub>Usage: 100 tokens in · 20 tokens out · $0.00</sub>

      <!-- foreman:status eyJ2Ijo2LCJzbmFwc2hvdCI6bnVsbH0 -->
      "
    `);
  });

  it("sums a completed workflow up in its last edit, under a heading that says it is done", () => {
    const done: StatusView = {
      ...running,
      phase: "completed",
      tasks: running.tasks.map((task) => ({ ...task, status: "merged" as const })),
      finished: { durationMs: 4_380_000, attempts: 4 },
    };

    const lines = visible(renderStatusComment(done)).split("\n");

    expect(lines.slice(0, 5)).toEqual([
      "### Foreman: done",
      "",
      "**Done: all 3 tasks merged.**",
      "",
      "All 3 tasks were merged in 1 h 13 min, with 4 attempts in all.",
    ]);
    expect(lines).toContain("<sub>Usage: 123,456 tokens in · 7,890 tokens out · $0.46</sub>");
  });

  it("says a pending task is queued once its dependencies are merged", () => {
    const view: StatusView = {
      ...running,
      tasks: [
        { id: "a", title: "A", status: "merged", pr: 1, dependsOn: [] },
        { id: "b", title: "B", status: "pending", dependsOn: ["a"] },
      ],
    };

    expect(renderStatusComment(view)).toContain("- [ ] **b** B — queued");
  });

  it("embeds a snapshot that parses back", () => {
    expect(parseStatusMarker(renderStatusComment(running))).toEqual({ version: WORKFLOW_STATE_VERSION, snapshot: running.snapshot });
  });

  it("neutralises a fake marker in a task title or the plan summary", () => {
    const fake = "<!-- foreman:status eyJ2IjoxLCJzbmFwc2hvdCI6ImZha2UifQ -->";
    const view: StatusView = {
      ...running,
      plan: { summary: fake },
      tasks: [{ id: "a", title: `x ${fake}`, status: "pending", dependsOn: [] }],
    };

    const body = renderStatusComment(view);

    expect(body.match(/foreman:status/g)).toHaveLength(1);
    expect(parseStatusMarker(body)?.snapshot).toEqual(running.snapshot);
  });

  it.each([
    ["scoping", "Reading the issue and the repository."],
    ["planning", "Planning the work."],
    ["awaiting_plan_approval", "a writer can comment `/approve` to start, or `/plan <feedback>` to plan again."],
    ["completed", "Done: all 3 tasks merged."],
    ["failed", "Stopped. The notes below say why"],
    ["cancelled", "Cancelled."],
  ] as const)("describes the %s phase in words", (phase, words) => {
    expect(renderStatusComment({ ...running, phase })).toContain(words);
  });

  it("redacts secrets of a known shape in the hidden snapshot, which base64 does not hide", () => {
    const token = `ghp_${"a1B2".repeat(9)}`;

    const body = renderStatusComment({ ...running, snapshot: { failure: `pushed ${token}`, usage: { promptTokens: 12 } } });

    expect(parseStatusMarker(body)?.snapshot).toEqual({ failure: "pushed [REDACTED:github-token]", usage: { promptTokens: 12 } });
  });
});

describe("a failed task in the checklist", () => {
  const failed = (task: { failure?: string | null; pr?: number }): string =>
    renderStatusComment({ ...running, tasks: [{ id: "a", title: "Add it", status: "failed", dependsOn: [], ...task }] });

  it.each([
    ["CI failed", { failure: "Failing checks:\n- **test**: failure", pr: 12 }, "— #12 CI failed"],
    [
      "edits refused",
      { failure: "Task `a` could not be coded: none of the coder's two answers could be used, so nothing was committed.\n\n- …" },
      "— failed: could not be coded",
    ],
    [
      "a merge refused",
      { failure: "Removed from the merge queue: the pull request conflicts", pr: 12 },
      "— #12 failed: removed from the merge queue",
    ],
    ["no pull request and no reason", { failure: null }, "— failed before a pull request was opened"],
    ["a pull request and no reason", { failure: null, pr: 12 }, "— #12 failed"],
  ])("says what failed: %s", (_name, task, words) => {
    expect(failed(task)).toContain(`**a** Add it ${words}\n`);
  });

  it("keeps a long cause short and defused", () => {
    const body = failed({ failure: `The merge was refused for @someone because ${"very ".repeat(30)}long: details` });

    expect(visible(body)).toMatch(/— failed: the merge was refused for @\{ZWSP\}someone because (very )+very…\n/);
  });
});

describe("a plan waiting for approval", () => {
  const waiting: StatusView = {
    ...running,
    phase: "awaiting_plan_approval",
    tasks: [
      {
        id: "a",
        title: "Add the parser",
        status: "pending",
        dependsOn: [],
        detail: { files: [{ path: "src/parser.ts", action: "create" }], acceptanceCriteria: ["parses `1+2`"], risk: "low" },
      },
      {
        id: "b",
        title: "Use it",
        status: "pending",
        dependsOn: ["a"],
        detail: {
          files: [
            { path: "src/main.ts", action: "modify" },
            { path: "src/old.ts", action: "delete" },
          ],
          acceptanceCriteria: ["cc @octocat when done", "main prints 3"],
          risk: "high",
        },
      },
    ],
  };

  it("shows each task's files, dependencies, acceptance criteria and risk, collapsed, with mentions defused", () => {
    const text = visible(renderStatusComment(waiting));

    expect(text).toContain(
      "<details><summary><b>a</b>: low risk, 1 file</summary>\n\n**Files**\n\n- `src/parser.ts` (create)\n\n**Acceptance criteria**\n\n- parses `1+2`\n\n</details>",
    );
    expect(text).toContain(
      "<details><summary><b>b</b>: high risk, 2 files</summary>\n\n**After:** **a**\n\n**Files**\n\n- `src/main.ts` (modify)\n- `src/old.ts` (delete)",
    );
    expect(text).toContain("- cc @{ZWSP}octocat when done");
  });

  it("stays compact once the plan is approved", () => {
    const text = visible(renderStatusComment({ ...waiting, phase: "running" }));

    expect(text).not.toContain("<details>");
  });
});
