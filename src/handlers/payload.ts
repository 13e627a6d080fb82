import { WorkflowId } from "../domain/ids.ts";
import type { RepoRef } from "../engine/types.ts";
import type { Sender } from "../worker/intake.ts";

export interface RepoPayload {
  installation?: { id: number };
  repository?: { name: string; owner: { login: string } | null };
  sender?: { login: string; type: string };
}

/** The repository and installation a webhook is about, or null for a payload without them. */
export function repoRef(payload: RepoPayload): RepoRef | null {
  const installationId = payload.installation?.id;
  if (installationId === undefined || !payload.repository?.owner) return null;
  return { installationId, owner: payload.repository.owner.login, repo: payload.repository.name };
}

export function senderOf(payload: RepoPayload): Sender {
  return payload.sender ? { login: payload.sender.login, type: payload.sender.type } : { login: "ghost", type: "User" };
}

export function workflowKey(ref: RepoRef, issue: number): string {
  return WorkflowId.toString({ ...ref, issue });
}
