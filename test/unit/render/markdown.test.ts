import { describe, expect, it } from "vitest";
import {
  blockquote,
  formatCount,
  formatDuration,
  formatUsage,
  inlineCode,
  listItem,
  singleLine,
  tableCell,
} from "../../../src/render/markdown.ts";

describe("markdown helpers", () => {
  it.each([
    ["src/a.ts", "`src/a.ts`"],
    ["a`b", "``a`b``"],
    ["`x`", "`` `x` ``"],
    ["a\nb", "`a b`"],
  ])("inlineCode(%j) is %j", (text, code) => {
    expect(inlineCode(text)).toBe(code);
  });

  it("puts untrusted text on one line", () => {
    expect(singleLine("  Title\n- [x] fake item\n@me ")).toBe("Title - [x] fake item @\u200bme");
  });

  it("escapes pipes in table cells", () => {
    expect(tableCell("a | b")).toBe("a \\| b");
  });

  it("indents continuation lines of a list item under the marker", () => {
    expect(listItem("10.", "first\n\nsecond")).toBe("10. first\n\n    second");
  });

  it("indents continuation lines of a task list item to its content column", () => {
    expect(listItem("- [ ]", "first\nsecond")).toBe("- [ ] first\n  second");
  });

  it("quotes every line of a block quote", () => {
    expect(blockquote("one\n\ntwo")).toBe("> one\n>\n> two");
  });

  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [1234567, "1,234,567"],
  ])("formatCount(%d) is %j", (value, text) => {
    expect(formatCount(value)).toBe(text);
  });

  it.each([
    [0, "0 s"],
    [59_400, "59 s"],
    [60_000, "1 min"],
    [125_000, "2 min 5 s"],
    [3_600_000, "1 h"],
    [4_380_000, "1 h 13 min"],
  ])("formatDuration(%d) is %j", (milliseconds, text) => {
    expect(formatDuration(milliseconds)).toBe(text);
  });

  it("formats usage with two decimals of dollars", () => {
    expect(formatUsage({ promptTokens: 12345, completionTokens: 678, costUsd: 0.125 })).toBe("12,345 tokens in · 678 tokens out · $0.13");
  });

  it("shows the tokens of a model without a price as price unknown, never as $0", () => {
    expect(formatUsage({ promptTokens: 1000, completionTokens: 200, costUsd: 0, unpricedTokens: 1200 })).toBe(
      "1,000 tokens in · 200 tokens out · price unknown; budget counted in tokens",
    );
    expect(formatUsage({ promptTokens: 1000, completionTokens: 200, costUsd: 0.5, unpricedTokens: 300 })).toBe(
      "1,000 tokens in · 200 tokens out · $0.50 + price unknown for 300 tokens (counted in the token budget only)",
    );
  });
});
