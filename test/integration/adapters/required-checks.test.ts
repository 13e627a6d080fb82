import { afterEach, describe, expect, it } from "vitest";
import { ExpiringCache } from "../../../src/adapters/github/expiring-cache.ts";
import { OctokitRepoGitHub } from "../../../src/adapters/github/octokit-github.ts";
import { GitHubCallError } from "../../../src/ports/errors.ts";
import { startGitHubMock, type ExpectedCall, type GitHubMock } from "./github-http-mock.ts";
import type { ProtectionOptions } from "@foreman/sandbox";
import { startHarness } from "@foreman/sandbox/harness";

const SHA = "7fd1a60b01f91b314f59955a4e4d4e80d8edf11d";
const API = "https://api.github.com/repos/acme/stats";
const RULES_URL = "/repos/acme/stats/rules/branches/main?per_page=100";
const BRANCH_URL = "/repos/acme/stats/branches/main";

/** `GET …/branches/main` as GitHub documents it (its `branch-get` example), with `protection` as given. */
function branch(isProtected: boolean, requiredStatusChecks: Record<string, unknown>): ExpectedCall {
  return {
    operationId: "repos/get-branch",
    method: "GET",
    url: BRANCH_URL,
    status: 200,
    body: {
      name: "main",
      commit: {
        sha: SHA,
        node_id: "C_kwDOAAABc9oAKDdmZDFhNjBi",
        commit: {
          author: { name: "Maya", email: "maya@example.com", date: "2026-03-06T23:06:50Z" },
          committer: { name: "Maya", email: "maya@example.com", date: "2026-03-06T23:06:50Z" },
          message: "Add sum",
          tree: { sha: "b4eecafa9be2f2006ce1b709d6857b07069b4608", url: `${API}/git/trees/b4eecafa9be2f2006ce1b709d6857b07069b4608` },
          url: `${API}/git/commits/${SHA}`,
          comment_count: 0,
          verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
        },
        url: `${API}/commits/${SHA}`,
        html_url: `https://github.com/acme/stats/commit/${SHA}`,
        comments_url: `${API}/commits/${SHA}/comments`,
        author: null,
        committer: null,
        parents: [],
      },
      _links: { self: `${API}/branches/main`, html: "https://github.com/acme/stats/tree/main" },
      protected: isProtected,
      protection: { enabled: isProtected, required_status_checks: requiredStatusChecks },
      protection_url: `${API}/branches/main/protection`,
    },
  };
}

const unprotected = (): ExpectedCall => branch(false, { enforcement_level: "off", contexts: [], checks: [] });

/** `GET …/rules/branches/main`: the active rules that apply to the branch. */
function rules(body: unknown[], status = 200): ExpectedCall {
  return { operationId: "repos/get-branch-rules", method: "GET", url: RULES_URL, status, body };
}

const fromRuleset = (contexts: string[]) => ({
  type: "required_status_checks",
  ruleset_source_type: "Repository",
  ruleset_source: "acme/stats",
  ruleset_id: 42,
  parameters: {
    strict_required_status_checks_policy: false,
    required_status_checks: contexts.map((context) => ({ context })),
  },
});

const deletionRule = { type: "deletion", ruleset_source_type: "Organization", ruleset_source: "acme", ruleset_id: 7 };

let mock: GitHubMock | null = null;

async function githubAnswering(calls: ExpectedCall[], cache?: ExpiringCache<string[]>): Promise<OctokitRepoGitHub> {
  mock = await startGitHubMock(calls);
  return new OctokitRepoGitHub(mock.octokit, {
    owner: "acme",
    repo: "stats",
    appLogin: "foreman[bot]",
    ...(cache ? { requiredChecksCache: cache } : {}),
  });
}

afterEach(async () => {
  if (!mock) return;
  expect(mock.unmatched).toEqual([]);
  expect(mock.unused()).toEqual([]);
  await mock.stop();
  mock = null;
});

