import { describe, expect, it } from "vitest";
import type { Intake } from "../../../src/worker/intake.ts";
import { processIntake } from "../../../src/worker/process-intake.ts";
import { fakeDeps, fakeRepo, type FakeRepo } from "./fake-repo.ts";

const REF = { installationId: 1, owner: "acme", repo: "stats" };
const PR = 9;
const SHA = "a".repeat(40);

const opened: Intake = { kind: "pr_not_task", ref: REF, pr: PR, sha: SHA, baseRef: "main", deliveryId: "d-9" };

function changing(paths: string[], config?: string): FakeRepo {
  const repo = fakeRepo();
  repo.pullFiles[PR] = paths.map((filename) => ({ filename, status: "modified", patch: null }));
  if (config !== undefined) repo.files[`${SHA}:.github/foreman.yml`] = config;
  return repo;
}

const checkRun = (repo: FakeRepo) => repo.writes.find((write) => write.method === "ensureCheckRun")?.args[0];

describe("processIntake: the Foreman config check on a pull request that changes .github/foreman.yml", () => {
  it("fails on the head with every problem, each annotated at its line", async () => {
    const repo = changing(["README.md", ".github/foreman.yml"], "label: foreman\nlabelz: x\nmaxParallelTasks: 0\n");

    await processIntake(fakeDeps(repo), opened);

    expect(checkRun(repo)).toEqual({
      sha: SHA,
      name: "Foreman config",
      externalId: `acme/stats/pull/${PR}/config`,
      status: "completed",
      conclusion: "failure",
      title: "Configuration has problems",
      summary: expect.stringContaining("Foreman found 2 problems in its configuration at this commit") as unknown,
      annotations: [
        { path: ".github/foreman.yml", line: 2, message: 'labelz: unknown key "labelz"; did you mean "label"?' },
        { path: ".github/foreman.yml", line: 3, message: "maxParallelTasks: must be at least 1, got 0" },
      ],
    });
    expect(String((checkRun(repo) as { summary: string }).summary)).toContain("- `labelz` (line 2, column 1): unknown key");
  });

  it("passes a file that reads, naming the files it was read from", async () => {
    const repo = changing([".github/foreman.yml"], "_extends: .github\nplanApproval: auto\n");
    repo.repositoryFiles["acme/.github:.github/foreman.yml"] = "label: ship-it\n";

    await processIntake(fakeDeps(repo), opened);

    expect(checkRun(repo)).toMatchObject({ name: "Foreman config", conclusion: "success", title: "Configuration reads", annotations: [] });
    expect(String((checkRun(repo) as { summary: string }).summary)).toContain(
      "Read from this commit's `.github/foreman.yml`, `acme/.github:.github/foreman.yml` (in this order",
    );
  });

  it("lists a problem in the organisation's file without annotating a file the pull request does not hold", async () => {
    const repo = changing([".github/foreman.yml"], "_extends: .github\n");
    repo.repositoryFiles["acme/.github:.github/foreman.yml"] = "planApproval: sometimes\n";

    await processIntake(fakeDeps(repo), opened);

    expect(checkRun(repo)).toMatchObject({ conclusion: "failure", annotations: [] });
    expect(String((checkRun(repo) as { summary: string }).summary)).toContain("(line 1, column 1) in `acme/.github:.github/foreman.yml`");
  });

  it("checks nothing on a pull request that leaves the file alone", async () => {
    const repo = changing(["src/index.ts"], "labelz: x\n");

    await processIntake(fakeDeps(repo), opened);

    expect(repo.writes).toEqual([]);
  });
});
