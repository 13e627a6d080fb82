import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OctokitRepoGitHub } from "../../../src/adapters/github/octokit-github.ts";
import { renderConfigCheck } from "../../../src/render/index.ts";
import { startHarness, type Harness } from "@foreman/sandbox/harness";

const owner = "acme";
const repo = "calculator";

let h: Harness;
let github: OctokitRepoGitHub;

beforeEach(async () => {
  h = await startHarness();
  github = new OctokitRepoGitHub(h.octokit, { owner, repo, appLogin: `${h.app.slug}[bot]` });
});

afterEach(async () => {
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
  await h.stop();
});

describe("the reads and the check run the configuration needs, against the sandbox", () => {
  it("reads a file on another repository's default branch, and null for a missing file, directory or repository", async () => {
    await h.sandbox.createRepository({ owner, name: ".github", files: { ".github/foreman.yml": "label: ship-it\n" } });

    expect(await github.readRepositoryFile({ owner, repo: ".github" }, ".github/foreman.yml")).toBe("label: ship-it\n");
    expect(await github.readRepositoryFile({ owner, repo: ".github" }, ".github/other.yml")).toBeNull();
    expect(await github.readRepositoryFile({ owner, repo: ".github" }, ".github")).toBeNull();
    expect(await github.readRepositoryFile({ owner, repo: "nowhere" }, ".github/foreman.yml")).toBeNull();
  });

  it("annotates a check run once, however often it is reported", async () => {
    const sha = (await github.repository()).headSha;
    const problems = [{ path: "labelz", line: 1, column: 1, message: 'unknown key "labelz"' }];
    const { title, summary, annotations } = renderConfigCheck({ ok: false, problems }, { owner, repo, path: ".github/foreman.yml" });
    const check = { sha, name: "Foreman config", externalId: "acme/calculator/pull/1/config", status: "completed" as const };
    const input = { ...check, conclusion: "failure" as const, title, summary, annotations };

    const first = await github.ensureCheckRun(input);
    const second = await github.ensureCheckRun(input);
    const { data } = await h.octokit.rest.checks.listAnnotations({ owner, repo, check_run_id: first.id });

    expect(second.id).toBe(first.id);
    expect(data.map(({ path, start_line, annotation_level, message }) => ({ path, start_line, annotation_level, message }))).toEqual([
      { path: ".github/foreman.yml", start_line: 1, annotation_level: "failure", message: 'labelz: unknown key "labelz"' },
    ]);
  });
});
