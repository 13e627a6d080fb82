import { GraphqlResponseError } from "@octokit/graphql";
import { RequestError } from "@octokit/request-error";
import { describe, expect, it } from "vitest";
import { classifyGitHubError } from "../../../src/adapters/github/classify-error.ts";
import { GitHubCallError, GitHubRateLimitError } from "../../../src/ports/errors.ts";
import { retryPlan } from "../../../src/worker/worker.ts";

const NOW = Date.parse("2026-03-02T10:00:00Z");
const NOW_SECONDS = NOW / 1000;
const MERGE_URL = "https://api.github.com/repos/acme/stats/pulls/7/merge";
const SECONDARY_DOCS =
  "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";
const PRIMARY_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits";

/** The headers GitHub sends with every REST answer; `remaining` above 0 says the primary limit is not spent. */
function githubHeaders(remaining: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "content-type": "application/json; charset=utf-8",
    "x-github-media-type": "github.v3; format=json",
    "x-github-request-id": "C0DE:1F2E:3D4C:5B6A:65E2F1A0",
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-reset": String(NOW_SECONDS + 1800),
    "x-ratelimit-resource": "core",
    "x-ratelimit-used": String(5000 - remaining),
    ...extra,
  };
}

/** A failed answer as @octokit/request throws it: the body's message and documentation link make the error's message. */
function httpError(
  status: number,
  headers: Record<string, string>,
  data: { message: string; documentation_url: string },
  method = "PUT",
  url = MERGE_URL,
): RequestError {
  return new RequestError(`${data.message} - ${data.documentation_url}`, status, {
    request: { method: method as "PUT", url, headers: { authorization: "token [REDACTED]" } },
    response: { status, url, headers, data },
  });
}

const secondaryBody = {
  message:
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID C0DE:1F2E:3D4C:5B6A:65E2F1A0.",
  documentation_url: SECONDARY_DOCS,
};

function classified(error: unknown): GitHubCallError {
  const result = classifyGitHubError(error, NOW);
  if (!(result instanceof GitHubCallError)) throw new Error(`expected a GitHubCallError, got ${String(result)}`);
  return result;
}

