import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../../src/env.ts";
import { githubWebUrl } from "../../../src/observe/observability.ts";
import { APP_PRIVATE_KEY } from "../../app-private-key.ts";

const BASE = { APP_ID: "1", PRIVATE_KEY: APP_PRIVATE_KEY, WEBHOOK_SECRET: "secret", FOREMAN_LLM_API_KEY: "sk-test" };

function problems(extra: Record<string, string>): string[] {
  try {
    parseEnv({ ...BASE, ...extra }, () => "");
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("the observability settings", () => {
  it("leave the dashboard off and /metrics open by default", () => {
    const env = parseEnv(BASE, () => "");

    expect(env.FOREMAN_DASHBOARD_TOKEN).toBeUndefined();
    expect(env.FOREMAN_METRICS_TOKEN).toBeUndefined();
  });

  it("refuse a short token or one with spaces, saying how to make a good one", () => {
    expect(problems({ FOREMAN_DASHBOARD_TOKEN: "short", FOREMAN_METRICS_TOKEN: "has spaces in it, long enough" })).toEqual([
      "FOREMAN_DASHBOARD_TOKEN: must be at least 16 characters; make one with `openssl rand -hex 32`",
      "FOREMAN_METRICS_TOKEN: must not contain spaces",
    ]);
  });
});

describe("githubWebUrl", () => {
  it.each([
    [undefined, "https://github.com"],
    ["https://api.github.com", "https://github.com"],
    ["https://github.example.com/api/v3", "https://github.example.com"],
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010"],
  ])("links the API %s to the web at %s", (api, web) => {
    expect(githubWebUrl(api)).toBe(web);
  });
});
