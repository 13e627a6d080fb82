import { html, type Html, type HtmlValue } from "./html.ts";

export const STYLESHEET_PATH = "/dashboard/assets/dashboard.css";

/** A whole page: no script, one stylesheet served by the app. */
export function page(title: string, body: HtmlValue): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Foreman</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header><a class="brand" href="/dashboard">Foreman</a> <span class="muted">read-only dashboard</span></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A time as UTC, to the second. */
export function timeText(ms: number | null): string {
  return ms === null ? "" : `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export function costText(usd: number): string {
  return `$${usd.toFixed(4)}`;
}

/** A duration in words a person scans: 42 s, 7 min, 3 h, 2 d. */
export function ageText(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

/** A long stored text (an error) cut for a table cell. */
export function excerpt(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
