/**
 * Label-to-closed, read from a run's timeline (`"  12.3s  issue #1 labelled "foreman" (by maya)"`):
 * the seconds from the delivery of the label to the delivery of the issue's close.
 */

const AT = /^\s*(\d+(?:\.\d+)?)s {2}(.*)$/;

/** The seconds of the first timeline line whose text starts with `text`, or null. */
function secondsOf(lines: readonly string[], text: string): number | null {
  for (const line of lines) {
    const match = AT.exec(line);
    if (match?.[1] !== undefined && match[2]?.startsWith(text)) return Number(match[1]);
  }
  return null;
}

/** Seconds from issue #`issue` labelled `label` to its close, to a tenth; null when either is missing from the timeline. */
export function labelToClosedSeconds(lines: readonly string[], issue: number, label = "foreman"): number | null {
  const labelled = secondsOf(lines, `issue #${issue} labelled "${label}"`);
  const closed = secondsOf(lines, `issue #${issue} closed`);
  if (labelled === null || closed === null || closed < labelled) return null;
  return Math.round((closed - labelled) * 10) / 10;
}
