import { describe, expect, it } from "vitest";
import { renderApprovalRefused, renderApprovalVoided, renderRevisionAnswer } from "../../../src/render/short-comments.ts";
import { visible } from "./visible.ts";

describe("the short answers on a task", () => {
  const SHA = "abcdef0123456789abcdef0123456789abcdef01";

  it("names whoever pushed after an approval without mentioning them", () => {
    expect(visible(renderApprovalVoided(SHA, "maya"))).toBe(
      "A new commit (abcdef0) was pushed by @{ZWSP}maya after the approval, so the approval no longer applies. Comment `/approve` again once CI is green.",
    );
  });

  it("refuses the requester's own approval without mentioning them", () => {
    expect(visible(renderApprovalRefused("rob"))).toBe(
      "@{ZWSP}rob started this work, and this repository requires the approval of someone else (`approval.separateApprover`).",
    );
  });

  it("answers a writer's review with the commit that addresses it", () => {
    expect(renderRevisionAnswer(SHA)).toBe("Foreman pushed abcdef0 to address this.");
  });
});
