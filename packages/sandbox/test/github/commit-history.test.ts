import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { expectFaithfulRun, requestFailure, startHarness, type Harness } from "./harness.ts";

const owner = "acme";
const repo = "calculator";
const AUTHOR = { name: "Maya", email: "maya@example.com" };

let h: Harness;
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await h.stop();
});

/** Commits on main straight in the git store, oldest first. */
async function seedMain(messages: string[]): Promise<void> {
  for (const [index, message] of messages.entries()) {
    await h.repo.git.seed({ [`notes/${index}.md`]: `${message}\n` }, { branch: "main", message, author: AUTHOR });
  }
}

const titles = (data: Array<{ commit: { message: string } }>): string[] => data.map((item) => item.commit.message.split("\n")[0] ?? "");

describe("sandbox commit history: GET /repos/{owner}/{repo}/commits", () => {
  it("lists the default branch's commits newest first, as GitHub's description says, without stats or files", async () => {
    h = await startHarness();
    await seedMain(["feat: add sub", "fix(add): handle strings\n\nThe body.", "docs: the README"]);

    const listed = await h.octokit.rest.repos.listCommits({ owner, repo });

    expect(titles(listed.data)).toEqual(["docs: the README", "fix(add): handle strings", "feat: add sub", "Initial commit"]);
    expect(listed.data[1]?.commit.message).toBe("fix(add): handle strings\n\nThe body.");
    expect(listed.data.map((item) => item.parents.length)).toEqual([1, 1, 1, 0]);
    expect(listed.data[0]).not.toHaveProperty("files");
    expect(validateResponse(openApi, "repos/list-commits", 200, listed.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("shows a merge commit with both parents", async () => {
    h = await startHarness();
    const main = await h.repo.git.getRef("heads/main");
    await h.repo.git.createRef("refs/heads/feature", main ?? "");
    await h.repo.git.seed({ "src/sub.js": "export const sub = 1;\n" }, { branch: "feature", message: "feat: add sub", author: AUTHOR });
    const pull = await h.octokit.rest.pulls.create({ owner, repo, head: "feature", base: "main", title: "Add sub" });
    await h.octokit.rest.pulls.merge({ owner, repo, pull_number: pull.data.number, merge_method: "merge" });

    const listed = await h.octokit.rest.repos.listCommits({ owner, repo, per_page: 1 });

    expect(listed.data).toHaveLength(1);
    expect(listed.data[0]?.parents).toHaveLength(2);
    expect(titles(listed.data)[0]).toMatch(/^Merge pull request #1 /);
    await expectFaithfulRun(h);
  });

  it("pages like GitHub, and lists from a commit given as sha", async () => {
    h = await startHarness();
    await seedMain(["one", "two", "three", "four"]);
    const second = await h.repo.git.getRef("heads/main");
    await seedMain(["five"]);

    const first = await h.octokit.request("GET /repos/{owner}/{repo}/commits", { owner, repo, per_page: 2 });
    const third = await h.octokit.rest.repos.listCommits({ owner, repo, per_page: 2, page: 3 });
    const fromSha = await h.octokit.rest.repos.listCommits({ owner, repo, sha: second ?? "" });

    expect(titles(first.data)).toEqual(["five", "four"]);
    expect(first.headers.link).toMatch(/[?&]page=2[^>]*>; rel="next"/);
    expect(first.headers.link).toMatch(/[?&]page=3[^>]*>; rel="last"/);
    expect(titles(third.data)).toEqual(["one", "Initial commit"]);
    expect(titles(fromSha.data)).toEqual(["four", "three", "two", "one", "Initial commit"]);
    await expectFaithfulRun(h);
  });

  it("answers 404 for a sha it does not know, and 501 for a filter it does not model", async () => {
    h = await startHarness();

    const unknown = await requestFailure(h.octokit.rest.repos.listCommits({ owner, repo, sha: "no-such-branch" }));
    const byPath = await requestFailure(h.octokit.rest.repos.listCommits({ owner, repo, path: "src/add.js" }));

    expect(unknown).toMatchObject({ status: 404, message: "No commit found for SHA: no-such-branch" });
    expect(byPath).toMatchObject({ status: 501, message: "the sandbox does not filter commits by path" });
  });
});
