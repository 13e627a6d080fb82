import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";

const owner = "acme";
const repo = "calculator";

let h: Harness;

afterEach(async () => {
  await h.stop();
});

interface GraphqlFailure {
  errors: Array<Record<string, unknown>>;
  data: Record<string, unknown> | null | undefined;
}

/** The `errors` and `data` of a GraphQL call Octokit rejected because the response had errors. */
async function graphqlFailure(request: Promise<unknown>): Promise<GraphqlFailure> {
  const error = await request.then(
    () => null,
    (failure: unknown) => failure,
  );
  if (error === null) throw new Error("expected the GraphQL call to answer errors");
  return error as GraphqlFailure;
}

async function mainSha(): Promise<string> {
  const ref = await h.octokit.rest.git.getRef({ owner, repo, ref: "heads/main" });
  return ref.data.object.sha;
}

const base64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");

const CREATE_COMMIT = `
  mutation Commit($input: CreateCommitOnBranchInput!) {
    createCommitOnBranch(input: $input) { commit { oid url } ref { name } }
  }`;

interface CreateCommitResult {
  createCommitOnBranch: { commit: { oid: string; url: string }; ref: { name: string } };
}

function commitOnBranch(
  branch: string,
  expectedHeadOid: string,
  files: Record<string, string>,
  deletions: string[] = [],
): Promise<CreateCommitResult> {
  return h.octokit.graphql<CreateCommitResult>(CREATE_COMMIT, {
    input: {
      branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: branch },
      expectedHeadOid,
      message: { headline: `Change ${branch}`, body: "Made through GraphQL." },
      fileChanges: {
        additions: Object.entries(files).map(([path, text]) => ({ path, contents: base64(text) })),
        deletions: deletions.map((path) => ({ path })),
      },
    },
  });
}

function expectFaithful(): void {
  expect(h.sandbox.webhooks.invalid()).toEqual([]);
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
}

