import { html, type Html } from "./html.ts";
import { page } from "./page.ts";

/** The login form; `refused` after a wrong token. */
export function renderLogin(refused: boolean): Html {
  return page(
    "Sign in",
    html`<h1>Sign in</h1>
<p class="muted">Enter the dashboard token (the value of FOREMAN_DASHBOARD_TOKEN).</p>
${refused ? html`<p class="notice" role="alert">That token is not the dashboard's.</p>` : ""}
<form class="login" method="post" action="/dashboard/login">
<label for="token">Token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  );
}
