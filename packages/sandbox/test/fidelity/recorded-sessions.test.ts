import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedOpenApiIndex, validateResponse } from "../../src/github/fidelity/rest.ts";
import { allRoutes } from "../../src/github/routes/index.ts";
import { SandboxGitHub } from "../../src/github/sandbox.ts";
import { ACCEPTED_DIFFERENCES, NOT_REPLAYED, type AcceptedDifference } from "./recordings/accepted.ts";
import { compareAnswers, type Difference } from "./recordings/compare.ts";
import { loadRecordedScenarios, servedExchanges } from "./recordings/recordings.ts";
import { recordedAnswer, replay } from "./recordings/replay.ts";
import { RECORDED_ORG, RECORDED_USER, SETUPS, type Rewrites } from "./recordings/setups.ts";

/**
 * Replays the sessions `@octokit/fixtures` recorded against api.github.com on the sandbox: every
 * recorded request whose route the sandbox serves, from the state the session started in, and
 * compares the answers with GitHub's (status, content type, links, location, body shape).
 */

interface Found extends Difference {
  scenario: string;
  index: number;
  operationId: string;
}

const openApi = sharedOpenApiIndex();
const served = servedExchanges(loadRecordedScenarios(), openApi, allRoutes);
const replayed = served.filter((item) => NOT_REPLAYED[`${item.scenario}#${item.index}`] === undefined);
const scenarios = [...new Set(served.map((item) => item.scenario))];

let sandbox: SandboxGitHub;
let found: Found[] = [];
/** Where the sandbox's JSON answers break GitHub's published description of the operation. */
let invalid: string[] = [];
let replayedCount = 0;

const isAccepted = (difference: Found, accepted: AcceptedDifference): boolean =>
  (accepted.operationId === "*" || accepted.operationId === difference.operationId) &&
  accepted.at === difference.at &&
  accepted.kind === difference.kind;

const describeFound = (d: Found): string =>
  `${d.scenario}#${d.index} ${d.operationId} ${d.at || "(answer)"}: ${d.kind}, GitHub ${d.recorded}, sandbox ${d.sandbox}`;

async function replayScenario(scenario: string, token: string, rewrites: Rewrites): Promise<void> {
  for (const item of replayed.filter((entry) => entry.scenario === scenario)) {
    const answer = await replay(sandbox, token, item.exchange, rewrites);
    replayedCount += 1;
    if (typeof answer.body !== "string") {
      const problems = validateResponse(openApi, item.operationId, answer.status, answer.body);
      invalid.push(
        ...problems.map((problem) => `${item.scenario}#${item.index} ${item.operationId} ${problem.pointer}: ${problem.message}`),
      );
    }
    const differences = compareAnswers(recordedAnswer(item.exchange), answer);
    found.push(...differences.map((difference) => ({ ...difference, scenario, index: item.index, operationId: item.operationId })));
  }
}

beforeAll(async () => {
  sandbox = await SandboxGitHub.start();
  sandbox.store.ensureAccount(RECORDED_ORG, "Organization");
  const token = sandbox.userToken(RECORDED_USER);
  found = [];
  invalid = [];
  replayedCount = 0;
  // The setups are independent (a repository each), so they run at once; the requests then run in recorded order.
  const ready = scenarios.filter((scenario) => SETUPS[scenario] !== undefined);
  const rewrites = await Promise.all(ready.map((scenario) => SETUPS[scenario]?.(sandbox) ?? Promise.resolve({})));
  for (const [position, scenario] of ready.entries()) await replayScenario(scenario, token, rewrites[position] ?? {});
});

afterAll(async () => {
  await sandbox.stop();
});

describe("the sandbox against sessions recorded on github.com", () => {
  it("knows how to set up every recorded scenario with a request the sandbox serves", () => {
    const missing = scenarios.filter((scenario) => SETUPS[scenario] === undefined);

    expect(missing).toEqual([]);
    expect(Object.keys(NOT_REPLAYED).filter((key) => !served.some((item) => `${item.scenario}#${item.index}` === key))).toEqual([]);
  });

  it("replays the recorded requests of the endpoints Foreman relies on", () => {
    const operations = new Set(replayed.map((item) => item.operationId));

    for (const operationId of [
      "issues/create",
      "issues/add-labels",
      "issues/create-label",
      "issues/get-label",
      "issues/list-labels-for-repo",
      "issues/list-for-repo",
      "repos/get",
      "repos/get-content",
      "repos/create-commit-status",
      "repos/get-combined-status-for-ref",
      "git/create-ref",
      "git/update-ref",
      "git/delete-ref",
    ]) {
      expect(operations, operationId).toContain(operationId);
    }
    expect(replayedCount).toBe(replayed.length);
  });

  it("answers each as GitHub did, but for the accepted differences", () => {
    const unexpected = found.filter((difference) => !ACCEPTED_DIFFERENCES.some((accepted) => isAccepted(difference, accepted)));

    expect(unexpected.map(describeFound)).toEqual([]);
  });

  it("keeps no accepted difference that no longer occurs on an operation it replayed", () => {
    // An entry for an operation the sandbox does not serve (yet) waits until it does.
    const operations = new Set(replayed.map((item) => item.operationId));
    const stale = ACCEPTED_DIFFERENCES.filter(
      (accepted) =>
        (accepted.operationId === "*" || operations.has(accepted.operationId)) &&
        !found.some((difference) => isAccepted(difference, accepted)),
    );

    expect(stale.map((accepted) => `${accepted.operationId} ${accepted.at} ${accepted.kind}`)).toEqual([]);
  });

  it("refused none of the replayed requests for not matching GitHub's description, and answered each within it", () => {
    expect(sandbox.requestLog.rejected()).toEqual([]);
    expect(invalid).toEqual([]);
  });
});
