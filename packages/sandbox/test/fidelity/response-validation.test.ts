import { describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse } from "../../src/github/fidelity/rest.ts";

const index = loadOpenApiIndex();
const sha = "aa218f56b14c9653891f9e74264a383fa43fefbd";
const ref = {
  ref: "refs/heads/main",
  node_id: "REF_kwDOAAABc3JlZnMvaGVhZHMvbWFpbg",
  url: "http://127.0.0.1:4010/repos/octo/hello/git/refs/heads/main",
  object: { type: "commit", sha, url: `http://127.0.0.1:4010/repos/octo/hello/git/commits/${sha}` },
};

describe("validateResponse", () => {
  it("accepts a response of the documented shape", () => {
    const problems = validateResponse(index, "git/get-ref", 200, ref);

    expect(problems).toEqual([]);
  });

  it("catches a missing required field", () => {
    const { node_id: _dropped, ...withoutNodeId } = ref;

    const problems = validateResponse(index, "git/get-ref", 200, withoutNodeId);

    expect(problems).toEqual([{ location: "response", pointer: "/node_id", message: `"node_id" wasn't supplied.` }]);
  });

  it("catches a field of the wrong type deep in the body", () => {
    const problems = validateResponse(index, "git/get-ref", 200, { ...ref, object: { ...ref.object, sha: 42 } });

    expect(problems.map((problem) => problem.pointer)).toContain("/object/sha");
  });

  it("accepts null where the description says nullable", () => {
    const label = { id: 1, node_id: "LA_1", url: "http://127.0.0.1/l", name: "foreman", color: "ededed", default: false };

    const problems = validateResponse(index, "issues/get-label", 200, { ...label, description: null });

    expect(problems).toEqual([]);
  });

  it("reports a status the operation does not document", () => {
    const problems = validateResponse(index, "git/get-ref", 201, ref);

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain("status 201 is not documented for git/get-ref");
  });

  it("reports a body sent with a response documented without one", () => {
    const empty = validateResponse(index, "git/delete-ref", 204, undefined);
    const withBody = validateResponse(index, "git/delete-ref", 204, { deleted: true });

    expect(empty).toEqual([]);
    expect(withBody).toHaveLength(1);
  });

  it("checks documented error responses too", () => {
    const good = validateResponse(index, "git/get-ref", 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    const bad = validateResponse(index, "git/get-ref", 404, { message: 404 });

    expect(good).toEqual([]);
    expect(bad.map((problem) => problem.pointer)).toEqual(["/message"]);
  });
});
