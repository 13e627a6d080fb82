import { describe, expect, it } from "vitest";
import { renderApprovalRefused, renderApprovalVoided, renderRevisionAnswer, renderSummary } from "../../../src/render/short-comments.ts";
import { visible } from "./visible.ts";

describe("renderSummary", () => {
  it("lists every pull request with its attempts, the time taken and the usage", () => {
    const summary = renderSummary({
      tasks: [
        { id: "a", title: "Add the parser", pr: 12, attempts: 1 },
        { id: "b", title: "Use it | everywhere", pr: 13, attempts: 2 },
      ],
      durationMs: 4_380_000,
      usage: { promptTokens: 250000, completionTokens: 31000, costUsd: 1.5 },
    });

    expect(summary).toMatchInlineSnapshot(`
      "### Foreman: done

      All 2 tasks were merged in 1 h 13 min, with 3 attempts in all.

      | Task | Pull request | Attempts |
      | --- | --- | --- |
      | **a** Add the parser | #12 | 1 |
      | **b** Use it \\| everywhere | #13 | 2 |

      Usage: 250,000 tokens in · 31,000 tokens out · $1.50
      "
    `);
  });
});

describe("the short answers on a task", () => {
  const SHA = "abcdef0123456789abcdef0123456789abcdef01";

  it("names whoever pushed after an approval without mentioning them", () => {
    expect(visible(renderApprovalVoided(SHA, "maya"))).toBe(
      "A new commit (abcdef0) was pushed by @{ZWSP}maya after the approval, so the approval no longer applies. Comment `/approve` again once CI is green.",
    );
  });

  it("refuses the requester's own approval without mentioning them", () => {
    expect(visible(renderApprovalRefused("rob"))).toBe(
      "@{ZWSP}rob started this work, and this repository requires the approval of someone else (`approval.separateApprover`).",
    );
  });

  it("answers a writer's review with the commit that addresses it", () => {
    expect(renderRevisionAnswer(SHA)).toBe("Foreman pushed abcdef0 to address this.");
  });
});
