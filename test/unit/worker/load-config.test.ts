import { describe, expect, it } from "vitest";
import { loadRepoConfig } from "../../../src/worker/load-config.ts";
import { fakeRepo, type FakeRepo } from "./fake-repo.ts";

const REPO = { owner: "acme", repo: "stats" };
const OWN = "main:.github/foreman.yml";
const ORG = "acme/.github:.github/foreman.yml";

function repoWith(own: string | null, others: Record<string, string> = {}): FakeRepo {
  const repo = fakeRepo();
  if (own !== null) repo.files[OWN] = own;
  Object.assign(repo.repositoryFiles, others);
  return repo;
}

describe("loadRepoConfig: the repository's file, the organisation's defaults and _extends", () => {
  it("takes the organisation's .github/foreman.yml when the repository has none", async () => {
    const repo = repoWith(null, { [ORG]: "planApproval: auto\nlabel: ship-it\n" });

    const loaded = await loadRepoConfig(repo.github, REPO, "main");

    expect(loaded).toMatchObject({ ok: true, config: { planApproval: "auto", label: "ship-it", maxParallelTasks: 3 } });
    expect(loaded.ok && loaded.sources).toEqual([{ owner: "acme", repo: ".github", path: ".github/foreman.yml" }]);
  });

  it("ignores the organisation's file when the repository has its own, even an empty one", async () => {
    const repo = repoWith("", { [ORG]: "label: ship-it\n" });

    const loaded = await loadRepoConfig(repo.github, REPO, "main");

    expect(loaded).toMatchObject({ ok: true, config: { label: "foreman" } });
  });

  it("means every default when neither has a file", async () => {
    const loaded = await loadRepoConfig(repoWith(null).github, REPO, "main");

    expect(loaded).toMatchObject({ ok: true, config: { label: "foreman", planApproval: "manual" }, sources: [] });
  });

  it("merges the file _extends: .github names under the repository's own, mappings key by key and lists whole", async () => {
    const own = "_extends: .github\nmaxParallelTasks: 5\nmerge:\n  method: rebase\nallowBots: [renovate]\n";
    const org = "label: ship-it\nmaxParallelTasks: 2\nmerge:\n  closeIssue: false\nallowBots: [dependabot, mergify]\n";
    const repo = repoWith(own, { [ORG]: org });

    const loaded = await loadRepoConfig(repo.github, REPO, "main");

    expect(loaded).toMatchObject({
      ok: true,
      config: {
        label: "ship-it",
        maxParallelTasks: 5,
        merge: { method: "rebase", closeIssue: false, mode: "auto" },
        allowBots: ["renovate"],
      },
    });
  });

  it("follows _extends across repositories and owners, with a path, and keeps following", async () => {
    const repo = repoWith("_extends: platform/shared:configs/foreman.yml\nlabel: mine\n", {
      "platform/shared:configs/foreman.yml": "_extends: base\nplanApproval: auto\n",
      "platform/base:configs/foreman.yml": "maxParallelTasks: 7\nplanApproval: manual\n",
    });

    const loaded = await loadRepoConfig(repo.github, REPO, "main");

    expect(loaded).toMatchObject({ ok: true, config: { label: "mine", planApproval: "auto", maxParallelTasks: 7 } });
    expect(loaded.ok && loaded.sources.map((source) => `${source.owner}/${source.repo}:${source.path}`)).toEqual([
      "acme/stats:.github/foreman.yml",
      "platform/shared:configs/foreman.yml",
      "platform/base:configs/foreman.yml",
    ]);
  });

  it("reports an _extends that names a file nobody can read, at its line", async () => {
    const repo = repoWith("label: mine\n_extends: acme/missing\n");

    const loaded = await loadRepoConfig(repo.github, REPO, "main");

    expect(loaded).toEqual({
      ok: false,
      label: "mine",
      problems: [
        {
          path: "_extends",
          line: 2,
          column: 1,
          message: expect.stringContaining("names acme/missing:.github/foreman.yml, which Foreman cannot read") as unknown,
        },
      ],
    });
  });

  it("reports files that extend each other in a circle", async () => {
    const repo = repoWith("_extends: .github\n", { [ORG]: "_extends: stats\n" });

    const loaded = await loadRepoConfig(repo.github, REPO, "main");

    expect(loaded).toMatchObject({
      ok: false,
      problems: [
        { path: "_extends", file: "acme/.github:.github/foreman.yml", message: expect.stringContaining("in a circle") as unknown },
      ],
    });
  });

  it("stops past five files", async () => {
    const chain = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`acme/r${n}:.github/foreman.yml`, `_extends: r${n + 1}\n`]));
    const repo = repoWith("_extends: r1\n", chain);

    const loaded = await loadRepoConfig(repo.github, REPO, "main");

    expect(loaded).toMatchObject({ ok: false, problems: [{ path: "_extends", file: "acme/r4:.github/foreman.yml" }] });
  });

  it("names the organisation's file, with the line, for a problem there, and an _extends of the wrong form in the repository's", async () => {
    const repo = repoWith(null, { [ORG]: "label: ship-it\nmaxParallelTasks: 0\n_extends: 'not a repo'\n" });

    const loaded = await loadRepoConfig(repo.github, REPO, "main");

    expect(loaded).toEqual({
      ok: false,
      label: "ship-it",
      problems: [
        { path: "maxParallelTasks", line: 2, column: 1, file: ORG, message: "must be at least 1, got 0" },
        {
          path: "_extends",
          line: 3,
          column: 1,
          file: ORG,
          message: expect.stringContaining("must name a file to build on") as unknown,
        },
      ],
    });
  });

  it("reports keys that conflict only once merged in the file that sets the key", async () => {
    const repo = repoWith("_extends: .github\npullRequests:\n  closesIssue: true\n", { [ORG]: "merge:\n  closeIssue: false\n" });

    const loaded = await loadRepoConfig(repo.github, REPO, "main");

    expect(loaded).toMatchObject({ ok: false, problems: [{ path: "pullRequests.closesIssue", line: 3 }] });
    expect(loaded.ok || loaded.problems[0]?.file).toBeUndefined();
  });

  it("suggests _extends for a near miss, and reads the organisation's own repository without a fallback", async () => {
    const repo = repoWith("extend: .github\n", { [ORG]: "label: never-read\n" });

    const own = await loadRepoConfig(repo.github, REPO, "main");
    const organisation = await loadRepoConfig(
      repoWith(null, { [ORG]: "label: never-read\n" }).github,
      { owner: "acme", repo: ".github" },
      "main",
    );

    expect(own).toMatchObject({ ok: false, problems: [{ path: "extend", message: 'unknown key "extend"; did you mean "_extends"?' }] });
    expect(organisation).toMatchObject({ ok: true, config: { label: "foreman" }, sources: [] });
  });
});
