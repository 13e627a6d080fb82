import { describe, expect, it } from "vitest";
import { taskPull, waitFor, type World } from "@foreman/sandbox";
import { appComments, CASE_TIMEOUT_MS, explain, foremanChecks } from "./run-case.ts";
import { runCaseInWorld } from "./run-in-world.ts";

const PUSH_STEP = 3;
const REAPPROVE_STEP = 5;

interface Moments {
  approvedHead?: string;
  beforeReapproval?: { merged: boolean; foremanCheck: string | null };
}

function headOf(world: World): string {
  return taskPull(world, "mean")?.headSha ?? "";
}

const latestCheckTitle = (world: World, sha: string): string | null => foremanChecks(world, sha)[0]?.title ?? null;

/** Before the push: the head that was approved. Before the new /approve: whether anything merged meanwhile. */
async function record(moments: Moments, world: World, index: number): Promise<void> {
  if (index === PUSH_STEP) moments.approvedHead = headOf(world);
  if (index !== REAPPROVE_STEP) return;
  await waitFor(() => latestCheckTitle(world, headOf(world)) === "Ready for approval", Date.now() + 10_000);
  moments.beforeReapproval = { merged: taskPull(world, "mean")?.merged ?? false, foremanCheck: latestCheckTitle(world, headOf(world)) };
}

describe("a push after the approval", () => {
  it(
    "voids the approval with a comment and merges only after a new /approve on the new head",
    async () => {
      const moments: Moments = {};
      const run = await runCaseInWorld("push-after-approval.yml", {
        beforeStep: (world, index) => record(moments, world, index),
        observe: (world) => ({
          moments,
          finalHead: headOf(world),
          comments: appComments(world, { task: "mean" }),
          approvedHeadCheck: foremanChecks(world, moments.approvedHead ?? "")[0],
          finalHeadCheck: foremanChecks(world, headOf(world))[0],
        }),
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { observed } = run;
      expect(observed.moments.approvedHead).toMatch(/^[0-9a-f]{40}$/);
      expect(observed.finalHead).not.toBe(observed.moments.approvedHead);
      expect(observed.moments.beforeReapproval, explain(run)).toEqual({ merged: false, foremanCheck: "Ready for approval" });
      expect(observed.comments).toEqual([
        expect.stringContaining(
          `A new commit (${observed.finalHead.slice(0, 7)}) was pushed by @\u200bmaya after the approval, so the approval no longer applies.`,
        ),
      ]);
      expect(observed.approvedHeadCheck?.conclusion).not.toBe("success");
      expect(observed.finalHeadCheck).toMatchObject({ conclusion: "success", title: "Approved" });
      expect(observed.finalHeadCheck?.summary).toContain("Approved by @\u200bmaya");
    },
    CASE_TIMEOUT_MS,
  );
});
