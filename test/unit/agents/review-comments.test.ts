import { describe, expect, it } from "vitest";
import { findingSignature, reviewComments, rightSideLines, type Finding } from "../../../src/agents/review-comments.ts";

const PATCH = [
  "@@ -1,4 +1,5 @@",
  " import { add } from './add.js';",
  "-export const old = 1;",
  "+export const sub = (a, b) => a + b;",
  "+export const mul = (a, b) => a * b;",
  " ",
  " export default add;",
  "@@ -20,2 +21,2 @@",
  " // end",
  "-// old",
  "+// new",
  "\\ No newline at end of file",
].join("\n");
const files = [
  { filename: "src/sub.js", patch: PATCH },
  { filename: "logo.png", patch: null },
];

const finding = (overrides: Partial<Finding>): Finding => ({
  file: "src/sub.js",
  line: 2,
  severity: "blocking",
  message: "sub adds.",
  ...overrides,
});

describe("rightSideLines", () => {
  it("lists the added and unchanged lines of the new file, not the removed ones", () => {
    expect([...rightSideLines(PATCH)]).toEqual([1, 2, 3, 4, 5, 21, 22]);
  });

  it("reads a hunk header without a count as one line", () => {
    expect([...rightSideLines("@@ -0,0 +1 @@\n+x\n")]).toEqual([1]);
  });
});

describe("reviewComments", () => {
  it("puts a finding on an added line inline, on the right side, with its severity", () => {
    const result = reviewComments([finding({})], files);

    expect(result).toEqual({ comments: [{ path: "src/sub.js", line: 2, body: "**Blocking**: sub adds." }], body: "" });
  });

  it("puts a finding on an unchanged context line inline too", () => {
    expect(reviewComments([finding({ line: 21, severity: "nit" })], files).comments).toEqual([
      { path: "src/sub.js", line: 21, body: "**Nit**: sub adds." },
    ]);
  });

  it("lists findings off the diff, on unknown files and on files without a patch in the body", () => {
    const result = reviewComments(
      [finding({ line: 10 }), finding({ file: "src/other.js", severity: "suggestion" }), finding({ file: "logo.png", line: 1 })],
      files,
      "Mostly fine.",
    );

    expect(result.comments).toEqual([]);
    expect(result.body).toBe(
      [
        "Mostly fine.",
        "",
        "Findings outside the diff:",
        "",
        "- `src/sub.js:10` **Blocking**: sub adds.",
        "- `src/other.js:2` **Suggestion**: sub adds.",
        "- `logo.png:1` **Blocking**: sub adds.",
      ].join("\n"),
    );
  });

  it("neutralises mentions, images and hidden markers in model text, inline and in the body", () => {
    const message = "ping @maya ![x](https://evil.example/x.png) <!-- foreman:comment status -->";

    const result = reviewComments([finding({ message }), finding({ line: 99, message })], files, "cc @octocat");

    const text = [result.body, ...result.comments.map((comment) => comment.body)].join("\n");
    expect(text).not.toMatch(/(?<![A-Za-z0-9])@(?=[A-Za-z0-9])/);
    expect(text).not.toContain("![");
    expect(text).not.toContain("<!--");
  });
});

describe("findingSignature", () => {
  it("is the same for the same finding on another line, with other numbers and punctuation", () => {
    const first = findingSignature({ file: "src/sub.js", message: "`sub` returns a + b (line 3)." });
    const again = findingSignature({ file: "src/sub.js", message: "sub returns a + b, line 7" });

    expect(again).toBe(first);
  });

  it("differs for another file or another message", () => {
    const base = findingSignature({ file: "src/sub.js", message: "sub adds." });

    expect([
      findingSignature({ file: "src/mul.js", message: "sub adds." }),
      findingSignature({ file: "src/sub.js", message: "sub never returns." }),
    ]).not.toContain(base);
  });
});
