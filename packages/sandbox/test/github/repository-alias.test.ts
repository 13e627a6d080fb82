import { afterEach, describe, expect, it } from "vitest";
import { openIssue } from "../../src/github/routes/issues-admin.ts";
import { expectFaithfulRun, requestFailure, startHarness, type Harness } from "./harness.ts";

let h: Harness;

afterEach(async () => {
  await h.stop();
});

async function openIssues(count: number): Promise<void> {
  for (let n = 1; n <= count; n += 1) await openIssue(h.sandbox.core, h.repo, { author: "maya", title: `Issue ${n}` });
}

/** Each relation of a `Link` header with the path and page it points to. */
function links(header: string | undefined): Record<string, string> {
  const entries = (header ?? "").split(", ").flatMap((part) => {
    const match = /^<([^>]+)>; rel="([a-z]+)"$/.exec(part);
    if (!match?.[1] || !match[2]) return [];
    const url = new URL(match[1]);
    return [[match[2], `${url.pathname}?${url.searchParams.toString()}`]];
  });
  return Object.fromEntries(entries) as Record<string, string>;
}

describe("/repositories/{id} as an alias of /repos/{owner}/{repo}", () => {
  it("answers a page of issues addressed by repository id like the same page addressed by name, with links of the form asked for", async () => {
    h = await startHarness();
    await openIssues(5);
    const id = h.repo.id;

    const byName = await h.octokit.request("GET /repos/{owner}/{repo}/issues", { owner: "acme", repo: "calculator", per_page: 2, page: 2 });
    const byId = await h.octokit.request("GET /repositories/{id}/issues", { id, per_page: 2, page: 2 });

    expect(byId.status).toBe(200);
    expect(byId.data).toEqual(byName.data);
    expect(links(byId.headers.link)).toEqual({
      prev: `/repositories/${id}/issues?per_page=2&page=1`,
      next: `/repositories/${id}/issues?per_page=2&page=3`,
      last: `/repositories/${id}/issues?per_page=2&page=3`,
      first: `/repositories/${id}/issues?per_page=2&page=1`,
    });
    await expectFaithfulRun(h);
  });

  it("lets Octokit's paginate follow links to the last page, which links back to prev and first", async () => {
    h = await startHarness();
    await openIssues(5);
    const last = `/repositories/${h.repo.id}/issues?per_page=2&page=3`;

    const all = await h.octokit.paginate("GET /repos/{owner}/{repo}/issues", { owner: "acme", repo: "calculator", per_page: 2 });
    const lastPage = await h.octokit.request(`GET ${last}`);

    expect(all.map((issue) => issue.number)).toEqual([5, 4, 3, 2, 1]);
    expect(lastPage.data).toHaveLength(1);
    expect(links(lastPage.headers.link)).toEqual({
      prev: `/repositories/${h.repo.id}/issues?per_page=2&page=2`,
      first: `/repositories/${h.repo.id}/issues?per_page=2&page=1`,
    });
  });

  it("serves the repository itself and writes under it", async () => {
    h = await startHarness();
    await openIssues(1);

    const repository = await h.octokit.request("GET /repositories/{id}", { id: h.repo.id });
    const comment = await h.octokit.request("POST /repositories/{id}/issues/{issue_number}/comments", {
      id: h.repo.id,
      issue_number: 1,
      body: "Seen.",
    });

    expect(repository.data).toMatchObject({ id: h.repo.id, full_name: "acme/calculator" });
    expect(comment.status).toBe(201);
    expect(h.sandbox.store.commentsOn(h.repo.id, 1).map((item) => item.body)).toEqual(["Seen."]);
    await expectFaithfulRun(h);
  });

  it("answers 404 for an id no repository has, and for a private repository the caller cannot see", async () => {
    h = await startHarness({ private: true });
    const stranger = h.userOctokit("stranger");

    const unknown = await requestFailure(h.octokit.request("GET /repositories/{id}/issues", { id: 999_999 }));
    const hidden = await requestFailure(stranger.request("GET /repositories/{id}", { id: h.repo.id }));

    expect([unknown.status, unknown.message]).toEqual([404, "Not Found"]);
    expect([hidden.status, hidden.message]).toEqual([404, "Not Found"]);
    expect(h.sandbox.requestLog.rejected()).toEqual([]);
  });
});