describe("classifyGitHubError: rate limits", () => {
  it("classifies a secondary rate limit without retry-after as retryable after a minute, not as forbidden", () => {
    const original = httpError(403, githubHeaders(4987), secondaryBody);

    const error = classified(original);

    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect(error).toMatchObject({
      status: 403,
      kind: "rate_limited",
      retryable: true,
      retryAfterMs: 60_000,
      limit: "secondary",
      waitNamed: false,
    });
    expect(error.cause).toBe(original);
  });

  it("has the worker wait at least a minute for it, longer each time it comes back, without counting an attempt", () => {
    const error = classified(httpError(403, githubHeaders(4987), secondaryBody));

    expect([0, 1, 2].map((waits) => retryPlan(error, 1, waits, () => 0.5))).toEqual([
      { delayMs: 60_000, wait: true },
      { delayMs: 120_000, wait: true },
      { delayMs: 240_000, wait: true },
    ]);
  });

  it("waits as long as retry-after says on a secondary rate limit", () => {
    const error = classified(httpError(403, githubHeaders(4987, { "retry-after": "42" }), secondaryBody));

    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 42_000, limit: "secondary", waitNamed: true });
    expect(retryPlan(error, 1, 3, () => 0.5)).toEqual({ delayMs: 42_000, wait: true });
  });

  it("recognises the content-creation variant of the secondary limit", () => {
    const body = {
      message:
        "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later. If you reach out to GitHub Support for help, please include the request ID C0DE:1F2E.",
      documentation_url: SECONDARY_DOCS,
    };

    expect(
      classified(httpError(403, githubHeaders(4900), body, "POST", "https://api.github.com/repos/acme/stats/issues/1/comments")),
    ).toMatchObject({ kind: "rate_limited", limit: "secondary" });
  });

  it("recognises the older abuse-detection answer by its documentation link", () => {
    const body = {
      message: "You have triggered an abuse detection mechanism. Please wait a few minutes before you try again.",
      documentation_url: "https://developer.github.com/v3/#abuse-rate-limits",
    };

    expect(classified(httpError(403, githubHeaders(4900), body))).toMatchObject({
      kind: "rate_limited",
      limit: "secondary",
      retryAfterMs: 60_000,
    });
  });

  it("treats a 429 as a rate limit even when its body says nothing more", () => {
    const error = classified(
      httpError(429, githubHeaders(4900), { message: "Too Many Requests", documentation_url: "https://docs.github.com/rest" }),
    );

    expect(error).toMatchObject({ status: 429, kind: "rate_limited", retryable: true, retryAfterMs: 60_000 });
  });

  it("waits for the reset, and a second more, when the primary limit is spent", () => {
    const headers = githubHeaders(0, { "x-ratelimit-reset": String(NOW_SECONDS + 600) });
    const error = classified(
      httpError(403, headers, { message: "API rate limit exceeded for installation ID 12345678.", documentation_url: PRIMARY_DOCS }),
    );

    expect(error).toMatchObject({ status: 403, kind: "rate_limited", limit: "primary", retryAfterMs: 601_000, waitNamed: true });
    expect(retryPlan(error, 1, 0, () => 0.5)).toEqual({ delayMs: 601_000, wait: true });
  });

  it("prefers retry-after to the reset when GitHub sends both", () => {
    const headers = githubHeaders(0, { "retry-after": "30", "x-ratelimit-reset": String(NOW_SECONDS + 600) });

    expect(
      classified(
        httpError(429, headers, { message: "API rate limit exceeded for installation ID 12345678.", documentation_url: PRIMARY_DOCS }),
      ),
    ).toMatchObject({ retryAfterMs: 30_000, limit: "primary" });
  });

  it("waits a second at least for a reset already past", () => {
    const headers = githubHeaders(0, { "x-ratelimit-reset": String(NOW_SECONDS - 5) });

    expect(
      classified(httpError(403, headers, { message: "API rate limit exceeded for installation ID 1.", documentation_url: PRIMARY_DOCS })),
    ).toMatchObject({ retryAfterMs: 1_000 });
  });

  it("classifies GraphQL's RATE_LIMITED as a primary limit that waits for the reset", () => {
    const headers = {
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(NOW_SECONDS + 120),
      "x-ratelimit-resource": "graphql",
    };
    const original = new GraphqlResponseError({ method: "POST", url: "/graphql", query: "query { viewer { login } }" }, headers, {
      data: null,
      errors: [
        {
          type: "RATE_LIMITED",
          message: "API rate limit exceeded for installation ID 12345678.",
          path: ["viewer"],
          extensions: {},
          locations: [{ line: 1, column: 9 }],
        },
      ],
    });

    const error = classified(original);

    expect(error).toMatchObject({ kind: "rate_limited", limit: "primary", retryAfterMs: 121_000, retryable: true });
    expect(error.cause).toBe(original);
  });
});

describe("classifyGitHubError: refusals and failures", () => {
  it("keeps a 403 that is no rate limit a refusal, not retried", () => {
    const error = classified(
      httpError(403, githubHeaders(4999), {
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest/pulls/pulls#merge-a-pull-request",
      }),
    );

    expect(error).not.toBeInstanceOf(GitHubRateLimitError);
    expect(error).toMatchObject({ kind: "forbidden", retryable: false, retryAfterMs: null });
    expect(retryPlan(error, 1)).toBeNull();
  });

  it("keeps a merge GitHub refuses (405) a refusal", () => {
    const error = classified(
      httpError(405, githubHeaders(4999), {
        message: "Pull Request is not mergeable",
        documentation_url: "https://docs.github.com/rest/pulls/pulls#merge-a-pull-request",
      }),
    );

    expect(error).toMatchObject({ status: 405, kind: "other", retryable: false });
  });

  it.each([
    [404, "not_found", false],
    [410, "gone", false],
    [409, "conflict", false],
    [422, "validation", false],
    [502, "server", true],
  ] as const)("classifies %i as %s", (status, kind, retryable) => {
    const original = httpError(
      status,
      githubHeaders(4999),
      { message: "Not Found", documentation_url: "https://docs.github.com/rest" },
      "GET",
      "https://api.github.com/repos/acme/stats/issues/1",
    );

    const error = classified(original);

    expect(error).toMatchObject({ status, kind, retryable });
    expect(error.message).toContain("GET https://api.github.com/repos/acme/stats/issues/1");
    expect(error.cause).toBe(original);
  });

  it("leaves errors that are not GitHub's as they are", () => {
    const failure = new TypeError("not GitHub");

    expect(classifyGitHubError(failure, NOW)).toBe(failure);
  });
});
