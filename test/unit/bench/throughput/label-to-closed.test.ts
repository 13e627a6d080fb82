import { describe, expect, it } from "vitest";
import { labelToClosedSeconds } from "../../../../bench/throughput/label-to-closed.ts";

const timeline = [
  '   0.0s  sandbox ready: acme/stats, issue #1 "Add 2 small functions"',
  '   0.4s  maya adds label "foreman"',
  '   0.6s  issue #1 labelled "foreman" (by maya)',
  "  31.2s  PR #2 merged (by foreman[bot])",
  "  32.9s  issue #1 closed (by foreman[bot])",
];

describe("labelToClosedSeconds", () => {
  it("takes the seconds from the label's delivery to the issue's close", () => {
    expect(labelToClosedSeconds(timeline, 1)).toBe(32.3);
  });

  it("is null when the issue never closed, or for another issue", () => {
    expect(labelToClosedSeconds(timeline.slice(0, 4), 1)).toBeNull();
    expect(labelToClosedSeconds(timeline, 11)).toBeNull();
  });
});
