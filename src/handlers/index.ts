import type { ApplicationFunction } from "probot";
import { onCheckSuite } from "./checks.ts";
import type { IntakeSink } from "./intake-sink.ts";
import { onIssueComment } from "./issue-comment.ts";
import { onIssueLabeled } from "./issues.ts";
import { onMergeGroup } from "./merge-group.ts";
import { onPullRequest } from "./pull-request.ts";

/** The Probot app: registers the handlers, each of which only records and queues. */
export function createApp(sink: IntakeSink): ApplicationFunction {
  return (app) => {
    onIssueLabeled(app, sink);
    onIssueComment(app, sink);
    onPullRequest(app, sink);
    onCheckSuite(app, sink);
    onMergeGroup(app, sink);
  };
}
