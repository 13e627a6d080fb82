import { describe, expect, it } from "vitest";
import { loadOpenApiIndex, matchRoute } from "../../src/github/fidelity/rest.ts";

const index = loadOpenApiIndex();

describe("matchRoute", () => {
  it("prefers a literal segment over a parameter", () => {
    const listComments = matchRoute(index, "GET", "/repos/octo/hello/issues/comments/42");

    expect(listComments).toEqual({
      kind: "operation",
      operationId: "issues/get-comment",
      params: { owner: "octo", repo: "hello", comment_id: "42" },
    });
  });

  it("tells git/refs (create) from git/refs/{ref} (update) by segment count", () => {
    const create = matchRoute(index, "POST", "/repos/octo/hello/git/refs");
    const update = matchRoute(index, "PATCH", "/repos/octo/hello/git/refs/heads/main");

    expect(create).toMatchObject({ kind: "operation", operationId: "git/create-ref" });
    expect(update).toMatchObject({ kind: "operation", operationId: "git/update-ref", params: { ref: "heads/main" } });
  });

  it("lets a trailing ref parameter take a branch name with slashes", () => {
    const match = matchRoute(index, "GET", "/repos/octo/hello/git/ref/heads/foreman/12/add-login");

    expect(match).toEqual({
      kind: "operation",
      operationId: "git/get-ref",
      params: { owner: "octo", repo: "hello", ref: "heads/foreman/12/add-login" },
    });
  });

  it("decodes a percent-encoded ref after splitting the path", () => {
    const match = matchRoute(index, "DELETE", "/repos/octo/hello/git/refs/heads%2Fforeman%2F12%2Fadd-login");

    expect(match).toMatchObject({ operationId: "git/delete-ref", params: { ref: "heads/foreman/12/add-login" } });
  });

  it("lets a contents path span several segments, and be empty for the root", () => {
    const nested = matchRoute(index, "GET", "/repos/octo/hello/contents/src/app/main.ts");
    const root = matchRoute(index, "GET", "/repos/octo/hello/contents/");

    expect(nested).toMatchObject({ operationId: "repos/get-content", params: { path: "src/app/main.ts" } });
    expect(root).toMatchObject({ operationId: "repos/get-content", params: { path: "" } });
  });

  it("lets compare's basehead hold branch names with slashes", () => {
    const match = matchRoute(index, "GET", "/repos/octo/hello/compare/main...foreman/12/add-login");

    expect(match).toMatchObject({
      operationId: "repos/compare-commits-with-basehead",
      params: { basehead: "main...foreman/12/add-login" },
    });
  });

  it("prefers a segment-by-segment match over a greedy one", () => {
    const checkRuns = matchRoute(index, "GET", "/repos/octo/hello/commits/abc123/check-runs");
    const commit = matchRoute(index, "GET", "/repos/octo/hello/commits/feature/login");

    expect(checkRuns).toMatchObject({ operationId: "checks/list-for-ref", params: { ref: "abc123" } });
    expect(commit).toMatchObject({ operationId: "repos/get-commit", params: { ref: "feature/login" } });
  });

  it("does not let a non-greedy parameter take several segments", () => {
    const match = matchRoute(index, "GET", "/repos/octo/hello/pulls/12/extra/segments");

    expect(match).toEqual({ kind: "unknown" });
  });

  it("reports a real GitHub endpoint the sandbox does not implement as unsupported", () => {
    const match = matchRoute(index, "GET", "/repos/octo/hello/releases");

    expect(match).toEqual({ kind: "unsupported", operationId: "repos/list-releases" });
  });

  it("reports a path GitHub does not have as unknown", () => {
    const match = matchRoute(index, "GET", "/repos/octo/hello/no-such-thing");

    expect(match).toEqual({ kind: "unknown" });
  });

  it("reports a known path with a method GitHub does not accept there as unknown", () => {
    const match = matchRoute(index, "DELETE", "/repos/octo/hello/pulls");

    expect(match).toEqual({ kind: "unknown" });
  });

  it("matches the API root and accepts a lower-case method", () => {
    const root = matchRoute(index, "get", "/");
    const rateLimit = matchRoute(index, "get", "/rate_limit?foo=bar");

    expect(root).toEqual({ kind: "operation", operationId: "meta/root", params: {} });
    expect(rateLimit).toEqual({ kind: "operation", operationId: "rate-limit/get", params: {} });
  });

  it("matches HEAD like GET", () => {
    const match = matchRoute(index, "HEAD", "/repos/octo/hello");

    expect(match).toMatchObject({ kind: "operation", operationId: "repos/get" });
  });

  it("treats a malformed percent-encoding as unknown instead of throwing", () => {
    const match = matchRoute(index, "GET", "/repos/octo/hello/git/ref/heads%E0%A4%A");

    expect(match).toEqual({ kind: "unknown" });
  });
});
