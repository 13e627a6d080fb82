import { describe, expect, it } from "vitest";
import { renderQuestions, renderRefusal, renderSummary } from "../../../src/render/short-comments.ts";
import { visible } from "./visible.ts";

describe("renderQuestions", () => {
  it("numbers the questions and says how to answer", () => {
    expect(visible(renderQuestions(["Which format, JSON or YAML?", "Should @team review?"]))).toMatchInlineSnapshot(`
      "### Foreman has questions

      Before planning, Foreman needs to know:

      1. Which format, JSON or YAML?
      2. Should @{ZWSP}team review?

      Reply in a comment on this issue and Foreman will continue.
      "
    `);
  });
});

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

describe("renderRefusal", () => {
  it.each([
    [{ kind: "not_a_writer", actor: "mallory", action: "/approve" }, "`/approve` needs write access to this repository, which `mallory` does not have."],
    [{ kind: "bot_not_allowed", actor: "renovate[bot]" }, "`renovate[bot]` is a bot that is not listed in `allowBots` in `.github/foreman.yml`."],
    [{ kind: "pull_request" }, "Foreman works on issues, not pull requests."],
    [{ kind: "issue_too_long", chars: 25000, limit: 20000 }, "the issue has 25,000 characters, more than the 20,000 allowed (`limits.issueBodyChars`)."],
    [{ kind: "token_budget_exceeded", tokens: 400100, limit: 400000 }, "over its budget of 400,000 (`limits.tokensPerIssue`)."],
    [{ kind: "cost_budget_exceeded", costUsd: 5.004, limitUsd: 5 }, "this issue has cost $5.00, over its budget of $5.00 (`limits.costPerIssueUsd`)."],
    [{ kind: "other", message: "ask @admin\n<!-- x -->" }, "ask @\u200badmin"],
  ] as const)("explains %j", (reason, words) => {
    const comment = renderRefusal(reason);

    expect(comment.startsWith("**Foreman will not go on:** ")).toBe(true);
    expect(comment).toContain(words);
  });
});
