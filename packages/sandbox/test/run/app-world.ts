import { onTestFinished } from "vitest";
import { Probot, ProbotOctokit } from "probot";
import { createWorld, parseScenario, type AppContext, type UserOctokit, type World } from "../../src/index.ts";
import { echoUnderTest } from "./echo-app/echo-under-test.ts";

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as object | undefined), enabled: false },
  retry: { enabled: false },
}));

/** A world whose app process idles, and an Octokit that writes as that app: the test plays the app's part. */
export interface AppWorld {
  world: World;
  app: InstanceType<typeof ProbotOctokit>;
  maya: UserOctokit;
  repo: { owner: string; repo: string };
  /** Commits files on a branch (created from the default branch when missing) as `as`; returns the commit sha. */
  commit(as: InstanceType<typeof ProbotOctokit>, branch: string, message: string, files: Record<string, string>): Promise<string>;
}

/** Starts a world for a scenario with the echo app, closed when the test ends; `expect` is the scenario's YAML `expect`. */
export async function appWorld(expectYaml = "{}"): Promise<AppWorld> {
  const scenario = parseScenario(
    [
      "name: app world",
      "repository: { owner: acme, name: calc, files: { README.md: hi } }",
      "actors: [{ login: maya, permission: write }]",
      "issue: { author: maya, title: Add a and b }",
      `expect: ${expectYaml}`,
    ].join("\n"),
    { baseDir: import.meta.dirname, fileName: "app-world.yml" },
  );
  const contexts: AppContext[] = [];
  const world = await createWorld(scenario, { app: echoUnderTest(contexts) });
  onTestFinished(() => world.close());
  const [context] = contexts;
  const installation = [...world.github.store.installations.values()].find((candidate) => candidate.appId === world.app.id);
  if (!context || !installation) throw new Error("the app was not started or not installed");
  const probot = new Probot({
    appId: context.appId,
    privateKey: context.privateKey,
    baseUrl: context.githubUrl,
    Octokit: TestOctokit,
    logLevel: "fatal",
  });
  const repo = { owner: "acme", repo: "calc" };
  return {
    world,
    app: await probot.auth(installation.id),
    maya: world.as("maya"),
    repo,
    async commit(as, branch, message, files) {
      const ref = await world.repo.git.getRef(`heads/${branch}`);
      const parent = ref ?? (await world.repo.git.resolve(world.repo.defaultBranch)) ?? "";
      const { data: head } = await as.rest.git.getCommit({ ...repo, commit_sha: parent });
      const tree = Object.entries(files).map(([path, content]) => ({ path, mode: "100644" as const, type: "blob" as const, content }));
      const { data: newTree } = await as.rest.git.createTree({ ...repo, base_tree: head.tree.sha, tree });
      const { data: commit } = await as.rest.git.createCommit({ ...repo, message, tree: newTree.sha, parents: [parent] });
      if (ref) await as.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: commit.sha });
      else await as.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit.sha });
      return commit.sha;
    },
  };
}
