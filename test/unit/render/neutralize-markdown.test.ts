import { describe, expect, it } from "vitest";
import {
  hiddenMarker,
  markdown,
  neutralizeMarkdown,
  neutralizePlainText,
  stripHtmlComments,
} from "../../../src/render/neutralize-markdown.ts";
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

    expect(neutralizeMarkdown(text)).toBe(
      `F${ZWSP}ixes #${ZWSP}12, c${ZWSP}loses: octo/repo#${ZWSP}3, r${ZWSP}esolved https://github.com/o/r/issues/${ZWSP}4`,
    );
  });

  it("breaks references to other issues and pull requests, so GitHub adds no cross-reference to them", () => {
    const text = "see #7, GH-8, octo/repo#9, https://github.com/octo/repo/pull/10 and (#11)";

    expect(neutralizeMarkdown(text)).toBe(
      `see #${ZWSP}7, GH-${ZWSP}8, octo/repo#${ZWSP}9, https://github.com/octo/repo/pull/${ZWSP}10 and (#${ZWSP}11)`,
    );
  });

  it("breaks a reference written as an HTML entity, and leaves other numeric entities and words with a hash alone", () => {
    expect(neutralizeMarkdown("&#35;5 and &num;6, &#8212; C#7")).toBe(`#${ZWSP}5 and #${ZWSP}6, &#8212; C#7`);
  });

  it("keeps a heading and a hash before a word as they are", () => {
    expect(neutralizeMarkdown("# Title\n#hashtag")).toBe("# Title\n#hashtag");
  });

  it("changes nothing in text it already neutralised", () => {
    const text = "Fixes #12 for @octocat and @github/security-team ![x](y) <!-- x --> GH-3 o/r#4 `@kept` ```\n@open";

    const once = neutralizeMarkdown(text);

    expect(neutralizeMarkdown(once)).toBe(once);
  });

  it("keeps closing words that do not reference an issue", () => {
    expect(neutralizeMarkdown("This fixes the parser and closes the file.")).toBe("This fixes the parser and closes the file.");
  });

  it("defuses mentions inside code blocks and code spans too, with a zero-width space that code shows as nothing", () => {
    const text = "Use `@Injectable()` here:\n\n```ts\n@Component({})\nclass A {}\n```\nthen ping @someone";

    expect(neutralizeMarkdown(text)).toBe(
      `Use \`@${ZWSP}Injectable()\` here:\n\n\`\`\`ts\n@${ZWSP}Component({})\nclass A {}\n\`\`\`\nthen ping @${ZWSP}someone`,
    );
  });

  it.each([
    ["a backslash before a backtick", "\\`@a\\`"],
    ["a code span across list items", "- `x\n- @a\n- y`"],
    ["a code span across a blank line", "`x\n\n@a\n\ny`"],
    ["a fence whose info string holds a backtick", "```a`\n@a\n```"],
    ["a backtick inside a link destination", "[a](`) @a `)"],
    ["a backtick inside an HTML attribute", "<span title='`'>@a</span>`"],
  ])("leaves no live mention where a parser could disagree with GitHub's about code: %s", (_name, text) => {
    expect(neutralizeMarkdown(text)).not.toMatch(/@(?!\u200b)/);
  });

  it("closes a code block left open, so it cannot swallow what follows", () => {
    expect(neutralizeMarkdown("text\n````js\ncode @x")).toBe(`text\n\`\`\`\`js\ncode @${ZWSP}x\n\`\`\`\``);
  });

  it("does not treat a shorter fence as the end of a code block", () => {
    expect(neutralizeMarkdown("````\n```\n@a\n````\nb")).toBe(`\`\`\`\`\n\`\`\`\n@${ZWSP}a\n\`\`\`\`\nb`);
  });

  it("does not take a line of backticks with a backtick after them for a fence, so closes nothing", () => {
    expect(neutralizeMarkdown("```a`\ntext")).toBe("```a`\ntext");
  });

  it("decodes character references to letters and digits, so that none spells a mention, keyword or reference", () => {
    expect(neutralizeMarkdown("&#102;ixes &#35;&#49; for &#x40;&#111;cto")).toBe(`f${ZWSP}ixes #${ZWSP}1 for @${ZWSP}octo`);
  });

  it("redacts secrets of a known shape", () => {
    const token = `ghp_${"a1B2".repeat(9)}`;

    expect(neutralizeMarkdown(`use ${token} in \`code\``)).toBe("use [REDACTED:github-token] in `code`");
  });

  it("removes images without removing a backtick, so code spans keep their shape", () => {
    expect(neutralizeMarkdown("`<img` and ![a`](b) `x`")).toBe("`` and !\\[a`](b) `x`");
  });
});

describe("neutralizePlainText", () => {
  it("removes HTML comments, so a commit message or title cannot carry a forged marker", () => {
    expect(neutralizePlainText('Add x <!-- foreman:task {"v":1} --> now')).toBe("Add x  now");
  });

  it("defuses mentions, team mentions, closing keywords and references, inside code spans too", () => {
    expect(neutralizePlainText("Fixes #12 for @octocat and `@org/team`, see GH-3")).toBe(
      `F${ZWSP}ixes #${ZWSP}12 for @${ZWSP}octocat and \`@${ZWSP}org/team\`, see GH-${ZWSP}3`,
    );
  });
});

describe("markdown", () => {
  it("joins Foreman's own words with safe values and numbers", () => {
    expect(markdown`Hello ${neutralizeMarkdown("@octocat")}, ${3} tasks`).toBe(`Hello @${ZWSP}octocat, 3 tasks`);
  });
});

describe("hiddenMarker", () => {
  it("takes Foreman's own markers", () => {
    expect(hiddenMarker("<!-- foreman:config-problems -->")).toBe("<!-- foreman:config-problems -->");
    expect(hiddenMarker(statusMarker({ a: "-->" }))).toContain("<!-- foreman:status ");
  });

  it.each(["<!-- foreman:status x --> @octocat <!-- foreman:status y -->", "hello", "<!-- other -->", "<!-- foreman:task {}\n -->"])(
    "refuses %j",
    (text) => {
      expect(() => hiddenMarker(text)).toThrow(RangeError);
    },
  );
});
