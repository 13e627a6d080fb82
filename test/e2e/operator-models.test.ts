import { driveScenario, loadScenario, type AppUnderTest } from "@foreman/sandbox";
import { describe, expect, it } from "vitest";
import { refusingEndpoint } from "../integration/refusing-endpoint.ts";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { appComments, CASE_TIMEOUT_MS, explain, scenarioPath } from "./run-case.ts";

/** Foreman as the sandbox runs it, with the operator's variables on top. */
function foremanWith(variables: Record<string, string>): AppUnderTest {
  return { ...foremanUnderTest, env: (context) => ({ ...foremanUnderTest.env(context), ...variables }) };
}

async function runWith(name: string, variables: Record<string, string>) {
  const run = await driveScenario(await loadScenario(scenarioPath(name)), {
    world: { app: foremanWith(variables) },
    observe: (world) => ({
      comments: appComments(world, "issue"),
      models: (world.model?.requests() ?? []).map((request) => [request.role, request.model]),
    }),
  });
  return { failures: run.failures, timeline: run.timeline, appLogTail: run.appLogTail, observed: run.observed };
}

describe("models under the operator's control", () => {
  it(
    "asks the installation's default model when the repository names none, and tells the issue of a model the endpoint does not know",
    async () => {
      const run = await runWith("model-not-found.yml", { FOREMAN_DEFAULT_MODEL: "house-model" });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.models).toEqual([
        ["engineer", "house-model"],
        ["planner", "ghost-model"],
      ]);
      const [status, ...others] = run.observed.comments;
      const failure = others.find((comment) => comment.includes("The model endpoint refused the planner's call"));
      expect(failure, explain(run)).toContain(
        "provider `default` does not know the model `ghost-model` (HTTP 404). It was chosen by `models.planner` in `.github/foreman.yml`",
      );
      expect(failure).toContain("remove Foreman's label from this issue and add it again");
      // The installation's default model has no price: the usage line says so instead of $0.00.
      expect(status).toMatch(/<sub>Usage: [\d,]+ tokens in · [\d,]+ tokens out · price unknown; budget counted in tokens<\/sub>/);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "tells the issue which variable holds the key the endpoint refused",
    async () => {
      const endpoint = await refusingEndpoint();

      const run = await runWith("model-key-refused.yml", { FOREMAN_LLM_BASE_URL: endpoint.url });

      expect(run.failures, explain(run)).toEqual([]);
      const failure = run.observed.comments.find((comment) => comment.startsWith("The model endpoint refused the engineer's call"));
      expect(failure, explain(run)).toContain(
        "provider `default` refused Foreman's key (HTTP 401). The operator must set `FOREMAN_LLM_API_KEY` to a valid key for that endpoint",
      );
      expect(failure).not.toContain("sk-wr");
      expect(endpoint.requests()).toBe(1);
    },
    CASE_TIMEOUT_MS,
  );

  it(
    "answers a model the installation does not allow with a configuration problem that names it and the allowed models",
    async () => {
      const run = await runWith("model-not-allowed.yml", { FOREMAN_DEFAULT_MODEL: "house-model", FOREMAN_ALLOWED_MODELS: "house-*" });

      expect(run.failures, explain(run)).toEqual([]);
      expect(run.observed.comments).toHaveLength(1);
      expect(run.observed.comments[0]).toMatch(
        /- `models\.coder` \(line 3, column 3\): model "gpt-4o" is not allowed on this Foreman installation; choose one of: house-\* \(the operator's FOREMAN_ALLOWED_MODELS\)/,
      );
      expect(run.observed.models).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );
});
