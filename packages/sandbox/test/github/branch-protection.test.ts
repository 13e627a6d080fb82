import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { expectFaithfulRun, requestFailure } from "./harness.ts";
import { owner, repo, startProtected, type ProtectedWorld } from "./protection-fixtures.ts";

let w: ProtectedWorld;
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await w.h.stop();
});

const CLASSIC = {
  owner,
  repo,
  branch: "main",
  required_status_checks: { strict: true, contexts: ["test"], checks: [{ context: "ci/jenkins" }] },
  enforce_admins: true,
  required_pull_request_reviews: { required_approving_review_count: 2, dismiss_stale_reviews: true, require_code_owner_reviews: true },
  restrictions: null,
  required_linear_history: true,
};

describe("sandbox branch protection endpoints", () => {
  it("answers an app without the Administration permission 403 Resource not accessible by integration", async () => {
    w = await startProtected({ requiredReviews: 1 });
    const branch = { owner, repo, branch: "main" };

    const failures = await Promise.all([
      requestFailure(w.h.octokit.rest.repos.getBranchProtection(branch)),
      requestFailure(w.h.octokit.rest.repos.updateBranchProtection(CLASSIC)),
      requestFailure(w.h.octokit.rest.repos.deleteBranchProtection(branch)),
    ]);

    for (const failure of failures) expect(failure).toMatchObject({ status: 403, message: "Resource not accessible by integration" });
    await expectFaithfulRun(w.h);
  });

  it("sets classic protection with PUT and reports it on the protection, branch and rules endpoints in GitHub's shapes", async () => {
    w = await startProtected(undefined);

    const put = await w.admin.rest.repos.updateBranchProtection(CLASSIC);
    const got = await w.admin.rest.repos.getBranchProtection({ owner, repo, branch: "main" });
    const branch = await w.h.octokit.rest.repos.getBranch({ owner, repo, branch: "main" });
    const rules = await w.h.octokit.rest.repos.getBranchRules({ owner, repo, branch: "main" });

    expect(got.data).toEqual(put.data);
    expect(got.data).toMatchObject({
      required_status_checks: {
        strict: true,
        contexts: ["test", "ci/jenkins"],
        checks: [
          { context: "test", app_id: null },
          { context: "ci/jenkins", app_id: null },
        ],
      },
      required_pull_request_reviews: { required_approving_review_count: 2, dismiss_stale_reviews: true, require_code_owner_reviews: true },
      enforce_admins: { enabled: true },
      required_linear_history: { enabled: true },
    });
    expect(branch.data).toMatchObject({
      protected: true,
      protection: { enabled: true, required_status_checks: { enforcement_level: "everyone", contexts: ["test", "ci/jenkins"] } },
    });
    expect(rules.data).toEqual([]);
    expect(w.h.repo.protection).toMatchObject({ via: "branchProtection", requiredReviews: 2, upToDate: true, linearHistory: true });
    expect(validateResponse(openApi, "repos/update-branch-protection", 200, put.data)).toEqual([]);
    expect(validateResponse(openApi, "repos/get-branch-protection", 200, got.data)).toEqual([]);
    expect(validateResponse(openApi, "repos/get-branch", 200, branch.data)).toEqual([]);
    await expectFaithfulRun(w.h);
  });

  it("lets an app with the Administration permission remove protection, after which the branch is not protected", async () => {
    w = await startProtected({ requiredReviews: 1, requiredChecks: ["test"] });
    w.h.app.permissions.administration = "write";

    const deleted = await w.h.octokit.rest.repos.deleteBranchProtection({ owner, repo, branch: "main" });
    const missing = await requestFailure(w.h.octokit.rest.repos.getBranchProtection({ owner, repo, branch: "main" }));
    const again = await requestFailure(w.h.octokit.rest.repos.deleteBranchProtection({ owner, repo, branch: "main" }));
    const branch = await w.h.octokit.rest.repos.getBranch({ owner, repo, branch: "main" });

    expect(deleted.status).toBe(204);
    expect(missing).toMatchObject({ status: 404, message: "Branch not protected" });
    expect(again).toMatchObject({ status: 404, message: "Branch not protected" });
    expect(branch.data).toMatchObject({ protected: false, protection: { enabled: false, required_status_checks: { contexts: [] } } });
    expect(w.h.repo).toMatchObject({ protection: null, requiredChecks: [] });
    expect(validateResponse(openApi, "repos/get-branch-protection", 404, missing.data)).toEqual([]);
    await expectFaithfulRun(w.h);
  });

  it("lists a ruleset's rules with GET /rules/branches/{branch} (metadata is enough), not as classic protection", async () => {
    const protection = {
      via: "ruleset" as const,
      requiredReviews: 1,
      codeOwnerReviews: true,
      requiredChecks: ["test"],
      upToDate: true,
      linearHistory: true,
    };
    w = await startProtected(protection, { mergeQueue: true });

    const rules = await w.h.octokit.rest.repos.getBranchRules({ owner, repo, branch: "main" });
    const other = await w.h.octokit.rest.repos.getBranchRules({ owner, repo, branch: "feature/not-yet" });
    const classic = await requestFailure(w.admin.rest.repos.getBranchProtection({ owner, repo, branch: "main" }));
    const branch = await w.h.octokit.rest.repos.getBranch({ owner, repo, branch: "main" });

    const source = { ruleset_source_type: "Repository", ruleset_source: "acme/calculator", ruleset_id: w.h.repo.protection?.id };
    expect(rules.data).toEqual([
      {
        type: "pull_request",
        parameters: {
          required_approving_review_count: 1,
          dismiss_stale_reviews_on_push: false,
          require_code_owner_review: true,
          require_last_push_approval: false,
          required_review_thread_resolution: false,
          allowed_merge_methods: ["squash", "rebase"],
        },
        ...source,
      },
      {
        type: "required_status_checks",
        parameters: { strict_required_status_checks_policy: true, required_status_checks: [{ context: "test" }] },
        ...source,
      },
      { type: "required_linear_history", ...source },
      expect.objectContaining({ type: "merge_queue", parameters: expect.objectContaining({ merge_method: "MERGE" }) as unknown }),
    ]);
    expect(other.data).toEqual([]);
    expect(classic).toMatchObject({ status: 404, message: "Branch not protected" });
    expect(branch.data).toMatchObject({ protected: true, protection: { enabled: false, required_status_checks: { contexts: [] } } });
    expect(validateResponse(openApi, "repos/get-branch-rules", 200, rules.data)).toEqual([]);
    expect(validateResponse(openApi, "repos/get-branch", 200, branch.data)).toEqual([]);
    await expectFaithfulRun(w.h);
  });

  it("refuses a writer who is not an admin: 403 to change protection, 404 to read it", async () => {
    w = await startProtected({ requiredReviews: 1 });

    const put = await requestFailure(w.maya.rest.repos.updateBranchProtection(CLASSIC));
    const get = await requestFailure(w.maya.rest.repos.getBranchProtection({ owner, repo, branch: "main" }));

    expect(put).toMatchObject({ status: 403, message: "Must have admin rights to Repository." });
    expect(get).toMatchObject({ status: 404, message: "Not Found" });
    expect(w.h.repo.protection).toMatchObject({ requiredReviews: 1, upToDate: false });
    await expectFaithfulRun(w.h);
  });

  it("reports a repository without protection rules as before: its required checks as classic protection", async () => {
    w = await startProtected(undefined, { ci: [{ name: "test", run: "true", timeoutSeconds: 60 }] });

    const got = await w.admin.rest.repos.getBranchProtection({ owner, repo, branch: "main" });
    const branch = await w.h.octokit.rest.repos.getBranch({ owner, repo, branch: "main" });
    const rules = await w.h.octokit.rest.repos.getBranchRules({ owner, repo, branch: "main" });

    expect(got.data.required_status_checks).toMatchObject({ strict: false, contexts: ["test"] });
    expect(got.data.required_pull_request_reviews).toBeUndefined();
    expect(branch.data).toMatchObject({
      protected: true,
      protection: { enabled: true, required_status_checks: { enforcement_level: "non_admins", contexts: ["test"] } },
    });
    expect(rules.data).toEqual([]);
    expect(validateResponse(openApi, "repos/get-branch-protection", 200, got.data)).toEqual([]);
    await expectFaithfulRun(w.h);
  });
});
