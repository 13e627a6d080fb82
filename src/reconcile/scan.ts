import { ReconcileDeliveryId, WorkflowId } from "../domain/ids.ts";
import type { RepoReads, RepoTarget } from "../ports/github.ts";
import type { Intake } from "../worker/intake.ts";
import { loadRepoConfig } from "../worker/load-config.ts";
import { addReports, EMPTY_REPORT, type ReconcileDeps, type ReconcileReport } from "./deps.ts";
import { rebuildWorkflow, statusSnapshot } from "./rebuild.ts";

/** The label a repository's configuration names; a broken configuration still names the label it most likely meant. */
async function configuredLabel(repo: RepoReads, target: RepoTarget): Promise<string> {
  const loaded = await loadRepoConfig(repo, target, "HEAD");
  return loaded.ok ? loaded.config.label : loaded.label;
}

/**
 * Starts a workflow whose label webhook never arrived, as the person who added the label, once.
 * After a workflow of the issue finished (`finishedAt`), only a label added later starts a new one
 * (the issue reopened and labelled again), once per such label.
 */
async function startMissed(
  deps: ReconcileDeps,
  repo: RepoReads,
  target: RepoTarget,
  issue: { number: number; title: string },
  label: string,
  finishedAt: number | null = null,
): Promise<boolean> {
  const workflowId = WorkflowId.toString({ ...target, issue: issue.number });
  if (finishedAt === null && deps.store.hasSeen("label", workflowId)) return false;
  const labelled = await repo.labeledBy(issue.number, label);
  if (!labelled || (finishedAt !== null && labelled.at <= finishedAt)) return false;
  const id = finishedAt === null ? workflowId : `${workflowId}@${labelled.at}`;
  const intake: Intake = {
    kind: "issue_labeled",
    ref: target,
    issue: issue.number,
    issueTitle: issue.title,
    label,
    sender: labelled.by,
    deliveryId: ReconcileDeliveryId.toString({ what: "label", id }),
  };
  return deps.store.enqueueUnseen({ kind: "intake", key: workflowId, payload: intake }, { kind: "label", key: id });
}

/**
 * One repository: every open issue with Foreman's label that the database does not know is
 * rebuilt from its status comment (the database was lost) or started (its label webhook was lost).
 */
async function scanRepository(deps: ReconcileDeps, target: RepoTarget): Promise<Partial<ReconcileReport>> {
  const repo = await deps.github.forRepo(target);
  const label = await configuredLabel(repo, target);
  const report = { rebuilt: 0, started: 0 };
  for (const issue of await repo.openIssuesWithLabel(label)) {
    const id = WorkflowId.toString({ ...target, issue: issue.number });
    if (deps.store.pendingJobsFor(id) > 0) continue;
    const known = deps.store.getWorkflow(id);
    if (known) {
      // A workflow of the issue that finished: a label added since may start the next one.
      if (!known.open && (await startMissed(deps, repo, target, issue, label, known.state.finishedAt ?? 0))) {
        report.started += 1;
        deps.log.info({ workflowId: id }, "started a workflow again: its issue was labelled after the last one finished");
      }
      continue;
    }
    const found = statusSnapshot(await repo.listComments(issue.number), deps.botLogin, deps.log);
    if (found) {
      const outcome = await rebuildWorkflow(deps, repo, target, found);
      if (outcome !== "skipped") report.rebuilt += 1;
    } else if (await startMissed(deps, repo, target, issue, label)) {
      report.started += 1;
      deps.log.info({ workflowId: id }, "started a workflow whose label webhook never arrived");
    }
  }
  return report;
}

/** Every repository of every installation of the app. */
export async function scanInstallations(deps: ReconcileDeps): Promise<ReconcileReport> {
  let report = EMPTY_REPORT;
  for (const installationId of await deps.github.installations()) {
    for (const repository of await deps.github.repositories(installationId)) {
      try {
        report = addReports(report, await scanRepository(deps, { installationId, ...repository }));
      } catch (error) {
        report = addReports(report, { errors: 1 });
        deps.log.warn({ installationId, ...repository, err: error }, "could not scan a repository; it is scanned again next time");
      }
    }
  }
  return report;
}
