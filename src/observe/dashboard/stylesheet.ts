/** The dashboard's only stylesheet, served by the app under a strict content security policy. */
export const STYLESHEET = `
:root { color-scheme: light; --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --done: #1a7f37; --bad: #cf222e; --waiting: #9a6700; --running: #0969da; --idle: #8c959f; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #ffffff; }
header { padding: 10px 20px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
main { padding: 16px 20px 40px; max-width: 1400px; }
a { color: var(--running); text-decoration: none; }
a:hover { text-decoration: underline; }
.brand { font-weight: 700; color: var(--ink); }
.muted { color: var(--muted); }
h1 { font-size: 20px; margin: 4px 0 12px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.error { font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-word; }
.pill { display: inline-block; padding: 0 8px; border-radius: 10px; border: 1px solid var(--line); font-size: 12px; }
.tone-done { color: var(--done); } .tone-bad { color: var(--bad); } .tone-waiting { color: var(--waiting); } .tone-running { color: var(--running); } .tone-idle { color: var(--idle); }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 20px; }
.graph { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fbfcfd; }
svg.task-graph .edge { fill: none; stroke: #8c959f; stroke-width: 1.5; }
svg.task-graph marker path { fill: #8c959f; }
svg.task-graph .node rect { fill: #ffffff; stroke: currentColor; stroke-width: 2; }
svg.task-graph .node text { fill: var(--ink); font-size: 12px; }
svg.task-graph .node .node-id { font-weight: 600; }
svg.task-graph .node .node-status { fill: currentColor; }
form.login { max-width: 360px; display: grid; gap: 10px; margin-top: 20px; }
form.login input { font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; }
form.login button { font: inherit; padding: 6px 8px; border-radius: 6px; border: 1px solid var(--line); background: #f6f8fa; cursor: pointer; }
.notice { color: var(--bad); }
`;
