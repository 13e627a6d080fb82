import { describe, expect, it } from "vitest";
import { renderRefusal } from "../../../src/render/refusals.ts";
import { visible } from "./visible.ts";

describe("renderRefusal", () => {
  it("explains a label from a reader by naming them without a mention", () => {
    const body = renderRefusal({
      kind: "label_denied",
      label: "foreman",
      denial: { kind: "permission", login: "tess", permission: "triage" },
    });

    expect(visible(body)).toBe(
      "Foreman did not start: @{ZWSP}tess has `triage` permission; Foreman takes instructions only from users with write, maintain or admin permission. " +
        "A maintainer can add the `foreman` label instead.",
    );
  });

  it("explains a command from an app account that is not allowed", () => {
    const body = renderRefusal({ kind: "command_denied", command: "approve", denial: { kind: "app_account", login: "deploy-bot[bot]" } });

    expect(visible(body)).toBe(
      "Foreman ignored `/approve`: @{ZWSP}deploy-bot[bot] is an app account, and app accounts may not command Foreman unless listed in `allowBots`.",
    );
  });

  it("keeps a login that looks like a team or a reference from notifying anyone", () => {
    const body = renderRefusal({
      kind: "command_denied",
      command: "retry",
      denial: { kind: "permission", login: "org/team", permission: "read" },
    });

    expect(body).not.toMatch(/(?<![A-Za-z0-9])@[A-Za-z0-9]/);
  });

  it("names the workflow cap, in the singular for one workflow", () => {
    expect(renderRefusal({ kind: "workflow_cap", running: 1, cap: 1 })).toBe(
      "Foreman did not start: this installation already runs 1 workflow, its cap (`FOREMAN_MAX_WORKFLOWS_PER_INSTALLATION` = 1). Add the label again once one of them has finished.",
    );
    expect(renderRefusal({ kind: "workflow_cap", running: 2, cap: 2 })).toContain("already runs 2 workflows");
  });

  it("says there is nothing to retry", () => {
    expect(renderRefusal({ kind: "nothing_to_retry" })).toBe(
      "There is nothing to retry: no task of this issue failed or is waiting for a human.",
    );
  });
});
