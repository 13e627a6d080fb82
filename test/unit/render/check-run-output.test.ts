import { describe, expect, it } from "vitest";
import { renderCheckRunOutput } from "../../../src/render/check-run-output.ts";
import { visible } from "./visible.ts";

const task = { id: "a", title: "Add @parser" };

describe("renderCheckRunOutput", () => {
  it("asks for /approve when the task is ready", () => {
    const output = renderCheckRunOutput({ task, status: "ready", pr: 12, ci: { state: "success" } });

    expect({ ...output, summary: visible(output.summary) }).toMatchInlineSnapshot(`
      {
        "summary": "**Task \`a\`:** Add @{ZWSP}parser

      **Pull request:** #12

      **CI:** passing

      **Approval:** a writer can comment \`/approve\` on #12 to approve this commit",
        "title": "Ready: waiting for /approve",
      }
    `);
  });

  it("names the approver and the approved commit", () => {
    const output = renderCheckRunOutput({ task, status: "approved", pr: 12, ci: { state: "success" }, approval: { by: "alice", sha: "0123456789abcdef" } });

    expect(output.title).toBe("Approved");
    expect(output.summary).toContain("**Approval:** approved by `alice` at `0123456`");
  });

  it("lists the failing checks", () => {
    const output = renderCheckRunOutput({ task, status: "pr_open", pr: 12, ci: { state: "failure", failingChecks: ["build", "lint | types"] } });

    expect(output.summary).toContain("**CI:** failing: `build`, `lint | types`");
  });

  it("leaves out the CI line before CI has reported", () => {
    const output = renderCheckRunOutput({ task, status: "coding", pr: 12 });

    expect(output).toEqual({ title: "Writing the change", summary: "**Task `a`:** Add @\u200bparser\n\n**Pull request:** #12\n\n**Approval:** not yet" });
  });
});
