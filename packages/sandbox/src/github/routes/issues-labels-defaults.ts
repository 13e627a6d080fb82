import { encodeNodeId } from "../state/store.ts";
import type { Label } from "../state/types.ts";

/** The labels github.com gives every new repository, with its colours and descriptions. */
const GITHUB_DEFAULT_LABELS = [
  { name: "bug", color: "d73a4a", description: "Something isn't working" },
  { name: "documentation", color: "0075ca", description: "Improvements or additions to documentation" },
  { name: "duplicate", color: "cfd3d7", description: "This issue or pull request already exists" },
  { name: "enhancement", color: "a2eeef", description: "New feature or request" },
  { name: "good first issue", color: "7057ff", description: "Good for newcomers" },
  { name: "help wanted", color: "008672", description: "Extra attention is needed" },
  { name: "invalid", color: "e4e669", description: "This doesn't seem right" },
  { name: "question", color: "d876e3", description: "Further information is requested" },
  { name: "wontfix", color: "ffffff", description: "This will not be worked on" },
] as const;

/**
 * Default labels take their ids from a range of their own rather than from the store's counter,
 * so creating a repository hands out the same ids to everything else as before they existed.
 * The range stays far above the counter and below 2^31 (GraphQL's `Int`).
 */
const DEFAULT_LABEL_ID_BASE = 1_000_000_000;

/** A new repository's labels, keyed by lower-cased name as `Repository.labels` is. */
export function defaultLabels(repoId: number): Map<string, Label> {
  const labels = GITHUB_DEFAULT_LABELS.map((label, index): Label => {
    const id = DEFAULT_LABEL_ID_BASE + repoId * GITHUB_DEFAULT_LABELS.length + index;
    return { id, nodeId: encodeNodeId("LA", id), ...label, default: true };
  });
  return new Map(labels.map((label) => [label.name.toLowerCase(), label]));
}
