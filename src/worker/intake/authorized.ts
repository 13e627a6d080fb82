import { authorizeSender } from "../../policy/authorize.ts";
import type { RepoGitHub } from "../../ports/github.ts";
import type { Sender } from "../intake.ts";

/** Whether a sender may command Foreman, checked live against the repository. */
export async function isWriter(github: RepoGitHub, sender: Sender, allowBots: readonly string[]): Promise<boolean> {
  const permission = await github.permissionOf(sender.login);
  return authorizeSender({ login: sender.login, type: sender.type, permission, allowBots }).allowed;
}
