import type { Permission } from "../engine/types.ts";

const WRITERS: ReadonlySet<Permission> = new Set(["write", "maintain", "admin"]);

/** Why a sender may not command Foreman: an app account not in `allowBots`, or too little permission (`render/refusals.ts` says it). */
export type Denial = { kind: "app_account"; login: string } | { kind: "permission"; login: string; permission: Permission };

export type Authorization = { allowed: true } | { allowed: false; denial: Denial };

/**
 * Whether a sender may start work or give commands: a writer, and not another app unless allowed.
 * Logins compare without regard to case, as GitHub's do.
 */
export function authorizeSender(input: {
  login: string;
  type: string;
  permission: Permission;
  allowBots: readonly string[];
}): Authorization {
  const isBot = input.type === "Bot" || input.login.endsWith("[bot]");
  const login = input.login.toLowerCase();
  if (isBot && !input.allowBots.some((allowed) => allowed.toLowerCase() === login)) {
    return { allowed: false, denial: { kind: "app_account", login: input.login } };
  }
  if (!WRITERS.has(input.permission))
    return { allowed: false, denial: { kind: "permission", login: input.login, permission: input.permission } };
  return { allowed: true };
}
