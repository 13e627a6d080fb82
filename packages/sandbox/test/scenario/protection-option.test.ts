import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SandboxGitHub } from "../../src/github/sandbox.ts";
import { parseScenario, ScenarioError, type Scenario } from "../../src/scenario/index.ts";

const fixtures = join(import.meta.dirname, "fixtures");

function scenarioText(repository: string): string {
  return [
    "name: protection",
    `repository: { owner: acme, name: calc, files: { a.txt: hi }, ci: [{ name: test, run: "true" }]${repository} }`,
    "actors: [{ login: maya, permission: write }]",
    "issue: { author: maya, title: T }",
  ].join("\n");
}

const parse = (repository: string): Scenario => parseScenario(scenarioText(repository), { baseDir: fixtures, fileName: "protection.yml" });

function problemsOf(repository: string): string[] {
  try {
    parse(repository);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((problem) => `${problem.path.join(".")}: ${problem.message}`);
    throw error;
  }
  throw new Error("expected the scenario to be rejected");
}

let github: SandboxGitHub | null = null;

afterEach(async () => {
  await github?.stop();
  github = null;
});

describe("repository.protection in a scenario", () => {
  it("is absent unless given, so a scenario keeps the sandbox's first model", () => {
    expect(parse("").repository.protection).toBeUndefined();
  });

  it("fills GitHub's defaults: classic protection, nothing required beyond the CI job names", () => {
    expect(parse(", protection: {}").repository.protection).toEqual({
      via: "branchProtection",
      requiredReviews: 0,
      dismissStaleReviews: false,
      codeOwnerReviews: false,
      upToDate: false,
      linearHistory: false,
    });
  });

  it("refuses more than 6 approving reviews for classic protection, allows 10 for a ruleset, and unknown keys", () => {
    expect(problemsOf(", protection: { requiredReviews: 7 }")).toEqual([
      "repository.protection.requiredReviews: branch protection requires at most 6 approving reviews (a ruleset up to 10)",
    ]);
    expect(parse(", protection: { via: ruleset, requiredReviews: 10 }").repository.protection?.requiredReviews).toBe(10);
    expect(problemsOf(", protection: { reviews: 1 }")).toEqual([expect.stringContaining("repository.protection")]);
  });

  it("becomes the sandbox repository's rules and required checks", async () => {
    const { repository } = parse(", protection: { via: ruleset, requiredReviews: 1, requiredChecks: [test, Foreman], upToDate: true }");
    github = await SandboxGitHub.start();

    const repo = await github.createRepository({ ...repository, protection: repository.protection, ci: [] });
    const plain = await github.createRepository({
      ...repository,
      name: "plain",
      protection: undefined,
      ci: [{ name: "test", run: "true", timeoutSeconds: 60 }],
    });

    expect(repo.protection).toMatchObject({ via: "ruleset", requiredReviews: 1, upToDate: true, linearHistory: false });
    expect(repo.requiredChecks).toEqual(["test", "Foreman"]);
    expect(plain).toMatchObject({ protection: null, requiredChecks: ["test"] });
  });
});
