import { describe, expect, it } from "vitest";
import { formatEvidence, type FailureEvidence } from "../../../src/qa/evidence.ts";

const TOKEN = `ghp_${"a1B2".repeat(9)}`;

function stamped(lines: string[]): string {
  return lines.map((line) => `2024-01-01T00:00:00.0000000Z ${line}`).join("\n");
}

const filler = (count: number): string[] => Array.from({ length: count }, (_unused, index) => `setup step ${index}`);

const evidence: FailureEvidence = {
  checks: [
    {
      name: "test",
      conclusion: "failure",
      title: "test failed",
      summary: "1 test failed",
      annotations: [
        {
          path: "add.test.js",
          line: 1,
          level: "failure",
          message: "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n-1 !== 3",
        },
        { path: ".github", line: 1, level: "failure", message: "Process completed with exit code 1." },
      ],
    },
  ],
  logs: [
    {
      job: "test",
      text: stamped([
        ...filler(300),
        `echo GITHUB_TOKEN=${TOKEN}`,
        "✖ adds (1.2ms)",
        "  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:",
        "      at TestContext.<anonymous> (file:///tmp/ci-1/add.test.js:1:5)",
        "ℹ fail 1",
        "##[error]Process completed with exit code 1.",
      ]),
    },
  ],
};

describe("formatEvidence", () => {
  it("puts the annotations first, then the log's error region, within the budget", () => {
    const { text } = formatEvidence(evidence, 3_000);

    expect(text.indexOf("add.test.js:1 (failure): AssertionError")).toBeGreaterThan(-1);
    expect(text.indexOf("add.test.js:1 (failure)")).toBeLessThan(text.indexOf("### Job `test`"));
    expect(text).toContain("✖ adds (1.2ms)");
    expect(text).not.toContain("setup step 3\n");
    expect(text).not.toContain("2024-01-01T00:00:00");
    expect(text.length).toBeLessThanOrEqual(3_000);
  });

  it("redacts secrets in the logs, annotations, titles and summaries", () => {
    const leaky: FailureEvidence = {
      checks: [
        {
          name: "deploy",
          conclusion: "failure",
          title: `bad ${TOKEN}`,
          summary: `PASSWORD=hunter22`,
          annotations: [{ path: "a.js", line: 2, level: "failure", message: `Error: ${TOKEN}` }],
        },
      ],
      logs: [{ job: "deploy", text: `Error: login failed with ${TOKEN}` }],
    };

    const result = formatEvidence(leaky, 5_000);

    expect(`${result.text}\n${result.excerpt}`).not.toContain(TOKEN);
    expect(result.text).not.toContain("hunter22");
    expect(result.text).toContain("[REDACTED:github-token]");
  });

  it("gives an excerpt of at most 15 lines with the assertion and without the generic exit-code annotation", () => {
    const { excerpt } = formatEvidence(evidence, 3_000);

    const lines = excerpt.split("\n");
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines[0]).toBe("add.test.js:1: AssertionError [ERR_ASSERTION]: Expected values to be strictly equal: -1 !== 3");
    expect(excerpt).toContain("✖ adds (1.2ms)");
    expect(excerpt).not.toContain("at TestContext");
    expect(excerpt).not.toContain(TOKEN);
  });

  it("caps the excerpt at 15 lines for a log full of errors", () => {
    const noisy: FailureEvidence = {
      checks: [],
      logs: [{ job: "lint", text: Array.from({ length: 40 }, (_unused, index) => `error: rule ${index}`).join("\n") }],
    };

    expect(formatEvidence(noisy, 5_000).excerpt.split("\n")).toHaveLength(15);
  });

  it("gives the same signature to the same failure on another run", () => {
    const again: FailureEvidence = {
      ...evidence,
      logs: [
        {
          job: "test",
          text: (evidence.logs[0]?.text ?? "")
            .replace("1.2ms", "3.4ms")
            .replace("/tmp/ci-1/", "/tmp/ci-2/")
            .replaceAll("00:00:00", "09:09:09"),
        },
      ],
    };

    expect(formatEvidence(again, 3_000).signature).toBe(formatEvidence(evidence, 3_000).signature);
  });

  it("gives another signature when another annotation fails", () => {
    const other: FailureEvidence = {
      ...evidence,
      checks: evidence.checks.map((check) => ({
        ...check,
        annotations: [{ path: "sub.test.js", line: 4, level: "failure", message: "TypeError: sub is not a function" }],
      })),
    };

    expect(formatEvidence(other, 3_000).signature).not.toBe(formatEvidence(evidence, 3_000).signature);
  });

  it("says so when there is no evidence at all, and names the failing check in the excerpt", () => {
    const bare: FailureEvidence = {
      checks: [{ name: "build", conclusion: "timed_out", title: null, summary: null, annotations: [] }],
      logs: [],
    };

    const result = formatEvidence(bare, 1_000);

    expect(result.text).toContain("### Check `build`: timed_out");
    expect(result.excerpt).toBe("build: timed_out");
    expect(formatEvidence({ checks: [], logs: [] }, 1_000).text).toBe("(GitHub reported no failing check and no log.)");
  });
});
