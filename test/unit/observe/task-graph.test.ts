import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "../../../src/observe/dashboard/html.ts";
import { layoutGraph, renderTaskGraph } from "../../../src/observe/dashboard/task-graph.ts";

const task = (id: string, dependsOn: string[] = [], status = "pending") => ({ id, title: `Task ${id}`, status, dependsOn });

describe("the dashboard's HTML", () => {
  it("escapes every interpolated value and keeps markup built by html", () => {
    const title = `<img src=x onerror="alert(1)"> & 'quotes' \`tick\``;

    const out = html`<td title="${title}">${title}${html`<b>ok</b>`}${[title, 1]}${null}${false}</td>`.text;

    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39; &#96;tick&#96;");
    expect(out).toContain("<b>ok</b>");
    expect(escapeHtml("a<b")).toBe("a&lt;b");
  });
});

describe("layoutGraph", () => {
  it("puts each task one layer right of its deepest dependency, stacking a layer in plan order", () => {
    const layout = layoutGraph([task("mean"), task("median"), task("summary", ["mean", "median"]), task("docs", ["summary"])]);

    expect(layout.nodes.map((node) => [node.task.id, node.layer, node.row])).toEqual([
      ["mean", 0, 0],
      ["median", 0, 1],
      ["summary", 1, 0],
      ["docs", 2, 0],
    ]);
    expect(layout.edges.map((edge) => `${edge.from.task.id}->${edge.to.task.id}`)).toEqual([
      "mean->summary",
      "median->summary",
      "summary->docs",
    ]);
    expect(layout.width).toBeGreaterThan(3 * 180);
    expect(layout.height).toBeGreaterThan(2 * 46);
  });

  it("ignores dependencies on unknown tasks and survives a cycle", () => {
    const layout = layoutGraph([task("a", ["b", "ghost"]), task("b", ["a"])]);

    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges).toHaveLength(2);
  });
});

describe("renderTaskGraph", () => {
  it("draws one node per task with its status, and escapes what the plan says", () => {
    const svg = renderTaskGraph([
      task("mean", [], "merged"),
      { ...task("summary", ["mean"], "needs_human"), title: "</title><script>alert(1)</script>" },
    ]).text;

    expect(svg.match(/<g class="node/g)).toHaveLength(2);
    expect(svg).toContain('class="node tone-done"');
    expect(svg).toContain('class="node tone-bad"');
    expect(svg.match(/<path class="edge"/g)).toHaveLength(1);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;/title&gt;&lt;script&gt;");
  });
});
