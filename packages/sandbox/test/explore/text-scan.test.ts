import { describe, expect, it } from "vitest";
import { closingKeywords, liveMentions, secretsIn } from "../../src/explore/checks/text-scan.ts";

describe("what GitHub would make of a text", () => {
  it("finds live mentions of people and teams", () => {
    expect(liveMentions("Thanks @octocat, and cc (@acme/owners).")).toEqual(["@octocat", "@acme/owners"]);
  });

  it("leaves out broken mentions, e-mail addresses, code and hidden comments", () => {
    const text = "Approved by @\u200bmaya. Mail maya@example.com.\n`@sam` in code\n```\n@rita\n```\n<!-- @hidden -->";
    expect(liveMentions(text)).toEqual([]);
  });

  it("finds closing keywords before an issue reference", () => {
    expect(closingKeywords("This fixes #1 and Closes acme/stats#2.")).toEqual(["fixes #1", "Closes acme/stats#2"]);
    expect(closingKeywords("f\u200bixes #\u200b1, Part of #1")).toEqual([]);
  });

  it("finds tokens in the formats push protection blocks, code included", () => {
    expect(secretsIn(`const TOKEN = "ghp_${"a1".repeat(18)}";`)).toEqual(["ghp_a1a1"]);
    expect(secretsIn("AKIAABCDEFGHIJKLMNOP")).toEqual(["AKIAABCD"]);
    expect(secretsIn("ghp_short")).toEqual([]);
  });
});
