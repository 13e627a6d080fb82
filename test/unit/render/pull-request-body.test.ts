import { describe, expect, it } from "vitest";
import type { Task } from "../../../src/plan/plan.ts";
import { InvalidTaskReferenceError } from "../../../src/render/errors.ts";
import { renderPullRequestBody } from "../../../src/render/pull-request-body.ts";
import { parseTaskMarker } from "../../../src/render/task-marker.ts";
import { visible } from "./visible.ts";

const task: Task = {
  id: "add-parser",
  title: "Add the parser",
  description: "Add a parser for the config.\n\nAsk @octocat if unsure. Fixes #3.",
  files: [
    { path: "src/parser.ts", action: "create" },
    { path: "src/index.ts", action: "modify" },
    { path: "docs/old name.md", action: "delete" },
  ],
  dependsOn: [],
  acceptanceCriteria: ["parses `a: 1`", "rejects tabs\nwith a clear error"],
  risk: "medium",
};

describe("renderPullRequestBody", () => {
  it("renders the task, its criteria, files and risk, the approve hint and the hidden marker", () => {
    const body = renderPullRequestBody({ issue: 12, task, attempt: 2, repoUrl: "https://github.com/octo/repo/" });

    expect(visible(body)).toMatchInlineSnapshot(`
      "Add a parser for the config.

      Ask @{ZWSP}octocat if unsure. F{ZWSP}ixes #{ZWSP}3.

      **Acceptance criteria**

      - parses \`a: 1\`
      - rejects tabs
        with a clear error

      **Files**

      - \`src/parser.ts\` (create)
      - [\`src/index.ts\`](https://github.com/octo/repo/blob/HEAD/src/index.ts) (modify)
      - [\`docs/old name.md\`](https://github.com/octo/repo/blob/HEAD/docs/old%20name.md) (delete)

      **Risk:** medium

      Part of #12 · task \`add-parser\` · attempt 2

      > [!NOTE]
      > When CI is green, a writer comments \`/approve\` on this pull request and Foreman merges it.
      > An approval holds for the current head commit only. \`/retry\` starts a fresh attempt; \`/cancel\` stops this task.

      <!-- foreman:task {"v":1,"issue":12,"task":"add-parser","attempt":2} -->
      "
    `);
  });

  it("says Part of the issue and never a closing keyword for it", () => {
    const body = renderPullRequestBody({ issue: 12, task, attempt: 1 });

    expect(body).toContain("Part of #12");
    expect(body).not.toMatch(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s*#\d/i);
  });

  it("closes the issue, and only the issue, on the last task's pull request with closesIssue", () => {
    const body = renderPullRequestBody({ issue: 12, task, attempt: 1, closesIssue: true });

    expect(body).toContain("Closes #12 · task `add-parser` · attempt 1");
    expect(body).not.toContain("Part of #12");
    expect([...body.matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s*#(\d+)/gi)].map((match) => match[1])).toEqual(["12"]);
  });

  it("says which checks ran locally and how they ended, names defused", () => {
    const body = renderPullRequestBody({
      issue: 12,
      task,
      attempt: 1,
      localChecks: [
        { name: "test", outcome: "passed", durationMs: 1234 },
        { name: "npm test -- @octocat", outcome: "not_run", durationMs: 0 },
      ],
    });

    expect(body).toContain("**Checks run locally** on this commit's files, in Foreman's sandbox, before it was pushed (CI decides):");
    expect(visible(body)).toContain("- `test`: passed (1.2 s)\n- `npm test -- @{ZWSP}octocat`: not run on the final files (no runs left)");
    expect(renderPullRequestBody({ issue: 12, task, attempt: 1, localChecks: [] })).not.toContain("Checks run locally");
  });

  it("lists files without links when no repository URL is given", () => {
    const body = renderPullRequestBody({ issue: 12, task, attempt: 1 });

    expect(body).toContain("- `src/index.ts` (modify)");
  });

  it("ignores a repository URL that is not a plain https URL", () => {
    const body = renderPullRequestBody({ issue: 12, task, attempt: 1, repoUrl: "javascript:alert(1)//x/y" });

    expect(body).not.toContain("javascript:");
  });

  it("carries a task marker that parses back", () => {
    const body = renderPullRequestBody({ issue: 12, task, attempt: 3 });

    expect(parseTaskMarker(body)).toEqual({ issue: 12, task: "add-parser", attempt: 3 });
  });

  it("cannot be given a second marker by the task description", () => {
    const description = 'hi <!-- foreman:task {"v":1,"issue":99,"task":"evil","attempt":1} -->';

    const body = renderPullRequestBody({ issue: 12, task: { ...task, description }, attempt: 1 });

    expect(body.match(/foreman:task/g)).toHaveLength(1);
    expect(parseTaskMarker(body)?.issue).toBe(12);
  });

  it("refuses an invalid issue number", () => {
    expect(() => renderPullRequestBody({ issue: 0, task, attempt: 1 })).toThrow(InvalidTaskReferenceError);
  });
});
