import type { SandboxCore } from "../core.ts";
import type { Account } from "../state/types.ts";

const TYPENAMES: Record<Account["type"], string> = { User: "User", Bot: "Bot", Organization: "Organization" };

/** An `Actor` (User, Bot or Organization) as GraphQL exposes it. */
export function actorObject(core: SandboxCore, account: Account): Record<string, unknown> {
  const url = `${core.urls.html}/${account.login}`;
  return {
    __typename: TYPENAMES[account.type],
    id: account.nodeId,
    databaseId: account.id,
    login: account.login,
    url: account.type === "Bot" ? `${core.urls.html}/apps/${account.login.replace(/\[bot\]$/, "")}` : url,
    resourcePath: `/${account.login}`,
    avatarUrl: () => `${core.urls.html}/avatars/${account.id}`,
  };
}
