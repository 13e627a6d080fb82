import type { ApplicationFunction } from "probot";
import { onCheckSuite } from "./checks.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { onInstallation } from "./installation.ts";
import { onIssueComment } from "./issue-comment.ts";
import { onIssueClosed, onIssueLabeled } from "./issues.ts";
import { onMergeGroup } from "./merge-group.ts";
import { onPush } from "./push.ts";
import { onReview } from "./review.ts";
import { onPullRequest } from "./pull-request.ts";
import { onPullRequestNotTask } from "./pull-request-not-task.ts";
import { onStatus } from "./status.ts";

/** The Probot app: registers the handlers, each of which only records and queues. */
export function createApp(sink: IntakeSink): ApplicationFunction {
  return (app) => {
    onIssueLabeled(app, sink);
    onIssueClosed(app, sink);
    onIssueComment(app, sink);
    onPullRequest(app, sink);
    onPullRequestNotTask(app, sink);
    onCheckSuite(app, sink);
    onStatus(app, sink);
    onMergeGroup(app, sink);
    onReview(app, sink);
    onPush(app, sink);
    onInstallation(app, sink);
  };
}
