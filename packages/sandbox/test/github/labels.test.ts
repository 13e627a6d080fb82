import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiIndex, validateResponse, type OpenApiIndex } from "../../src/github/fidelity/rest.ts";
import { openIssue } from "../../src/github/routes/issues-admin.ts";
import { expectFaithfulRun, requestFailure, startHarness, type Harness } from "./harness.ts";

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

describe("sandbox labels", () => {
  it("starts a new repository with GitHub's default labels, their colours and descriptions", async () => {
    h = await startHarness();

    const listed = await h.octokit.rest.issues.listLabelsForRepo({ owner, repo });

    expect(listed.data.map((label) => [label.name, label.color, label.description, label.default])).toEqual([
      ["bug", "d73a4a", "Something isn't working", true],
      ["documentation", "0075ca", "Improvements or additions to documentation", true],
      ["duplicate", "cfd3d7", "This issue or pull request already exists", true],
      ["enhancement", "a2eeef", "New feature or request", true],
      ["good first issue", "7057ff", "Good for newcomers", true],
      ["help wanted", "008672", "Extra attention is needed", true],
      ["invalid", "e4e669", "This doesn't seem right", true],
      ["question", "d876e3", "Further information is requested", true],
      ["wontfix", "ffffff", "This will not be worked on", true],
    ]);
    expect(new Set(listed.data.map((label) => label.id)).size).toBe(9);
    expect(validateResponse(openApi, "issues/list-labels-for-repo", 200, listed.data)).toEqual([]);
  });

  it("puts the default label on an issue rather than creating another, and lists a created label after the defaults", async () => {
    h = await startHarness();
    const issue = await openIssue(h.sandbox.core, h.repo, { author: "maya", title: "Crash on divide" });

    const labelled = await h.octokit.rest.issues.addLabels({ owner, repo, issue_number: issue.number, labels: ["Bug", "foreman"] });
    const listed = await h.octokit.rest.issues.listLabelsForRepo({ owner, repo, per_page: 100 });

    expect(labelled.data.map((label) => [label.name, label.color, label.default])).toEqual([
      ["bug", "d73a4a", true],
      ["foreman", "ededed", false],
    ]);
    expect(listed.data.map((label) => label.name).slice(-2)).toEqual(["wontfix", "foreman"]);
    await expectFaithfulRun(h);
  });

  it("creates a repository without labels when asked to", async () => {
    h = await startHarness({ defaultLabels: false });

    const listed = await h.octokit.rest.issues.listLabelsForRepo({ owner, repo });

    expect(listed.data).toEqual([]);
  });

  it.each(["invalid", "#d73a4a", "fff", "d73a4g"])(
    "refuses the colour %j with GitHub's Validation Failed naming the field, and stores nothing",
    async (color) => {
      h = await startHarness();

      const failure = await requestFailure(h.octokit.rest.issues.createLabel({ owner, repo, name: "foreman:blocked", color }));
      const read = await requestFailure(h.octokit.rest.issues.getLabel({ owner, repo, name: "foreman:blocked" }));
      await h.sandbox.settle();

      expect(failure).toMatchObject({
        status: 422,
        data: { message: "Validation Failed", errors: [{ resource: "Label", code: "invalid", field: "color" }] },
      });
      expect(read.status).toBe(404);
      expect(h.receiver.named("label")).toEqual([]);
      expect(validateResponse(openApi, "issues/create-label", 422, failure.data)).toEqual([]);
    },
  );

  it("names both fields when the name is taken and the colour is invalid", async () => {
    h = await startHarness();

    const failure = await requestFailure(h.octokit.rest.issues.createLabel({ owner, repo, name: "Bug", color: "red" }));

    expect(failure.data.errors).toEqual([
      { resource: "Label", code: "already_exists", field: "name" },
      { resource: "Label", code: "invalid", field: "color" },
    ]);
  });

  it("keeps a colour's letters as given, as GitHub does", async () => {
    h = await startHarness();

    const created = await h.octokit.rest.issues.createLabel({ owner, repo, name: "foreman:blocked", color: "BADA55" });

    expect(created.data.color).toBe("BADA55");
  });
});