describe("sandbox GraphQL: reads", () => {
  it("reads three files, a directory and the default branch in one request", async () => {
    h = await startHarness({
      files: { "README.md": "# calculator\n", "src/add.js": "export const add = 1;\n", "src/sub.js": "export const sub = 2;\n" },
    });
    const before = h.sandbox.requestLog.count({ operationId: "graphql" });

    const result = await h.octokit.graphql<{ repository: Record<string, unknown> }>(
      `query Files($owner: String!, $name: String!) {
        repository(owner: $owner, name: $name) {
          nameWithOwner
          defaultBranchRef { name target { oid } }
          readme: object(expression: "main:README.md") { ... on Blob { text byteSize isBinary isTruncated } }
          add: object(expression: "HEAD:src/add.js") { ... on Blob { oid text } }
          sub: object(expression: "main:src/sub.js") { ... on Blob { text } }
          missing: object(expression: "main:nope.txt") { id }
          src: object(expression: "main:src") { ... on Tree { entries { name path type mode object { ... on Blob { byteSize } } } } }
        }
      }`,
      { owner, name: repo },
    );

    expect(h.sandbox.requestLog.count({ operationId: "graphql" }) - before).toBe(1);
    expect(result.repository).toMatchObject({
      nameWithOwner: "acme/calculator",
      defaultBranchRef: { name: "main", target: { oid: await mainSha() } },
      readme: { text: "# calculator\n", byteSize: 13, isBinary: false, isTruncated: false },
      add: { text: "export const add = 1;\n" },
      sub: { text: "export const sub = 2;\n" },
      missing: null,
      src: {
        entries: [
          { name: "add.js", path: "src/add.js", type: "blob", mode: 0o100644, object: { byteSize: 22 } },
          { name: "sub.js", path: "src/sub.js", type: "blob", mode: 0o100644, object: { byteSize: 22 } },
        ],
      },
    });
    expectFaithful();
  });

  it("answers a field GitHub does not have with GitHub's schema error and counts the call as rejected", async () => {
    h = await startHarness();
    const query = `query { repository(owner: "acme", name: "calculator") { id nope } }`;

    const failure = await graphqlFailure(h.octokit.graphql(query));

    expect(failure.errors).toEqual([
      {
        message: "Field 'nope' doesn't exist on type 'Repository'",
        locations: [{ line: 1, column: query.indexOf("nope") + 1 }],
        path: ["query", "repository", "nope"],
        extensions: { code: "undefinedField", typeName: "Repository", fieldName: "nope" },
      },
    ]);
    expect(h.sandbox.requestLog.rejected()).toHaveLength(1);
    expect(h.sandbox.requestLog.rejected()[0]).toMatchObject({ operationId: "graphql", status: 200 });
  });

  it("answers a schema field the sandbox does not implement with an error naming it, never a silent null", async () => {
    h = await startHarness();

    const failure = await graphqlFailure(
      h.octokit.graphql(`query { repository(owner: "acme", name: "calculator") { name stargazerCount } }`),
    );

    expect(failure.errors[0]).toMatchObject({
      message: "the sandbox does not resolve Repository.stargazerCount",
      path: ["repository", "stargazerCount"],
    });
    expect(h.sandbox.requestLog.rejected()).toHaveLength(1);
  });

  it("answers a repository the installation cannot see with NOT_FOUND", async () => {
    h = await startHarness();
    await h.sandbox.createRepository({ owner: "globex", name: "secret", files: { "a.txt": "a" }, private: true });

    const failure = await graphqlFailure(h.octokit.graphql(`query { repository(owner: "globex", name: "secret") { id } }`));

    expect(failure.data).toEqual({ repository: null });
    expect(failure.errors).toEqual([
      expect.objectContaining({
        type: "NOT_FOUND",
        path: ["repository"],
        message: "Could not resolve to a Repository with the name 'globex/secret'.",
      }),
    ]);
    expectFaithful();
  });

  it("answers an unknown id in nodes(ids:) with null and GitHub's NOT_FOUND error at its index", async () => {
    h = await startHarness();

    const failure = await graphqlFailure(
      h.octokit.graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [h.repo.nodeId, "PR_bogus"] }),
    );

    expect(failure.data).toEqual({ nodes: [{ id: h.repo.nodeId }, null] });
    expect(failure.errors).toEqual([
      expect.objectContaining({
        type: "NOT_FOUND",
        path: ["nodes", 1],
        message: "Could not resolve to a node with the global id of 'PR_bogus'",
      }),
    ]);
    expect(h.sandbox.requestLog.rejected()).toEqual([]);
  });

  it("refuses an anonymous call with 401", async () => {
    h = await startHarness();

    const response = await fetch(`${h.sandbox.url}/graphql`, { method: "POST", body: JSON.stringify({ query: "{ viewer { login } }" }) });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: "This endpoint requires you to be authenticated." });
  });

  it("resolves pull requests and issues by number and by node id", async () => {
    h = await startHarness();
    await h.octokit.rest.git.createRef({ owner, repo, ref: "refs/heads/feature", sha: await mainSha() });
    const head = await commitOnBranch("feature", await mainSha(), { "src/sub.js": "export const sub = (a, b) => a - b;\n" });
    const pull = await h.octokit.rest.pulls.create({ owner, repo, head: "feature", base: "main", title: "Add sub" });
    const issue = await h.octokit.rest.issues.create({ owner, repo, title: "Track sub" });

    const result = await h.octokit.graphql<{ repository: Record<string, unknown>; node: Record<string, unknown>; nodes: unknown[] }>(
      `query($id: ID!, $repoId: ID!) {
        repository(owner: "acme", name: "calculator") {
          pullRequest(number: ${pull.data.number}) { id number state merged headRefName headRefOid baseRefName mergeable isInMergeQueue mergeQueueEntry { id } autoMergeRequest { enabledAt } }
          mergeQueue(branch: "main") { id }
        }
        node(id: $id) { __typename ... on PullRequest { number title } }
        nodes(ids: [$repoId]) { ... on Repository { nameWithOwner } }
      }`,
      { id: pull.data.node_id, repoId: h.repo.nodeId },
    );

    expect(result.repository).toEqual({
      pullRequest: {
        id: pull.data.node_id,
        number: pull.data.number,
        state: "OPEN",
        merged: false,
        headRefName: "feature",
        headRefOid: head.createCommitOnBranch.commit.oid,
        baseRefName: "main",
        mergeable: "MERGEABLE",
        isInMergeQueue: false,
        mergeQueueEntry: null,
        autoMergeRequest: null,
      },
      mergeQueue: null,
    });
    expect(result.node).toEqual({ __typename: "PullRequest", number: pull.data.number, title: "Add sub" });
    expect(result.nodes).toEqual([{ nameWithOwner: "acme/calculator" }]);
    const byNumber = await h.octokit.graphql<{ repository: { issue: Record<string, unknown> } }>(
      `query { repository(owner: "acme", name: "calculator") { issue(number: ${issue.data.number}) { id number title } } }`,
    );
    expect(byNumber.repository.issue).toEqual({ id: issue.data.node_id, number: issue.data.number, title: "Track sub" });
    await h.sandbox.settle();
    expectFaithful();
  });
});