describe("requiredChecks", () => {
  it("names the checks the rulesets and the classic protection require, each once and sorted", async () => {
    const github = await githubAnswering([
      rules([deletionRule, fromRuleset(["test", "Foreman"])]),
      branch(true, {
        enforcement_level: "non_admins",
        contexts: ["ci/jenkins", "test"],
        checks: [
          { context: "ci/jenkins", app_id: null },
          { context: "test", app_id: 15368 },
        ],
      }),
    ]);

    expect(await github.requiredChecks("main")).toEqual(["Foreman", "ci/jenkins", "test"]);
  });

  it("reads no required check from a protection whose status checks are off", async () => {
    const github = await githubAnswering([
      rules([]),
      branch(true, { enforcement_level: "off", contexts: ["Foreman"], checks: [{ context: "Foreman", app_id: null }] }),
    ]);

    expect(await github.requiredChecks("main")).toEqual([]);
  });

  it("reads no required check from a branch that is not protected, whatever its protection object says", async () => {
    const github = await githubAnswering([
      rules([]),
      branch(false, { enforcement_level: "everyone", contexts: ["Foreman"], checks: [{ context: "Foreman", app_id: null }] }),
    ]);

    expect(await github.requiredChecks("main")).toEqual([]);
  });

  it("counts no ruleset where GitHub offers none (a private repository on GitHub Free answers 403)", async () => {
    const github = await githubAnswering([
      {
        ...rules([]),
        status: 403,
        body: {
          message: "Upgrade to GitHub Pro or make this repository public to enable this feature.",
          documentation_url: "https://docs.github.com/rest/repos/rules#get-rules-for-a-branch",
        },
      },
      branch(true, { enforcement_level: "everyone", contexts: ["Foreman"], checks: [{ context: "Foreman", app_id: null }] }),
    ]);

    expect(await github.requiredChecks("main")).toEqual(["Foreman"]);
  });

  it("counts no classic protection for a branch that is gone, keeping the rulesets' checks", async () => {
    const github = await githubAnswering([
      rules([fromRuleset(["Foreman"])]),
      {
        ...unprotected(),
        status: 404,
        body: { message: "Branch not found", documentation_url: "https://docs.github.com/rest/branches/branches#get-a-branch" },
      },
    ]);

    expect(await github.requiredChecks("main")).toEqual(["Foreman"]);
  });

  it("fails with the server's error rather than guess, so the job tries again", async () => {
    const github = await githubAnswering([
      rules([]),
      { ...unprotected(), status: 503, body: { message: "Service Unavailable", documentation_url: "https://docs.github.com/rest" } },
    ]);

    const failure = await github.requiredChecks("main").catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GitHubCallError);
    expect(failure).toMatchObject({ status: 503, kind: "server" });
  });

  it("asks GitHub once per branch while the cached answer lasts", async () => {
    const cache = new ExpiringCache<string[]>({ ttlMs: 60_000, maxEntries: 10, now: () => 0 });
    const github = await githubAnswering([rules([fromRuleset(["Foreman"])]), unprotected()], cache);

    const answers = [await github.requiredChecks("main"), await github.requiredChecks("main")];

    expect(answers).toEqual([["Foreman"], ["Foreman"]]);
  });
});

describe("requiredChecks against the sandbox", () => {
  /** What `requiredChecks` reads of each branch of a sandbox repository with a `test` CI job and this protection. */
  async function requiredIn(protection: ProtectionOptions | null, branches = ["main"]): Promise<string[][]> {
    const h = await startHarness({ ci: [{ name: "test", run: "true", timeoutSeconds: 30 }], ...(protection ? { protection } : {}) });
    try {
      if (!protection) h.sandbox.setProtection(h.repo, null);
      const github = new OctokitRepoGitHub(h.octokit, { owner: "acme", repo: "calculator", appLogin: `${h.app.slug}[bot]` });
      const checks: string[][] = [];
      for (const branch of branches) checks.push(await github.requiredChecks(branch));
      expect(h.sandbox.requestLog.rejected()).toEqual([]);
      return checks;
    } finally {
      await h.stop();
    }
  }

  it("reads the checks a ruleset requires", async () => {
    expect(await requiredIn({ via: "ruleset", requiredChecks: ["test", "Foreman"] })).toEqual([["Foreman", "test"]]);
  });

  it("reads the checks classic branch protection requires, from the branch", async () => {
    expect(await requiredIn({ via: "branchProtection", requiredChecks: ["Foreman"] })).toEqual([["Foreman"]]);
  });

  it("reads none where nothing is required, nor for a branch that does not exist", async () => {
    expect(await requiredIn(null, ["main", "feature"])).toEqual([[], []]);
  });
});
