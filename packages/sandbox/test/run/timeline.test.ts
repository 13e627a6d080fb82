import { describe, expect, it } from "vitest";
import type { AnsweredToolCall } from "../../src/model/index.ts";
import { describeToolCall, Timeline } from "../../src/run/timeline.ts";

const call = (name: string, args: string, role: string | null = "coder"): AnsweredToolCall => ({
  seq: 1,
  role,
  id: "call_1",
  name,
  arguments: args,
});

describe("describeToolCall", () => {
  it("names the role, the tool and its short arguments", () => {
    expect(describeToolCall(call("read_file", '{"path":"src/x.js","startLine":10,"endLine":40}'))).toBe("coder → read_file src/x.js 10 40");
    expect(describeToolCall(call("list_files", "{}", null))).toBe("model → list_files");
  });

  it("leaves out long or multi-line values and keeps malformed arguments short", () => {
    expect(describeToolCall(call("edit", JSON.stringify({ path: "src/x.js", search: "a\nb", replace: "x".repeat(200) })))).toBe(
      "coder → edit src/x.js",
    );
    expect(describeToolCall(call("search", `{"pattern": "${"y".repeat(100)}`))).toBe("coder → search");
    expect(describeToolCall(call("search", '{"pattern": "tot'))).toBe('coder → search {"pattern": "tot');
  });
});

describe("Timeline", () => {
  it("adds a line for each tool call answered since the last poll", () => {
    const calls: AnsweredToolCall[] = [call("search", '{"pattern":"total"}')];
    const lines: string[] = [];
    const timeline = new Timeline(
      () => [],
      (line) => lines.push(line),
      () => calls,
    );

    timeline.poll();
    calls.push(call("read_file", '{"path":"src/cart.js"}'));
    timeline.poll();
    timeline.poll();

    expect(lines.map((line) => line.replace(/^\s*[\d.]+s {2}/, ""))).toEqual(["coder → search total", "coder → read_file src/cart.js"]);
  });
});
