import { describe, expect, it } from "vitest";
import { requestEndpoint } from "../../../src/adapters/github/request-endpoint.ts";

describe("requestEndpoint", () => {
  it.each([
    [{ url: "/repos/{owner}/{repo}/issues/{issue_number}/comments" }, "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
    [{ url: "https://api.github.com/repos/acme/stats/issues/12/comments?page=2" }, "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
    [{ url: "https://ghe.example.com/api/v3/repos/acme/stats/pulls/7/files" }, "/repos/{owner}/{repo}/pulls/{pull_number}/files"],
    [{ url: "/repositories/991/issues" }, "/repositories/{repository_id}/issues"],
    [{ url: "/repos/acme/stats/git/ref/heads/foreman/12/mean" }, "/repos/{owner}/{repo}/git/ref/{ref}"],
    [{ url: "/repos/acme/stats/contents/src/deep/file.ts" }, "/repos/{owner}/{repo}/contents/{path}"],
    [
      { url: "/repos/acme/stats/commits/0123456789abcdef0123456789abcdef01234567/check-runs" },
      "/repos/{owner}/{repo}/commits/{ref}/check-runs",
    ],
    [{ url: "/repos/acme/stats/git/trees/0123456789abcdef0123456789abcdef01234567" }, "/repos/{owner}/{repo}/git/trees/{sha}"],
    [{ url: "/users/maya" }, "/users/{name}"],
  ])("names %j by its route template %s", (options, endpoint) => {
    expect(requestEndpoint(options)).toBe(endpoint);
  });

  it("names a GraphQL mutation by its first field and leaves queries as /graphql", () => {
    expect(
      requestEndpoint({
        url: "/graphql",
        query: "mutation ($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }",
      }),
    ).toBe("/graphql:createCommitOnBranch");
    expect(requestEndpoint({ url: "/graphql", query: "mutation { done: enqueuePullRequest(input: {}) { clientMutationId } }" })).toBe(
      "/graphql:enqueuePullRequest",
    );
    expect(requestEndpoint({ url: "/graphql", query: 'query { repository(owner: "acme", name: "stats") { id } }' })).toBe("/graphql");
  });
});
