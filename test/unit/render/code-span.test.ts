import { describe, expect, it } from "vitest";
import { codeSpan } from "../../../src/render/code-span.ts";
import { inlineCode } from "../../../src/render/markdown.ts";
import { alwaysInCode } from "../../security/github-text.ts";

describe("codeSpan", () => {
  it.each([
    ["plain text", "src/a.ts", "`src/a.ts`"],
    ["one backtick", "a`b", "``a`b``"],
    ["a run of two", "a``b`c", "```a``b`c```"],
    ["a backtick at an end", "`a", "`` `a ``"],
    ["nothing", "", "` `"],
    ["lines", "a\n\nb", "`a b`"],
    ["an HTML comment that would join two runs once removed", "a`<!-- x -->`b", "```a``b```"],
  ])("quotes %s in one span", (_name, text, span) => {
    expect(codeSpan(text)).toBe(span);
  });

  it.each(["q`@org/team", "``a`", "a ``` b", "x`y` z`", "a`"])("keeps %j inside one code span as GitHub parses it", (text) => {
    const sentence = `- ${codeSpan(text)} is not one of the task's files\n- ${codeSpan("`other")} neither`;

    expect(alwaysInCode(sentence, text.replace(/\s+/g, " ").trim())).toBe(true);
  });
});

describe("inlineCode", () => {
  it("defuses what is inside too", () => {
    expect(inlineCode("q`@org/team fixes #3")).toBe("``q`@\u200borg/team f\u200bixes #\u200b3``");
  });
});
