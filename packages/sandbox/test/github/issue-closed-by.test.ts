import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { expectFaithfulRun, startHarness, type Harness } from "./harness.ts";

const owner = "acme";
const repo = "calculator";

let h: Harness;
let openApi: OpenApiIndex;

beforeAll(() => {
  openApi = loadOpenApiIndex();
});

afterEach(async () => {
  await h.stop();
});

describe("closed_by on an issue", () => {
  it("is null on a new issue and names who closed it once closed, in the answers about that one issue", async () => {
    h = await startHarness();
    h.sandbox.setPermission(h.repo, "maya", "write");
    const maya = h.userOctokit("maya");

    const created = await maya.rest.issues.create({ owner, repo, title: "Add subtraction" });
    const closed = await maya.rest.issues.update({ owner, repo, issue_number: 1, state: "closed" });
    const read = await h.octokit.rest.issues.get({ owner, repo, issue_number: 1 });

    expect(created.data.closed_by).toBeNull();
    expect(closed.data.closed_by).toMatchObject({ login: "maya", type: "User" });
    expect(read.data.closed_by).toMatchObject({ login: "maya" });
    expect(validateResponse(openApi, "issues/create", 201, created.data)).toEqual([]);
    expect(validateResponse(openApi, "issues/get", 200, read.data)).toEqual([]);
    await expectFaithfulRun(h);
  });

  it("is null again after a reopen", async () => {
    h = await startHarness();
    h.sandbox.setPermission(h.repo, "maya", "write");
    const maya = h.userOctokit("maya");
    await maya.rest.issues.create({ owner, repo, title: "Add subtraction" });
    await maya.rest.issues.update({ owner, repo, issue_number: 1, state: "closed" });

    const reopened = await maya.rest.issues.update({ owner, repo, issue_number: 1, state: "open" });

    expect(reopened.data.closed_by).toBeNull();
  });

  it("is left out of listings and of the issues webhook, as GitHub leaves it out", async () => {
    h = await startHarness();
    h.sandbox.setPermission(h.repo, "maya", "write");
    const maya = h.userOctokit("maya");
    await maya.rest.issues.create({ owner, repo, title: "Add subtraction" });
    await maya.rest.issues.update({ owner, repo, issue_number: 1, state: "closed" });

    const listed = await h.octokit.rest.issues.listForRepo({ owner, repo, state: "closed" });
    await h.sandbox.settle();

    expect(listed.data.map((issue) => [issue.number, "closed_by" in issue])).toEqual([[1, false]]);
    const hook = h.receiver.named("issues", "closed")[0]?.payload.issue as Record<string, unknown> | undefined;
    expect(hook).toMatchObject({ number: 1, state: "closed" });
    expect(hook && "closed_by" in hook).toBe(false);
  });
});