describe("sandbox GraphQL: createCommitOnBranch", () => {
  it("commits additions and deletions on a branch, moves it and sends push", async () => {
    h = await startHarness();
    const before = await mainSha();

    const result = await commitOnBranch("main", before, { "docs/guide.md": "# Guide\n" }, ["README.md"]);
    await h.sandbox.settle();

    const after = await mainSha();
    expect(result.createCommitOnBranch.commit.oid).toBe(after);
    expect(result.createCommitOnBranch.ref.name).toBe("main");
    const commit = await h.octokit.rest.git.getCommit({ owner, repo, commit_sha: after });
    expect(commit.data.parents.map((parent) => parent.sha)).toEqual([before]);
    expect(commit.data.message).toBe("Change main\n\nMade through GraphQL.");
    expect(await h.repo.git.readFile(after, "README.md")).toBeNull();
    expect((await h.repo.git.readFile(after, "docs/guide.md"))?.content.toString()).toBe("# Guide\n");
    const pushes = h.receiver.named("push");
    expect(pushes.at(-1)?.payload).toMatchObject({ ref: "refs/heads/main", before, after, forced: false });
    expect(h.sandbox.requestLog.writes().filter((entry) => entry.operationId === "graphql")).toHaveLength(1);
    expectFaithful();
  });

  it("refuses a stale expectedHeadOid with GitHub's STALE_DATA error and leaves the branch alone", async () => {
    h = await startHarness();
    const stale = await mainSha();
    await commitOnBranch("main", stale, { "a.txt": "first\n" });
    const current = await mainSha();

    const failure = await graphqlFailure(commitOnBranch("main", stale, { "a.txt": "second\n" }));

    expect(failure.data).toEqual({ createCommitOnBranch: null });
    expect(failure.errors).toEqual([
      expect.objectContaining({
        type: "STALE_DATA",
        path: ["createCommitOnBranch"],
        message: `Expected branch to point to "${stale}" but it did not.  Pull and try again.`,
      }),
    ]);
    expect(await mainSha()).toBe(current);
    await h.sandbox.settle();
    expectFaithful();
  });

  it("refuses a user without push access with FORBIDDEN", async () => {
    h = await startHarness();
    h.sandbox.setPermission(h.repo, "viewer", "read");
    const input = {
      branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: "main" },
      expectedHeadOid: await mainSha(),
      message: { headline: "Sneaky" },
      fileChanges: { additions: [{ path: "x.txt", contents: base64("x") }] },
    };

    const failure = await graphqlFailure(h.userOctokit("viewer").graphql(CREATE_COMMIT, { input }));

    expect(failure.errors[0]).toMatchObject({
      type: "FORBIDDEN",
      message: "viewer does not have the correct permissions to execute `CreateCommitOnBranch`",
    });
    expect(await mainSha()).toBe(input.expectedHeadOid);
  });
});
