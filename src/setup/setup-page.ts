import { MAX_APP_NAME_LENGTH, SETUP_PATHS, type SetupChoices } from "./manifest.ts";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe inside HTML and inside a quoted attribute. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
label { display: block; margin-top: 1rem; font-weight: 600; }
input[type=text] { width: 100%; padding: .4rem; font: inherit; box-sizing: border-box; }
button { margin-top: 1.2rem; padding: .5rem 1rem; font: inherit; cursor: pointer; }
code { background: #f6f8fa; padding: .1rem .3rem; }
.problem { color: #cf222e; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface SetupPageData {
  choices: SetupChoices;
  /** What is wrong with the choices; the register button is shown only without any. */
  problems: string[];
  /** GitHub's page that takes the manifest (with the state). */
  createUrl: string;
  manifest: Record<string, unknown>;
  webhookUrl: string;
  envFile: string;
}

const problemList = (problems: string[]): string =>
  problems.length === 0 ? "" : `<ul>${problems.map((problem) => `<li class="problem">${escapeHtml(problem)}</li>`).join("")}</ul>`;

/** The setup page: the choices (a GET form that reloads it) and the POST form that sends the manifest to GitHub. */
export function setupPage(data: SetupPageData): string {
  const { choices } = data;
  const register =
    data.problems.length > 0
      ? ""
      : `<form action="${escapeHtml(data.createUrl)}" method="post">
<input type="hidden" name="manifest" value="${escapeHtml(JSON.stringify(data.manifest))}">
<button type="submit">Register the GitHub App on GitHub</button>
</form>`;
  return page(
    "Set up Foreman",
    `<h1>Set up Foreman</h1>
<p>Foreman has no GitHub App credentials yet. Register its GitHub App from its manifest: GitHub
asks you to confirm, then sends you back here, and Foreman writes the App's ID, private key and
webhook secret to <code>${escapeHtml(data.envFile)}</code>.</p>
<form action="${SETUP_PATHS.page}" method="get">
<label for="name">App name (unique on GitHub, at most ${MAX_APP_NAME_LENGTH} characters)</label>
<input type="text" id="name" name="name" value="${escapeHtml(choices.name)}">
<label for="org">Organization that owns the App (empty: your own account)</label>
<input type="text" id="org" name="org" value="${escapeHtml(choices.org ?? "")}">
<label for="url">Public URL of this server, as GitHub reaches it</label>
<input type="text" id="url" name="url" value="${escapeHtml(choices.publicUrl)}">
<button type="submit">Update</button>
</form>
${problemList(data.problems)}
<p>GitHub will deliver webhooks to <code>${escapeHtml(data.webhookUrl)}</code>.</p>
${register}`,
  );
}

export interface DonePageData {
  appName: string;
  /** The App's page on GitHub; its installation page is below it. */
  appUrl: string;
  envFile: string;
  /** Settings still missing before Foreman can start (the model's key …). */
  remaining: string[];
}

/** After the credentials are written: install the App, set what is still missing, restart. */
export function donePage(data: DonePageData): string {
  const remaining =
    data.remaining.length === 0
      ? ""
      : `<p>Before restarting, set these in the environment or in <code>${escapeHtml(data.envFile)}</code>:</p>${problemList(data.remaining)}`;
  return page(
    "Foreman is registered",
    `<h1>${escapeHtml(data.appName)} is registered</h1>
<p>Its ID, private key and webhook secret are in <code>${escapeHtml(data.envFile)}</code>. Keep that file private.</p>
<ol>
<li><a href="${escapeHtml(`${data.appUrl}/installations/new`)}">Install the App</a> on the repositories Foreman should work on.</li>
<li>Restart Foreman: it then reads the credentials and starts working.</li>
</ol>
${remaining}`,
  );
}

/** A step of the setup that failed, with what to do. */
export function problemPage(title: string, problem: string): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p class="problem">${escapeHtml(problem)}</p><p><a href="${SETUP_PATHS.page}">Back to the setup page</a></p>`,
  );
}
