import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../src/policy/commands.ts";

describe("parseCommand", () => {
  it.each([
    ["/approve", { name: "approve", sha: null }],
    ["/cancel", { name: "cancel" }],
    ["/retry", { name: "retry" }],
    ["/plan", { name: "plan", feedback: "" }],
    ["/plan Use one task, and keep the API.", { name: "plan", feedback: "Use one task, and keep the API." }],
    ["/APPROVE", { name: "approve", sha: null }],
    ["/Plan Keep It Small", { name: "plan", feedback: "Keep It Small" }],
    ["  /approve  ", { name: "approve", sha: null }],
    ["/approve please, CI is green", { name: "approve", sha: null }],
    ["Looks good to me.\r\n/approve\r\n", { name: "approve", sha: null }],
    ["/approve 1a2B3c4", { name: "approve", sha: "1a2b3c4" }],
    ["/approve 0123456789abcdef0123456789abcdef01234567 looks right", { name: "approve", sha: "0123456789abcdef0123456789abcdef01234567" }],
    ["/approve 1a2b3c", { name: "approve", sha: null }],
    ["/approve deadbeefs", { name: "approve", sha: null }],
  ])("reads %j as a command", (body, command) => {
    expect(parseCommand(body)).toEqual(command);
  });

  it.each([
    ["plain text", "Looks good to me."],
    ["a command in the middle of a line", "Please /approve this."],
    ["a longer word", "/approved"],
    ["an unknown command", "/merge"],
    ["a quote", "> /approve"],
    ["a nested quote", "> > /cancel"],
    ["a fenced code block", "```\n/approve\n```"],
    ["a tilde code block", "~~~\n/cancel\n~~~"],
    ["indented code", "Example:\n\n    /approve"],
    ["tab-indented code", "\t/approve"],
    ["inline code", "`/approve`"],
    ["an HTML comment", "<!-- /approve -->"],
    ["a multi-line HTML comment", "<!--\n/approve\n-->"],
    ["an unclosed HTML comment", "Thanks <!--\n/approve"],
  ])("finds no command in %s", (_name, body) => {
    expect(parseCommand(body)).toBeNull();
  });

  it("takes the first command when there are several", () => {
    expect(parseCommand("/cancel\n/approve")).toEqual({ name: "cancel" });
  });

  it("reads a command after a closed code block", () => {
    expect(parseCommand("```sh\n/cancel\n```\n/approve")).toEqual({ name: "approve", sha: null });
  });

  it("keeps a backtick block open across a tilde line inside it", () => {
    expect(parseCommand("```\n~~~\n/cancel\n```\n/approve")).toEqual({ name: "approve", sha: null });
  });

  it("keeps a block open until a fence at least as long as the opening one", () => {
    expect(parseCommand("````\n```\n/cancel\n````\n/approve")).toEqual({ name: "approve", sha: null });
  });

  it("does not close a block on a fence line followed by text", () => {
    expect(parseCommand("```\n``` not a closing fence\n/cancel\n```")).toBeNull();
  });

  it("reads a command after a quote", () => {
    expect(parseCommand("> Should we /cancel?\n\n/approve")).toEqual({ name: "approve", sha: null });
  });
});
