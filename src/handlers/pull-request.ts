import type { Probot } from "probot";
import type { RepoRef } from "../engine/types.ts";
import { parseTaskBranch } from "../render/index.ts";
import type { Intake } from "../worker/intake.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { repoRef, senderOf, workflowKey, type RepoPayload } from "./payload.ts";

type PullRequestAction = "synchronize" | "closed" | "reopened" | "dequeued";

interface PullRequestPayload extends RepoPayload {
  action: PullRequestAction;
  pull_request: { number: number; head: { ref: string; sha: string }; merged?: boolean | null; merge_commit_sha?: string | null };
}

type Common = { ref: RepoRef; pr: number; headRef: string; deliveryId: string };

/** What one pull request webhook means to Foreman. */
function intakeOf(payload: PullRequestPayload, common: Common): Intake {
  const { pull_request: pull } = payload;
  const sender = senderOf(payload);
  switch (payload.action) {
    case "synchronize":
      return { kind: "pr_synchronize", ...common, sha: pull.head.sha, sender };
    case "closed":
      return { kind: "pr_closed", ...common, merged: pull.merged === true, sha: pull.merge_commit_sha ?? pull.head.sha, sender };
    case "reopened":
      return { kind: "pr_reopened", ...common, sha: pull.head.sha, sender };
    case "dequeued":
      return { kind: "pr_dequeued", ...common, reason: "reason" in payload ? String(payload.reason) : "dequeued" };
  }
}

export function onPullRequest(app: Probot, sink: IntakeSink): void {
  app.on(["pull_request.synchronize", "pull_request.closed", "pull_request.reopened", "pull_request.dequeued"], (context) => {
    const { payload } = context;
    const ref = repoRef(payload);
    const task = parseTaskBranch(payload.pull_request.head.ref);
    if (!ref || !task) return;
    const common = { ref, pr: payload.pull_request.number, headRef: payload.pull_request.head.ref, deliveryId: context.id };
    const intake = intakeOf(payload, common);
    sink.accept({ deliveryId: context.id, event: context.name, action: payload.action, key: workflowKey(ref, task.issue), intake });
  });
}
