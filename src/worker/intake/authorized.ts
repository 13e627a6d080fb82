import { authorizeSender, type Denial } from "../../policy/authorize.ts";
import type { Permission, RepoGitHub } from "../../ports/github.ts";
import type { Sender } from "../intake.ts";

export type SenderCheck = { ok: true; permission: Permission } | { ok: false; denial: Denial };

/** Whether a sender may command Foreman, checked live against the repository, with the permission read or why not. */
export async function authorize(github: RepoGitHub, sender: Sender, allowBots: readonly string[]): Promise<SenderCheck> {
  const permission = await github.permissionOf(sender.login);
  const decision = authorizeSender({ login: sender.login, type: sender.type, permission, allowBots });
  return decision.allowed ? { ok: true, permission } : { ok: false, denial: decision.denial };
}
