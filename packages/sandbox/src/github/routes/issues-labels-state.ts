import type { SandboxCore } from "../core.ts";
import { serializeLabel } from "../serializers/issue.ts";
import { encodeNodeId } from "../state/store.ts";
import type { Account, Issue, Label, Repository } from "../state/types.ts";
import { emitIssueEvent, touch } from "./issues-common.ts";

/** The colour GitHub gives a label created implicitly (by adding it to an issue). */
const DEFAULT_LABEL_COLOR = "ededed";

/** A colour GitHub accepts: six hex digits, no `#`; it keeps the letters' case as given. */
export const isLabelColor = (color: string): boolean => /^[0-9a-f]{6}$/i.test(color);

export type LabelInput = string | { name: string };

export const labelNames = (labels: readonly LabelInput[]): string[] => [
  ...new Set(labels.map((label) => (typeof label === "string" ? label : label.name)).filter((name) => name.trim() !== "")),
];

export function findLabel(repo: Repository, name: string): Label | undefined {
  return repo.labels.get(name.toLowerCase());
}

export function createLabel(
  core: SandboxCore,
  repo: Repository,
  input: { name: string; color?: string; description?: string | null },
): Label {
  const id = core.store.nextId();
  const label: Label = {
    id,
    nodeId: encodeNodeId("LA", id),
    name: input.name,
    color: input.color ?? DEFAULT_LABEL_COLOR,
    description: input.description ?? null,
    default: false,
  };
  repo.labels.set(label.name.toLowerCase(), label);
  return label;
}

/** The repository's label of that name, created with the default colour when missing. */
export function ensureLabel(core: SandboxCore, repo: Repository, name: string): Label {
  return findLabel(repo, name) ?? createLabel(core, repo, { name });
}

export function labelsOf(repo: Repository, issue: Issue): Label[] {
  return issue.labels.map((name) => findLabel(repo, name)).filter((label): label is Label => label !== undefined);
}

/**
 * Makes the issue carry `names` (`set`) or adds them (`add`), creating missing labels, and sends
 * one `labeled`/`unlabeled` event per label that actually changed.
 */
export async function changeLabels(
  core: SandboxCore,
  repo: Repository,
  issue: Issue,
  sender: Account,
  change: { names: string[]; mode: "add" | "set" },
): Promise<void> {
  const wanted = change.names.map((name) => ensureLabel(core, repo, name));
  const current = labelsOf(repo, issue);
  const has = (label: Label): boolean => current.some((item) => item.id === label.id);
  const added = wanted.filter((label) => !has(label));
  const removed = change.mode === "set" ? current.filter((label) => !wanted.some((item) => item.id === label.id)) : [];
  if (added.length === 0 && removed.length === 0) return;
  issue.labels = [...current.filter((label) => !removed.includes(label)), ...added].map((label) => label.name);
  touch(core, issue);
  for (const label of removed)
    await emitIssueEvent(core, repo, issue, sender, "unlabeled", { label: serializeLabel(core.urls, repo, label) });
  for (const label of added) await emitIssueEvent(core, repo, issue, sender, "labeled", { label: serializeLabel(core.urls, repo, label) });
}

/** Takes one label off the issue and sends `unlabeled`; false when the issue did not have it. */
export async function removeLabel(core: SandboxCore, repo: Repository, issue: Issue, sender: Account, name: string): Promise<boolean> {
  const label = labelsOf(repo, issue).find((item) => item.name.toLowerCase() === name.toLowerCase());
  if (!label) return false;
  issue.labels = issue.labels.filter((item) => item.toLowerCase() !== label.name.toLowerCase());
  touch(core, issue);
  await emitIssueEvent(core, repo, issue, sender, "unlabeled", { label: serializeLabel(core.urls, repo, label) });
  return true;
}
