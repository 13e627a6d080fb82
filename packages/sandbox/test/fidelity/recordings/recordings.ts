import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { matchRoute, type OpenApiIndex } from "../../../src/github/fidelity/rest.ts";
import type { RouteTable } from "../../../src/github/context.ts";

/** One request of a session recorded against api.github.com, and GitHub's answer, as `@octokit/fixtures` stores it. */
const RecordedExchange = z.object({
  scope: z.string(),
  method: z.string(),
  path: z.string(),
  body: z.unknown(),
  status: z.number(),
  response: z.unknown(),
  reqheaders: z.record(z.string(), z.unknown()),
  headers: z.record(z.string(), z.unknown()),
});
export type RecordedExchange = z.infer<typeof RecordedExchange>;

export interface RecordedScenario {
  name: string;
  exchanges: RecordedExchange[];
}

/** A recorded request the sandbox serves: the scenario it belongs to, its place in it and GitHub's operation. */
export interface ServedExchange {
  scenario: string;
  index: number;
  operationId: string;
  exchange: RecordedExchange;
}

const API_SCOPE = "https://api.github.com:443";

function scenariosDirectory(): string {
  const packageJson = fileURLToPath(import.meta.resolve("@octokit/fixtures/package.json"));
  return join(dirname(packageJson), "scenarios", "api.github.com");
}

/** Every scenario the package recorded against api.github.com (normalised: ids from 1000, shas 000…1, one date). */
export function loadRecordedScenarios(): RecordedScenario[] {
  const directory = scenariosDirectory();
  return readdirSync(directory)
    .sort()
    .map((name) => {
      const text = readFileSync(join(directory, name, "normalized-fixture.json"), "utf8");
      return { name, exchanges: z.array(RecordedExchange).parse(JSON.parse(text)) };
    });
}

/** The operation a recorded request would reach on the sandbox, when the sandbox serves it. */
function servedOperation(index: OpenApiIndex, routes: RouteTable, exchange: RecordedExchange): string | null {
  if (exchange.scope !== API_SCOPE) return null;
  // `/repositories/{id}/…` is served as `/repos/{owner}/{repo}/…`, so it is classified as that.
  const pathname = new URL(exchange.path, "https://api.github.com").pathname.replace(/^\/repositories\/\d+/, "/repos/owner/repo");
  const match = matchRoute(index, exchange.method.toUpperCase(), pathname);
  return match.kind === "operation" && routes[match.operationId] ? match.operationId : null;
}

/** The recorded requests whose routes the sandbox serves, scenario by scenario, in recorded order. */
export function servedExchanges(scenarios: RecordedScenario[], index: OpenApiIndex, routes: RouteTable): ServedExchange[] {
  return scenarios.flatMap((scenario) =>
    scenario.exchanges.flatMap((exchange, position) => {
      const operationId = servedOperation(index, routes, exchange);
      return operationId ? [{ scenario: scenario.name, index: position, operationId, exchange }] : [];
    }),
  );
}
