import { describe, expect, it } from "vitest";
import { mermaidLabel, renderPlanGraph } from "../../../src/render/mermaid.ts";

describe("renderPlanGraph", () => {
  it("draws one node per task, edges from dependencies and a class per state", () => {
    const graph = renderPlanGraph([
      { id: "a", title: "Parse", status: "merged", dependsOn: [] },
      { id: "b", title: "Use", status: "ci_running", dependsOn: ["a"] },
      { id: "end", title: "Docs", status: "pending", dependsOn: ["a", "b", "ghost"] },
    ]);

    expect(graph).toMatchInlineSnapshot(`
      "\`\`\`mermaid
      graph TD
        t0["a: Parse"]
        t1["b: Use"]
        t2["end: Docs"]
        t0 --> t1
        t0 --> t2
        t1 --> t2
        classDef merged fill:#aceebb,stroke:#1a7f37,color:#044f1e
        classDef ci_running fill:#fff8c5,stroke:#d4a72c,color:#4d2d00
        classDef pending fill:#f6f8fa,stroke:#8c959f,color:#24292f
        class t0 merged
        class t1 ci_running
        class t2 pending
      \`\`\`"
    `);
  });

  it("gives tasks in the same state one class line", () => {
    const graph = renderPlanGraph([
      { id: "a", title: "A", status: "pending", dependsOn: [] },
      { id: "b", title: "B", status: "pending", dependsOn: [] },
    ]);

    expect(graph.split("\n").filter((line) => line.includes("class"))).toEqual([
      "  classDef pending fill:#f6f8fa,stroke:#8c959f,color:#24292f",
      "  class t0,t1 pending",
    ]);
  });
});

describe("mermaidLabel", () => {
  it("turns quotes, brackets and other markup into entity codes", () => {
    expect(mermaidLabel('Say "hi" [now] (a|b) {c} <d> & e; #1 `x`')).toBe(
      "Say #34;hi#34; #91;now#93; #40;a#124;b#41; #123;c#125; #60;d#62; #38; e#59; #35;\u200b1 #96;x#96;",
    );
  });

  it("defuses mentions, closing keywords and references, as every posted text", () => {
    expect(mermaidLabel("for @someone and @org/team, fixes #3")).toBe("for @\u200bsomeone and @\u200borg/team, f\u200bixes #35;\u200b3");
  });

  it("keeps a label on one line and cannot leave the code block", () => {
    const label = mermaidLabel('a"]\n```\n<!-- foreman:status x -->');

    expect(label).not.toMatch(/["`<>\n\]]/);
  });
});
