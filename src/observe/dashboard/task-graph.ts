import { html, type Html } from "./html.ts";

/** A task as the graph shows it. */
export interface GraphTask {
  id: string;
  title: string;
  status: string;
  dependsOn: readonly string[];
}

interface PlacedNode {
  task: GraphTask;
  layer: number;
  row: number;
  x: number;
  y: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: { from: PlacedNode; to: PlacedNode }[];
  width: number;
  height: number;
}

const NODE_WIDTH = 180;
const NODE_HEIGHT = 46;
const COLUMN_GAP = 60;
const ROW_GAP = 18;
const MARGIN = 12;

/** Each task's layer: 0 without dependencies, else one more than its deepest dependency (a cycle, which a plan never has, stops at 0). */
function layers(tasks: readonly GraphTask[]): Map<string, number> {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const deps = (byId.get(id)?.dependsOn ?? []).filter((dep) => byId.has(dep));
    const value = deps.length === 0 ? 0 : Math.max(...deps.map(depth)) + 1;
    visiting.delete(id);
    layer.set(id, value);
    return value;
  };
  for (const task of tasks) depth(task.id);
  return layer;
}

/** A layered layout: dependencies left of their dependents, tasks of a layer stacked in plan order. */
export function layoutGraph(tasks: readonly GraphTask[]): GraphLayout {
  const layerOf = layers(tasks);
  const rows = new Map<number, number>();
  const nodes = tasks.map((task): PlacedNode => {
    const layer = layerOf.get(task.id) ?? 0;
    const row = rows.get(layer) ?? 0;
    rows.set(layer, row + 1);
    return { task, layer, row, x: MARGIN + layer * (NODE_WIDTH + COLUMN_GAP), y: MARGIN + row * (NODE_HEIGHT + ROW_GAP) };
  });
  const byId = new Map(nodes.map((node) => [node.task.id, node]));
  const edges = nodes.flatMap((to) =>
    to.task.dependsOn.flatMap((dep) => (byId.get(dep) ? [{ from: byId.get(dep) as PlacedNode, to }] : [])),
  );
  const columns = Math.max(1, ...[...rows.keys()].map((layer) => layer + 1));
  const tallest = Math.max(1, ...rows.values());
  return {
    nodes,
    edges,
    width: MARGIN * 2 + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP,
    height: MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP,
  };
}

/** The status's colour class: done, failed, waiting on a human, running, or not started. */
export function statusTone(status: string): string {
  if (status === "merged") return "done";
  if (status === "failed" || status === "needs_human" || status === "cancelled") return "bad";
  if (status === "ready" || status === "approved") return "waiting";
  return status === "pending" ? "idle" : "running";
}

const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function nodeSvg(node: PlacedNode): Html {
  const { task, x, y } = node;
  return html`<g class="node tone-${statusTone(task.status)}" data-task="${task.id}">
<title>${task.id}: ${task.title} (${task.status})</title>
<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6"></rect>
<text x="${x + 10}" y="${y + 19}" class="node-id">${shorten(task.id, 22)}</text>
<text x="${x + 10}" y="${y + 36}" class="node-status">${task.status}</text>
</g>`;
}

function edgeSvg(edge: { from: PlacedNode; to: PlacedNode }): Html {
  const x1 = edge.from.x + NODE_WIDTH;
  const y1 = edge.from.y + NODE_HEIGHT / 2;
  const x2 = edge.to.x;
  const y2 = edge.to.y + NODE_HEIGHT / 2;
  const middle = (x1 + x2) / 2;
  return html`<path class="edge" d="M${x1} ${y1} C${middle} ${y1} ${middle} ${y2} ${x2 - 6} ${y2}" marker-end="url(#arrow)"></path>`;
}

/** The plan's dependency graph as inline SVG, drawn on the server: no script, nothing fetched. */
export function renderTaskGraph(tasks: readonly GraphTask[]): Html {
  const layout = layoutGraph(tasks);
  return html`<svg class="task-graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="task dependency graph"
 width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z"></path></marker></defs>
${layout.edges.map(edgeSvg)}
${layout.nodes.map(nodeSvg)}
</svg>`;
}
