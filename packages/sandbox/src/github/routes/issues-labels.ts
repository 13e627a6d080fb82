import { z } from "zod";
import { actingAccount, paged, repoFrom, requireAccess, type RouteContext, type RouteResult } from "../context.ts";
import { ApiError, notFound, validationFailed } from "../errors.ts";
import { serializeLabel } from "../serializers/issue.ts";
import type { Label, Repository } from "../state/types.ts";
import { created } from "./created.ts";
import { readBody } from "./git-data-common.ts";
import { issueFrom, requireIssueAccess } from "./issues-common.ts";
import { changeLabels, createLabel, findLabel, isLabelColor, labelNames, labelsOf, removeLabel } from "./issues-labels-state.ts";

const LabelList = z.object({ labels: z.array(z.union([z.string(), z.object({ name: z.string() })])).default([]) });
const CreateLabelBody = z.object({ name: z.string(), color: z.string().optional(), description: z.string().optional() });

const serializeAll = (context: RouteContext, repo: Repository, labels: Label[]): Array<Record<string, unknown>> =>
  labels.map((label) => serializeLabel(context.core.urls, repo, label));

async function applyLabelList(context: RouteContext, mode: "add" | "set"): Promise<RouteResult> {
  const repo = repoFrom(context);
  const issue = issueFrom(context, repo);
  requireIssueAccess(context, repo, "triage", issue);
  const names = labelNames(readBody(LabelList, context.body).labels);
  await changeLabels(context.core, repo, issue, actingAccount(context), { names, mode });
  return { body: serializeAll(context, repo, labelsOf(repo, issue)) };
}

/** `POST /issues/{n}/labels`: adds labels, creating missing ones; one `labeled` per new label. */
export const addLabelsRoute = (context: RouteContext): Promise<RouteResult> => applyLabelList(context, "add");

/** `PUT /issues/{n}/labels`: replaces the labels. */
export const setLabelsRoute = (context: RouteContext): Promise<RouteResult> => applyLabelList(context, "set");

export async function removeLabelRoute(context: RouteContext): Promise<RouteResult> {
  const repo = repoFrom(context);
  const issue = issueFrom(context, repo);
  requireIssueAccess(context, repo, "triage", issue);
  const removed = await removeLabel(context.core, repo, issue, actingAccount(context), context.params.name ?? "");
  if (!removed) throw new ApiError(404, "Label does not exist");
  return { body: serializeAll(context, repo, labelsOf(repo, issue)) };
}

export function listLabelsOnIssueRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const issue = issueFrom(context, repo);
  return paged(context, labelsOf(repo, issue), (page) => serializeAll(context, repo, page));
}

export function createLabelRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  requireAccess(context, repo, "issues", "write");
  const input = readBody(CreateLabelBody, context.body);
  const errors = [
    ...(findLabel(repo, input.name) ? [{ resource: "Label", code: "already_exists", field: "name" }] : []),
    ...(input.color !== undefined && !isLabelColor(input.color) ? [{ resource: "Label", code: "invalid", field: "color" }] : []),
  ];
  if (errors.length > 0) throw validationFailed("Validation Failed", errors);
  const label = createLabel(context.core, repo, input);
  const body = serializeLabel(context.core.urls, repo, label);
  context.core.emit(repo, "label", actingAccount(context), { action: "created", label: body });
  return created(body);
}

/** `GET /labels`: the repository's labels in the order they were created, GitHub's defaults first. */
export function listLabelsForRepoRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  return paged(context, [...repo.labels.values()], (page) => serializeAll(context, repo, page));
}

export function getLabelRoute(context: RouteContext): RouteResult {
  const repo = repoFrom(context);
  const label = findLabel(repo, context.params.name ?? "");
  if (!label) throw notFound();
  return { body: serializeLabel(context.core.urls, repo, label) };
}
