import { plain } from "./port-text.ts";
import { afterEach, expect, it } from "vitest";
import { OctokitRepoGitHub } from "../../../src/adapters/github/octokit-github.ts";
import { startHarness, type Harness } from "@foreman/sandbox/harness";

let h: Harness;

afterEach(async () => {
  await h.stop();
});

it("names Foreman's own account as the author of a commit it made, so a retried job does not mistake it for a human's", async () => {
  h = await startHarness();
  const github = new OctokitRepoGitHub(h.octokit, { owner: "acme", repo: "calculator", appLogin: `${h.app.slug}[bot]` });
  const base = (await github.repository()).headSha;

  const { sha } = await github.commitOnBranch({
    expectedHead: null,
    branch: "foreman/1/a",
    baseSha: base,
    message: plain("Add a"),
    changes: [{ path: "a.js", content: "export {};\n" }],
  });

  expect(await github.commitAuthor(sha)).toBe(`${h.app.slug}[bot]`);
  expect(h.sandbox.requestLog.rejected()).toEqual([]);
});
