import { driveScenario, loadScenario, type World } from "@foreman/sandbox";
import { describe, expect, it } from "vitest";
import { foremanUnderTest } from "../../demo/foreman-under-test.ts";
import { tourDashboard, type DashboardTour } from "./dashboard-browser.ts";
import { parsePrometheusText, total, type Sample } from "./prometheus-text.ts";
import { CASE_TIMEOUT_MS, explain, scenarioPath } from "./run-case.ts";

const TOKEN = "e2e-dashboard-token-5f0c9a7d21b4";

/** The sandbox logs the git protocol's requests (a clone's fetches) too: they are not API calls, and Octokit makes none of them. */
const GIT_PROTOCOL = new Set(["git/advertise", "git/upload-pack"]);

interface Observed {
  samples: Sample[];
  scriptedCalls: Record<string, number>;
  appWrites: number;
  appCalls: number;
  workflowId: string;
  tour: DashboardTour;
  unauthenticated: number[];
}

function byRole(world: World): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of world.model?.requests() ?? []) counts[request.role ?? "none"] = (counts[request.role ?? "none"] ?? 0) + 1;
  return counts;
}

async function observe(world: World): Promise<Observed> {
  const url = world.appProcess.url;
  const samples = parsePrometheusText(await (await fetch(`${url}/metrics`)).text());
  const appActors = new Set([world.botLogin, world.app.slug]);
  const appEntries = world.github.requestLog
    .all()
    .filter((entry) => entry.actor !== null && appActors.has(entry.actor) && !GIT_PROTOCOL.has(entry.operationId ?? ""));
  const workflowId = `${world.repo.owner.login}/${world.repo.name}#${world.issueNumber}`;
  const unauthenticated = await Promise.all(
    ["/dashboard", "/dashboard/workflows/acme/stats/1"].map(async (path) => (await fetch(`${url}${path}`, { redirect: "manual" })).status),
  );
  return {
    samples,
    scriptedCalls: byRole(world),
    appWrites: appEntries.filter((entry) => entry.write).length,
    appCalls: appEntries.length,
    workflowId,
    tour: await tourDashboard(url, TOKEN, workflowId, process.env.FOREMAN_DASHBOARD_SCREENSHOT),
    unauthenticated,
  };
}

describe("observability of a whole run", () => {
  it(
    "scrapes the run's workflow, model and GitHub series from /metrics, and shows the workflow and its graph on the dashboard",
    async () => {
      const scenario = await loadScenario(scenarioPath("observability-one-task.yml"));

      const run = await driveScenario(scenario, {
        world: { app: foremanUnderTest, appEnv: { FOREMAN_DASHBOARD_TOKEN: TOKEN } },
        observe,
        timeoutMs: CASE_TIMEOUT_MS * 2,
      });

      expect(run.failures, explain(run)).toEqual([]);
      const { samples, scriptedCalls, tour } = run.observed;
      expect(total(samples, "foreman_workflows", { phase: "completed", open: "false" })).toBe(1);
      expect(total(samples, "foreman_workflows", { open: "true" })).toBe(0);
      for (const [role, calls] of Object.entries(scriptedCalls))
        expect(total(samples, "foreman_model_calls_total", { role, outcome: "ok" }), role).toBe(calls);
      expect(total(samples, "foreman_model_calls_total", { outcome: "error" })).toBe(0);
      expect(total(samples, "foreman_model_tokens_total", { role: "planner", kind: "prompt" })).toBe(1500);
      expect(total(samples, "foreman_model_cost_usd_total")).toBeGreaterThan(0);
      expect(total(samples, "foreman_github_writes_total")).toBe(run.observed.appWrites);
      expect(total(samples, "foreman_github_requests_total")).toBe(run.observed.appCalls);
      const writes = samples.filter((sample) => sample.name === "foreman_github_writes_total").map((sample) => sample.labels.endpoint);
      expect(writes).toEqual(
        expect.arrayContaining(["/repos/{owner}/{repo}/issues/{issue_number}/comments", "/graphql:createCommitOnBranch"]),
      );
      expect(writes.every((endpoint) => endpoint !== undefined && !/\/acme\/|\/stats\/|\/\d+(\/|$)/.test(endpoint))).toBe(true);
      expect(total(samples, "foreman_github_rate_limit_remaining", { resource: "core" })).toBeGreaterThan(0);
      expect(total(samples, "foreman_webhook_ack_seconds_count", { status: "200" })).toBeGreaterThan(0);
      expect(total(samples, "foreman_job_queue_depth")).toBe(0);

      expect(run.observed.unauthenticated).toEqual([401, 401]);
      expect(tour.listed).toContain(run.observed.workflowId);
      expect(tour.heading).toContain(run.observed.workflowId);
      expect(tour.graphNodes).toBe(1);
      expect(tour.graphBox.width).toBeGreaterThan(150);
      expect(tour.graphBox.height).toBeGreaterThan(40);
      expect(tour.graphPixels.inked / tour.graphPixels.total).toBeGreaterThan(0.01);
      expect(tour.taskRows).toBe(1);
      expect(tour.prLinks).toEqual(["#2"]);
      expect(tour.heading).toContain('<script>alert("not run")</script>');
      expect(tour.dialogs).toEqual([]);
      // The 401 of the first, signed-out visit is expected; a blocked style or script (a CSP report) is not.
      expect(tour.consoleErrors.filter((text) => !text.startsWith("Failed to load resource"))).toEqual([]);
    },
    CASE_TIMEOUT_MS * 3,
  );
});
