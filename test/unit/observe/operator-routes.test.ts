import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../../src/observe/metrics.ts";
import { operatorRoutes, type ObservabilitySettings } from "../../../src/observe/observability.ts";
import { executing, planOf } from "../engine/engine-fixtures.ts";
import { eventJobFor, freshStore } from "../store/store-fixture.ts";

const TOKEN = "a-dashboard-token-of-some-length";
const HOSTILE = `<img src=x onerror="alert(1)">`;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The operator's routes on a real HTTP server and a real store holding one executing workflow with a hostile title. */
async function serve(settings: ObservabilitySettings): Promise<{ url: string; clock: { now: number } }> {
  const { store, clock } = freshStore();
  const state = { ...executing(planOf({ id: "mean" }, { id: "summary", dependsOn: ["mean"] })).state, issueTitle: HOSTILE };
  store.saveWorkflow(state.id, state, 0, true, [eventJobFor(state.id)]);
  clock.now += 90_000;
  const routes = operatorRoutes(settings, { metrics: createMetrics(), store, log: pino({ level: "silent" }), now: () => clock.now });
  const server = createServer((request, response) => {
    if (!routes(request, response)) response.writeHead(404).end("not ours");
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, clock };
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe("the dashboard", () => {
  it("is off without a token: its paths answer 404", async () => {
    const { url } = await serve({});

    const answers = await Promise.all(
      ["/dashboard", "/dashboard/login", "/dashboard/workflows/acme/stats/1"].map(
        async (path) => (await fetch(`${url}${path}`, bearer(TOKEN))).status,
      ),
    );

    expect(answers).toEqual([404, 404, 404]);
  });

  it("answers 401 without the token, with a wrong one, or with a forged cookie", async () => {
    const { url } = await serve({ FOREMAN_DASHBOARD_TOKEN: TOKEN });

    const none = await fetch(`${url}/dashboard`);
    const wrong = await fetch(`${url}/dashboard`, bearer(`${TOKEN}x`));
    const cookie = await fetch(`${url}/dashboard`, { headers: { cookie: `foreman_dashboard=${TOKEN}` } });

    expect([none.status, wrong.status, cookie.status]).toEqual([401, 401, 401]);
    expect(await none.text()).toContain('<form class="login" method="post" action="/dashboard/login">');
  });

  it("lists workflows for the bearer token, escapes stored text and sends a strict content security policy", async () => {
    const { url } = await serve({ FOREMAN_DASHBOARD_TOKEN: TOKEN });

    const overview = await fetch(`${url}/dashboard`, bearer(TOKEN));
    const body = await overview.text();

    expect(overview.status).toBe(200);
    expect(overview.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(overview.headers.get("content-security-policy")).not.toContain("script-src");
    expect(body).toContain('href="/dashboard/workflows/acme/calculator/7"');
    expect(body).not.toContain(HOSTILE);
    expect(body).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(body).not.toMatch(/<script/i);
  });

  it("signs in through the form with an HttpOnly, SameSite=Strict cookie that opens the workflow page", async () => {
    const { url } = await serve({ FOREMAN_DASHBOARD_TOKEN: TOKEN });
    const form = (token: string) => ({ method: "POST", body: new URLSearchParams({ token }), redirect: "manual" as const });

    const refused = await fetch(`${url}/dashboard/login`, form("not-the-token"));
    const login = await fetch(`${url}/dashboard/login`, form(TOKEN));
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const workflow = await fetch(`${url}/dashboard/workflows/acme/calculator/7`, { headers: { cookie } });
    const page = await workflow.text();

    expect(refused.status).toBe(401);
    expect(login.status).toBe(303);
    expect(login.headers.get("location")).toBe("/dashboard");
    expect(login.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);
    expect(workflow.status).toBe(200);
    expect(page.match(/<g class="node/g)).toHaveLength(2);
    expect(page).toContain('<g class="node tone-running" data-task="mean">');
    expect(page).toContain('<g class="node tone-idle" data-task="summary">');
    expect(page).toContain('<table id="tasks">');
    expect(page).not.toContain(HOSTILE);
  });

  it("takes no writes and answers 404 for a workflow it does not have", async () => {
    const { url } = await serve({ FOREMAN_DASHBOARD_TOKEN: TOKEN });

    const post = await fetch(`${url}/dashboard`, { method: "POST", ...bearer(TOKEN) });
    const missing = await fetch(`${url}/dashboard/workflows/acme/calculator/99`, bearer(TOKEN));
    const malformed = await fetch(`${url}/dashboard/workflows/acme/calculator/%ZZ`, bearer(TOKEN));

    expect([post.status, missing.status, malformed.status]).toEqual([405, 404, 404]);
  });
});

describe("/metrics", () => {
  it("computes the store's gauges when scraped", async () => {
    const { url } = await serve({});

    const text = await (await fetch(`${url}/metrics`)).text();

    expect(text).toContain('foreman_workflows{phase="executing",open="true"} 1');
    expect(text).toContain('foreman_tasks{status="coding"} 1');
    expect(text).toContain('foreman_job_queue_depth{kind="event",state="due"} 1');
    expect(text).toContain('foreman_job_oldest_due_age_seconds{kind="event"} 90');
    expect(text).toContain('foreman_workflow_oldest_change_age_seconds{phase="executing",waiting_on="foreman"} 90');
    expect(text).toContain('foreman_workflows_budget_exhausted{open="true"} 0');
  });

  it("wants the bearer token when FOREMAN_METRICS_TOKEN is set", async () => {
    const { url } = await serve({ FOREMAN_METRICS_TOKEN: TOKEN });

    const without = await fetch(`${url}/metrics`);
    const withToken = await fetch(`${url}/metrics`, bearer(TOKEN));

    expect(without.status).toBe(401);
    expect(withToken.status).toBe(200);
  });
});
