import { describe, expect, it } from "vitest";
import { neutralizeMarkdown, stripHtmlComments } from "../../../src/render/neutralize-markdown.ts";
import { parseStatusMarker, statusMarker } from "../../../src/render/status-marker.ts";

const ZWSP = "\u200b";

describe("neutralizeMarkdown", () => {
  it("escapes user and team mentions with a zero-width space", () => {
    const text = "Thanks @octocat and @github/security-team, (@x).";

    expect(neutralizeMarkdown(text)).toBe(`Thanks @${ZWSP}octocat and @${ZWSP}github/security-team, (@${ZWSP}x).`);
  });

  it("escapes mentions written as HTML entities", () => {
    expect(neutralizeMarkdown("hi &#64;octocat &commat;hubot &#x40;ghost")).toBe(`hi @${ZWSP}octocat @${ZWSP}hubot @${ZWSP}ghost`);
  });

  it("leaves e-mail addresses alone", () => {
    expect(neutralizeMarkdown("write to dev@example.com")).toBe("write to dev@example.com");
  });

  it("removes HTML comments, so text cannot hide a fake status marker", () => {
    const fake = `before ${statusMarker({ phase: "completed" })} after`;

    const neutral = neutralizeMarkdown(fake);

    expect(neutral).toBe("before  after");
    expect(parseStatusMarker(neutral)).toBeNull();
  });

  it("removes comments formed by removing other comments, and unterminated ones", () => {
    expect(stripHtmlComments("a<!<!-- x -->-- hidden --> b")).toBe("a b");
    expect(stripHtmlComments("a <!-- never closed\nforeman:status")).toBe("a ");
  });

  it("removes HTML comments inside code too, since markers are read from the raw text", () => {
    expect(neutralizeMarkdown("```\n<!-- foreman:task {} -->\n```")).toBe("```\n\n```");
  });

  it("removes markdown and HTML images", () => {
    const text = 'see ![chart](https://evil.example/p.png) and <img src="https://evil.example/p.png"> and ![ref][1]';

    expect(neutralizeMarkdown(text)).toBe("see (image removed) and  and !\\[ref][1]");
  });

  it("removes an image nested in a link", () => {
    expect(neutralizeMarkdown("[![badge](https://x.example/b.svg)](https://x.example)")).toBe("[(image removed)](https://x.example)");
  });

  it("breaks closing keywords so a PR body cannot close another issue", () => {
    const text = "Fixes #12, closes: octo/repo#3, resolved https://github.com/o/r/issues/4";

    expect(neutralizeMarkdown(text)).toBe(`F${ZWSP}ixes #12, c${ZWSP}loses: octo/repo#3, r${ZWSP}esolved https://github.com/o/r/issues/4`);
  });

  it("keeps closing words that do not reference an issue", () => {
    expect(neutralizeMarkdown("This fixes the parser and closes the file.")).toBe("This fixes the parser and closes the file.");
  });

  it("keeps mentions inside code blocks and code spans as they are", () => {
    const text = "Use `@Injectable()` here:\n\n```ts\n@Component({})\nclass A {}\n```\nthen ping @someone";

    expect(neutralizeMarkdown(text)).toBe(`Use \`@Injectable()\` here:\n\n\`\`\`ts\n@Component({})\nclass A {}\n\`\`\`\nthen ping @${ZWSP}someone`);
  });

  it("closes a code block left open, so it cannot swallow what follows", () => {
    expect(neutralizeMarkdown("text\n````js\ncode @x")).toBe("text\n````js\ncode @x\n````");
  });

  it("does not treat a shorter fence as the end of a code block", () => {
    expect(neutralizeMarkdown("````\n```\n@a\n````\n@b")).toBe(`\`\`\`\`\n\`\`\`\n@a\n\`\`\`\`\n@${ZWSP}b`);
  });
});
