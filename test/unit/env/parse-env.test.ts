import { describe, expect, it } from "vitest";
import { EnvError, lacksAppCredentials, parseEnv } from "../../../src/env.ts";
import { APP_PRIVATE_KEY } from "../../app-private-key.ts";

const BASE = { APP_ID: "7", PRIVATE_KEY: APP_PRIVATE_KEY, WEBHOOK_SECRET: "secret", FOREMAN_LLM_API_KEY: "sk-test" };

const noFile = (path: string): string => {
  throw new Error(`ENOENT: no such file or directory, open '${path}'`);
};

/** The problems `parseEnv` reports for `env`, or [] when it parses. */
function problemsOf(env: NodeJS.ProcessEnv, readFile = noFile): string[] {
  try {
    parseEnv(env, readFile);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("parseEnv", () => {
  it("reports every problem at once: missing credentials, a bad number and a missing model key", () => {
    const problems = problemsOf({ PORT: "eighty" });

    expect(problems.map((problem) => problem.split(":")[0])).toEqual([
      "PORT",
      "APP_ID",
      "WEBHOOK_SECRET",
      "PRIVATE_KEY or PRIVATE_KEY_PATH",
      "FOREMAN_LLM_API_KEY (or OPENAI_API_KEY)",
    ]);
    expect(problems[1]).toMatch(/^APP_ID: is not set: the App's numeric ID/);
  });

  it("names PRIVATE_KEY when it is not a PEM key, and PRIVATE_KEY_PATH when its file cannot be read", () => {
    expect(problemsOf({ ...BASE, PRIVATE_KEY: "ghp_not_a_key" })).toEqual([
      "PRIVATE_KEY: is not a PEM private key (no -----BEGIN RSA PRIVATE KEY----- line); use the .pem file GitHub generated under the App's settings → Private keys",
    ]);
    expect(problemsOf({ ...BASE, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "/keys/app.pem" })).toEqual([
      "PRIVATE_KEY_PATH: cannot read the key file (ENOENT: no such file or directory, open '/keys/app.pem'); point it at the App's .pem file",
    ]);
    expect(problemsOf({ ...BASE, PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----" })[0]).toMatch(
      /^PRIVATE_KEY: is not a readable private key \(/,
    );
  });

  it("takes the key with \\n escapes, as one line of an env file holds it", () => {
    const env = parseEnv({ ...BASE, PRIVATE_KEY: APP_PRIVATE_KEY.replace(/\n/g, "\\n") }, noFile);

    expect(env.privateKey).toBe(APP_PRIVATE_KEY);
  });

  it("reads the key from PRIVATE_KEY_PATH", () => {
    const env = parseEnv({ ...BASE, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "/keys/app.pem" }, () => APP_PRIVATE_KEY);

    expect(env.privateKey).toBe(APP_PRIVATE_KEY);
  });

  it("derives GitHub Enterprise Server's API from GHE_HOST and GHE_PROTOCOL, as Probot does; FOREMAN_GITHUB_API_URL wins", () => {
    expect(parseEnv({ ...BASE, GHE_HOST: "github.example.com" }, noFile).FOREMAN_GITHUB_API_URL).toBe("https://github.example.com/api/v3");
    expect(parseEnv({ ...BASE, GHE_HOST: "ghe.local:8080", GHE_PROTOCOL: "http" }, noFile).FOREMAN_GITHUB_API_URL).toBe(
      "http://ghe.local:8080/api/v3",
    );
    expect(
      parseEnv({ ...BASE, GHE_HOST: "github.example.com", FOREMAN_GITHUB_API_URL: "http://127.0.0.1:9/api" }, noFile)
        .FOREMAN_GITHUB_API_URL,
    ).toBe("http://127.0.0.1:9/api");
    expect(parseEnv(BASE, noFile).FOREMAN_GITHUB_API_URL).toBeUndefined();
  });

  it("refuses a GHE_HOST with a scheme, and an unknown LOG_FORMAT", () => {
    const wrong: Record<string, string> = { GHE_HOST: "https://github.example.com", LOG_FORMAT: "xml" };

    expect(problemsOf({ ...BASE, ...wrong })).toEqual([
      'LOG_FORMAT: Invalid option: expected one of "json"|"pretty"',
      "GHE_HOST: must be a host name (github.example.com), without a scheme or a path",
    ]);
  });
});

describe("lacksAppCredentials", () => {
  it("is true only when none of the App's credentials is set", () => {
    expect(lacksAppCredentials({ PORT: "3000", APP_ID: "" })).toBe(true);
    expect(lacksAppCredentials({ WEBHOOK_SECRET: "s" })).toBe(false);
    expect(lacksAppCredentials({ PRIVATE_KEY_PATH: "/k.pem" })).toBe(false);
  });
});
