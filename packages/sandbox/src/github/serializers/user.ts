import type { Account } from "../state/types.ts";
import type { Urls } from "./urls.ts";

/** GitHub links a bot to its app's page, `/apps/<slug>`; a `[bot]` login is not a valid path. */
function htmlUrl(urls: Urls, account: Account): string {
  if (account.type === "Bot") return `${urls.html}/apps/${account.login.replace(/\[bot\]$/, "")}`;
  return `${urls.html}/${account.login}`;
}

export function serializeUser(urls: Urls, account: Account): Record<string, unknown> {
  const api = `${urls.api}/users/${encodeURIComponent(account.login)}`;
  return {
    login: account.login,
    id: account.id,
    node_id: account.nodeId,
    avatar_url: `${urls.html}/avatars/${account.id}`,
    gravatar_id: "",
    url: api,
    html_url: htmlUrl(urls, account),
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    site_admin: false,
  };
}
