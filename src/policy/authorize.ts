import type { Permission } from "../engine/types.ts";

const WRITERS: ReadonlySet<Permission> = new Set(["write", "maintain", "admin"]);

export type Authorization = { allowed: true } | { allowed: false; reason: string };

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
    return { allowed: false, reason: `@${input.login} is an app account, and app accounts may not command Foreman unless listed in \`allowBots\`.` };
  }
  if (!WRITERS.has(input.permission)) {
    return {
      allowed: false,
      reason: `@${input.login} has \`${input.permission}\` permission; Foreman takes instructions only from users with write, maintain or admin permission.`,
    };
  }
  return { allowed: true };
}
