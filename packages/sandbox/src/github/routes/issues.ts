import type { RouteTable } from "../context.ts";
import { createCommentRoute, deleteCommentRoute, getCommentRoute, listCommentsRoute, updateCommentRoute } from "./issues-comments.ts";
import { createIssueRoute, getIssueRoute, updateIssueRoute } from "./issues-core.ts";
import {
  addLabelsRoute,
  createLabelRoute,
  getLabelRoute,
  listLabelsForRepoRoute,
  listLabelsOnIssueRoute,
  removeLabelRoute,
  setLabelsRoute,
} from "./issues-labels.ts";
import {
  createForIssueCommentRoute,
  createForIssueRoute,
  createForReviewCommentRoute,
  listForIssueCommentRoute,
} from "./issues-reactions.ts";

/** Issues, issue comments, labels and reactions (pull requests are issues here too). */
export const issuesRoutes: RouteTable = {
  "issues/get": getIssueRoute,
  "issues/create": createIssueRoute,
  "issues/update": updateIssueRoute,
  "issues/list-comments": listCommentsRoute,
  "issues/create-comment": createCommentRoute,
  "issues/get-comment": getCommentRoute,
  "issues/update-comment": updateCommentRoute,
  "issues/delete-comment": deleteCommentRoute,
  "issues/add-labels": addLabelsRoute,
  "issues/remove-label": removeLabelRoute,
  "issues/set-labels": setLabelsRoute,
  "issues/list-labels-on-issue": listLabelsOnIssueRoute,
  "issues/create-label": createLabelRoute,
  "issues/get-label": getLabelRoute,
  "issues/list-labels-for-repo": listLabelsForRepoRoute,
  "reactions/create-for-issue": createForIssueRoute,
  "reactions/create-for-issue-comment": createForIssueCommentRoute,
  "reactions/list-for-issue-comment": listForIssueCommentRoute,
  "reactions/create-for-pull-request-review-comment": createForReviewCommentRoute,
};
