import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadScenario, runScenario, ScenarioError, type RealModel, type RunResult } from "@foreman/sandbox";
import { foremanUnderTest } from "./foreman-under-test.ts";
import { formatReport } from "./report.ts";

const DEFAULT_SCENARIO = fileURLToPath(new URL("./scenarios/three-task-feature.yml", import.meta.url));

function realModel(env: NodeJS.ProcessEnv): RealModel | null {
  const baseUrl = env.FOREMAN_LLM_BASE_URL;
  const apiKey = env.FOREMAN_LLM_API_KEY ?? env.OPENAI_API_KEY;
  if (!baseUrl || !apiKey) return null;
  return { baseUrl, apiKey, ...(env.FOREMAN_DEFAULT_MODEL ? { model: env.FOREMAN_DEFAULT_MODEL } : {}) };
}

function summaryJson(result: RunResult): Record<string, unknown> {
  const { figures } = result;
  return {
    ok: result.ok,
    tasks: figures.taskIds,
    pullRequests: figures.pullRequests,
    merged: figures.merged,
    apiCalls: figures.apiCalls,
    apiWrites: figures.apiWrites,
    gitFetches: figures.gitFetches,
    gitDataWritesPerTask: figures.gitDataWritesPerTask,
    modelCalls: figures.modelCalls,
    tokens: { prompt: figures.promptTokens, completion: figures.completionTokens },
    seconds: figures.seconds,
    rejectedCalls: figures.rejectedCalls,
    defaultBranchCiPasses: figures.defaultBranchCi,
    ci: { runs: figures.ciRuns, red: figures.redCiRuns, seconds: figures.ciSeconds },
    failures: result.failures,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { json: { type: "boolean", default: false }, scenario: { type: "string" } } });
  const scenario = await loadScenario(values.scenario ?? DEFAULT_SCENARIO);
  const model = realModel(process.env);
  if (!values.json) {
    console.log(`Foreman demo: ${scenario.name}`);
    console.log(model ? `model: ${model.baseUrl} (real endpoint)` : "model: sandbox model server (scripted answers)");
    console.log("");
  }
  const result = await runScenario(scenario, {
    app: foremanUnderTest,
    realModel: model,
    ...(values.json ? {} : { onTimeline: (line: string) => console.log(line) }),
  });
  console.log(values.json ? JSON.stringify(summaryJson(result), null, 2) : formatReport(result));
  return result.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ScenarioError ? error.message : error);
    process.exitCode = 2;
  },
);
