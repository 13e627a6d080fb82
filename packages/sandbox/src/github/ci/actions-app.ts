import { encodeNodeId, type SandboxStore } from "../state/store.ts";
import type { Account, AccountType, SandboxApp } from "../state/types.ts";

/** GitHub's own ids for the GitHub Actions app, its bot and the `github` organization. */
export const ACTIONS_APP_ID = 15368;
const ACTIONS_BOT_ID = 41898282;
const GITHUB_ORG_ID = 9919;
const ACTIONS_CREATED_AT = "2018-07-30T09:30:17Z";

function fixedAccount(store: SandboxStore, login: string, id: number, type: AccountType): Account {
  const existing = store.findAccount(login);
  if (existing) return existing;
  const prefix = type === "Bot" ? "BOT" : type === "Organization" ? "O" : "U";
  const account: Account = { id, nodeId: encodeNodeId(prefix, id), login, type };
  store.accounts.set(login.toLowerCase(), account);
  return account;
}

/** The `github-actions[bot]` account, sender of every webhook the CI runner sends. */
export function actionsBot(store: SandboxStore): Account {
  return fixedAccount(store, "github-actions[bot]", ACTIONS_BOT_ID, "Bot");
}

/**
 * The GitHub Actions app that owns the CI runner's check suites. It is registered in the
 * store so check runs can name their app, but has no webhook URL: nothing is delivered to it.
 */
export function ensureActionsApp(store: SandboxStore): SandboxApp {
  const existing = store.apps.get(ACTIONS_APP_ID);
  if (existing) return existing;
  const app: SandboxApp = {
    id: ACTIONS_APP_ID,
    nodeId: encodeNodeId("A", ACTIONS_APP_ID),
    slug: "github-actions",
    name: "GitHub Actions",
    owner: fixedAccount(store, "github", GITHUB_ORG_ID, "Organization"),
    bot: actionsBot(store),
    publicKeyPem: "",
    webhookUrl: null,
    webhookSecret: "",
    permissions: { actions: "write", checks: "write", contents: "write", metadata: "read", pull_requests: "write", statuses: "write" },
    events: ["check_run", "check_suite", "merge_group", "pull_request", "push", "workflow_dispatch"],
    createdAt: ACTIONS_CREATED_AT,
  };
  store.apps.set(ACTIONS_APP_ID, app);
  return app;
}
