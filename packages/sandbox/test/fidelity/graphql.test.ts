import { describe, expect, it } from "vitest";
import { loadGitHubSchema, toGraphqlErrorBody, validateGraphqlRequest } from "../../src/github/fidelity/graphql.ts";

const schema = loadGitHubSchema();

const enqueue = `
  mutation Enqueue($pullRequestId: ID!, $expectedHeadOid: GitObjectID) {
    enqueuePullRequest(input: { pullRequestId: $pullRequestId, expectedHeadOid: $expectedHeadOid }) {
      mergeQueueEntry { id position state }
    }
  }`;

const readFiles = `
  query ReadFiles($owner: String!, $name: String!) {
    repository(owner: $owner, name: $name) {
      a: object(expression: "HEAD:a.ts") { ... on Blob { text byteSize isBinary } }
      b: object(expression: "HEAD:src/b.ts") { ... on Blob { text } }
    }
  }`;

describe("validateGraphqlRequest", () => {
  it("accepts an enqueuePullRequest mutation with its variables", () => {
    const problems = validateGraphqlRequest(schema, {
      query: enqueue,
      variables: { pullRequestId: "PR_kwDOA", expectedHeadOid: "aa218f56b14c9653891f9e74264a383fa43fefbd" },
    });

    expect(problems).toEqual([]);
  });

  it("accepts a query reading several files through aliases", () => {
    const problems = validateGraphqlRequest(schema, { query: readFiles, variables: { owner: "octo", name: "hello" } });

    expect(problems).toEqual([]);
  });

  it("rejects an unknown field with GitHub's wording", () => {
    const query = `query { repository(owner: "octo", name: "hello") { id nope } }`;

    const problems = validateGraphqlRequest(schema, { query });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ location: "body", pointer: "/query" });
    expect(problems[0]?.message).toBe("Field 'nope' doesn't exist on type 'Repository'");
    expect(toGraphqlErrorBody(problems).errors[0]?.locations).toEqual([{ line: 1, column: query.indexOf("nope") + 1 }]);
  });

  it("rejects a missing required argument", () => {
    const problems = validateGraphqlRequest(schema, { query: `query { repository(owner: "octo") { id } }` });

    expect(problems.map((problem) => problem.message)).toEqual(["Field 'repository' is missing required arguments: name"]);
  });

  it("rejects a query that does not parse", () => {
    const problems = validateGraphqlRequest(schema, { query: "query { repository(owner: " });

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^Parse error/);
  });

  it("rejects a missing required variable", () => {
    const problems = validateGraphqlRequest(schema, { query: enqueue, variables: {} });

    expect(problems).toEqual([
      expect.objectContaining({ pointer: "/variables", message: "Variable $pullRequestId of type ID! was provided invalid value" }),
    ]);
  });

  it("rejects an input object with a field its type does not define", () => {
    const query = `mutation($input: EnqueuePullRequestInput!) { enqueuePullRequest(input: $input) { clientMutationId } }`;

    const problems = validateGraphqlRequest(schema, { query, variables: { input: { pullRequestId: "PR_1", skipQueue: true } } });

    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain(`Field "skipQueue" is not defined by type "EnqueuePullRequestInput"`);
  });

  it("asks for an operation name when the document holds several", () => {
    const problems = validateGraphqlRequest(schema, { query: `${readFiles}\n${enqueue}`, variables: {} });

    expect(problems).toEqual([{ location: "body", pointer: "/operationName", message: "An operation name is required" }]);
  });

  it("rejects a request without a query", () => {
    const problems = validateGraphqlRequest(schema, { query: undefined });

    expect(problems[0]?.message).toBe("A query attribute must be specified and must be a string.");
  });
});
