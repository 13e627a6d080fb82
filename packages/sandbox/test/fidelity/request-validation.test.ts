import { describe, expect, it } from "vitest";
import type { OpenApiOperationsFile } from "../../src/github/fidelity/openapi-types.ts";
import {
  createOpenApiIndex,
  loadOpenApiIndex,
  toGitHubValidationError,
  UnknownOperationError,
  validateRequest,
} from "../../src/github/fidelity/rest.ts";

const index = loadOpenApiIndex();
const repo = { owner: "octo", repo: "hello" };

describe("validateRequest: bodies", () => {
  it("rejects a pull request without head, naming the field the way GitHub does", () => {
    const problems = validateRequest(index, "pulls/create", { params: repo, body: { title: "Add login", base: "main" } });

    expect(problems).toEqual([{ location: "body", pointer: "/head", message: `"head" wasn't supplied.` }]);
    expect(toGitHubValidationError(problems)).toEqual({
      status: 422,
      body: {
        message: `Invalid request.\n\n"head" wasn't supplied.`,
        documentation_url: "https://docs.github.com/rest",
        status: "422",
      },
    });
  });

  it("accepts a tree with base_tree, inline content and a deletion (sha: null)", () => {
    const body = {
      base_tree: "9fb037999f264ba9a7fc6274d15fa3ae2ab98312",
      tree: [
        { path: "src/login.ts", mode: "100644", type: "blob", content: "export {};\n" },
        { path: "src/old.ts", mode: "100644", type: "blob", sha: null },
      ],
    };

    const problems = validateRequest(index, "git/create-tree", { params: repo, body });

    expect(problems).toEqual([]);
  });

  it("rejects a tree entry whose mode is not one of git's modes", () => {
    const body = { tree: [{ path: "a.ts", mode: "100600", type: "blob", content: "x" }] };

    const problems = validateRequest(index, "git/create-tree", { params: repo, body });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ location: "body", pointer: "/tree/0/mode" });
    expect(problems[0]?.message).toContain(`"100600" is not a member of`);
  });

  it("rejects a value of the wrong type with GitHub's nil wording", () => {
    const problems = validateRequest(index, "issues/create-comment", {
      params: { ...repo, issue_number: "7" },
      body: { body: null },
    });

    expect(problems).toEqual([{ location: "body", pointer: "/body", message: "For 'properties/body', nil is not a string." }]);
  });

  it("rejects an unknown reaction", () => {
    const problems = validateRequest(index, "reactions/create-for-issue", {
      params: { ...repo, issue_number: "7" },
      body: { content: "thumbsup" },
    });

    expect(problems.map((problem) => problem.pointer)).toEqual(["/content"]);
  });

  it("rejects a missing body where one is required", () => {
    const problems = validateRequest(index, "git/create-commit", { params: repo });

    expect(problems).toEqual([{ location: "body", pointer: "", message: "For 'links/0/schema', nil is not an object." }]);
  });

  it("accepts a missing or null body where the body is optional and nullable", () => {
    const params = { ...repo, pull_number: "3" };

    const missing = validateRequest(index, "pulls/update-branch", { params });
    const nullBody = validateRequest(index, "pulls/merge", { params, body: null });

    expect(missing).toEqual([]);
    expect(nullBody).toEqual([]);
  });

  it("explains a failed alternative by its closest branch (labels as strings)", () => {
    const problems = validateRequest(index, "issues/add-labels", {
      params: { ...repo, issue_number: "7" },
      body: { labels: ["foreman", 7] },
    });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ pointer: "/labels/1" });
  });
});

describe("validateRequest: parameters", () => {
  it("coerces a numeric query string and rejects one that is not a number", () => {
    const good = validateRequest(index, "pulls/list", { params: repo, query: { per_page: "30", page: "2" } });
    const bad = validateRequest(index, "pulls/list", { params: repo, query: { per_page: "abc" } });

    expect(good).toEqual([]);
    expect(bad).toEqual([{ location: "query", pointer: "/per_page", message: `For 'properties/per_page', "abc" is not an integer.` }]);
  });

  it("reads URLSearchParams and rejects an unknown enum value", () => {
    const problems = validateRequest(index, "pulls/list", { params: repo, query: new URLSearchParams("state=merged") });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ location: "query", pointer: "/state" });
  });

  it("ignores query parameters GitHub does not document, as GitHub does", () => {
    const problems = validateRequest(index, "pulls/list", { params: repo, query: { utm_source: "x" } });

    expect(problems).toEqual([]);
  });

  it("rejects a path parameter of the wrong type", () => {
    const problems = validateRequest(index, "pulls/get", { params: { ...repo, pull_number: "twelve" } });

    expect(problems).toEqual([
      { location: "path", pointer: "/pull_number", message: `For 'properties/pull_number', "twelve" is not an integer.` },
    ]);
  });

  it("throws for an operation that was not extracted", () => {
    const validate = (): unknown => validateRequest(index, "repos/list-releases", { params: repo });

    expect(validate).toThrow(UnknownOperationError);
  });
});

describe("validateRequest: schema keywords", () => {
  const file: OpenApiOperationsFile = {
    source: { package: "@octokit/openapi", version: "0.0.0", file: "api.github.com.deref.json" },
    routes: [{ method: "POST", path: "/gists", operationId: "gists/create" }],
    operations: {
      "gists/create": {
        method: "POST",
        path: "/gists",
        parameters: [],
        requestBody: {
          contentType: "application/json",
          required: true,
          schema: {
            type: "object",
            properties: {
              description: { type: "string", nullable: true },
              files: { type: "object", additionalProperties: { type: "object", properties: { content: { type: "string" } } } },
            },
            required: ["files"],
            additionalProperties: false,
          },
        },
        responses: { "201": {} },
      },
    },
  };
  const synthetic = createOpenApiIndex(file);

  it("rejects a key the schema does not permit", () => {
    const problems = validateRequest(synthetic, "gists/create", { body: { files: {}, fileName: "a.txt" } });

    expect(problems).toEqual([{ location: "body", pointer: "/fileName", message: `"fileName" is not a permitted key.` }]);
  });

  it("honours nullable: true", () => {
    const problems = validateRequest(synthetic, "gists/create", { body: { files: {}, description: null } });

    expect(problems).toEqual([]);
  });
});
