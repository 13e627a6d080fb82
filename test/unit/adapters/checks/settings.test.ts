import { describe, expect, it } from "vitest";
import { setupMayUseNetwork } from "../../../../src/adapters/checks/settings.ts";
import { checksSettings, EnvError, parseEnv } from "../../../../src/env.ts";
import { APP_PRIVATE_KEY } from "../../../app-private-key.ts";

const BASE = {
  APP_ID: "1",
  PRIVATE_KEY: APP_PRIVATE_KEY,
  WEBHOOK_SECRET: "secret",
  FOREMAN_LLM_API_KEY: "sk-test",
  FOREMAN_DB_PATH: "/srv/foreman/foreman.db",
};

function problems(extra: Record<string, string>): string[] {
  try {
    parseEnv({ ...BASE, ...extra }, () => "");
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("local checks settings", () => {
  it("default to the sandbox, a checks folder beside the workspace cache, no network for setup and the documented limits", () => {
    const settings = checksSettings(parseEnv(BASE, () => ""));

    expect(settings).toEqual({
      mode: "sandbox",
      dir: "/srv/foreman/checks",
      toolchains: [],
      passEnv: [],
      setupNetwork: { kind: "none" },
      memoryMb: 2048,
      processes: 256,
      outputKb: 1024,
    });
  });

  it("read every variable", () => {
    const env = parseEnv(
      {
        ...BASE,
        FOREMAN_CHECKS: "unsandboxed",
        FOREMAN_CHECKS_DIR: "/var/checks",
        FOREMAN_CHECKS_TOOLCHAINS: "/opt/jdk-21:/opt/go:",
        FOREMAN_CHECKS_ENV: "GOFLAGS, JAVA_TOOL_OPTIONS",
        FOREMAN_CHECKS_SETUP_NETWORK: "12, 345",
        FOREMAN_CHECKS_MEMORY_MB: "4096",
        FOREMAN_CHECKS_PROCESSES: "512",
        FOREMAN_CHECKS_OUTPUT_KB: "64",
      },
      () => "",
    );

    expect(checksSettings(env)).toEqual({
      mode: "unsandboxed",
      dir: "/var/checks",
      toolchains: ["/opt/jdk-21", "/opt/go"],
      passEnv: ["GOFLAGS", "JAVA_TOOL_OPTIONS"],
      setupNetwork: { kind: "installations", ids: [12, 345] },
      memoryMb: 4096,
      processes: 512,
      outputKb: 64,
    });
    expect(checksSettings(parseEnv({ ...BASE, FOREMAN_CHECKS_SETUP_NETWORK: "all" }, () => "")).setupNetwork).toEqual({ kind: "all" });
    expect(checksSettings(parseEnv({ ...BASE, FOREMAN_WORKSPACE_DIR: "/data/clones" }, () => "")).dir).toBe("/data/checks");
  });

  it("report every bad value at once, by name", () => {
    const found = problems({
      FOREMAN_CHECKS: "maybe",
      FOREMAN_CHECKS_TOOLCHAINS: "/opt/go:relative/jdk",
      FOREMAN_CHECKS_ENV: "GOOD,not-a-name",
      FOREMAN_CHECKS_SETUP_NETWORK: "12,some",
      FOREMAN_CHECKS_MEMORY_MB: "lots",
      FOREMAN_CHECKS_PROCESSES: "2",
    });

    expect(found).toHaveLength(6);
    expect(found.join("\n")).toMatch(/^FOREMAN_CHECKS: /m);
    expect(found.join("\n")).toMatch(/^FOREMAN_CHECKS_TOOLCHAINS\.1: "relative\/jdk" is not an absolute folder$/m);
    expect(found.join("\n")).toMatch(/^FOREMAN_CHECKS_ENV\.1: "not-a-name" is not a variable name$/m);
    expect(found.join("\n")).toMatch(/^FOREMAN_CHECKS_SETUP_NETWORK: must be none, all, or installation ids separated by commas$/m);
    expect(found.join("\n")).toMatch(/^FOREMAN_CHECKS_MEMORY_MB: /m);
    expect(found.join("\n")).toMatch(/^FOREMAN_CHECKS_PROCESSES: /m);
  });

  it("keep the checks folder apart from the workspace cache", () => {
    const problem = "FOREMAN_CHECKS_DIR: must be apart from FOREMAN_WORKSPACE_DIR (neither inside the other)";

    expect(problems({ FOREMAN_WORKSPACE_DIR: "/data/cache", FOREMAN_CHECKS_DIR: "/data/cache/checks" })).toEqual([problem]);
    expect(problems({ FOREMAN_WORKSPACE_DIR: "/data/checks/cache", FOREMAN_CHECKS_DIR: "/data/checks" })).toEqual([problem]);
    expect(problems({ FOREMAN_WORKSPACE_DIR: "/data/cache", FOREMAN_CHECKS_DIR: "/data/cache-checks" })).toEqual([]);
  });

  it("let a setup reach the network only for the installations allowed", () => {
    expect(setupMayUseNetwork({ kind: "none" }, 12)).toBe(false);
    expect(setupMayUseNetwork({ kind: "all" }, 12)).toBe(true);
    expect(setupMayUseNetwork({ kind: "installations", ids: [12] }, 12)).toBe(true);
    expect(setupMayUseNetwork({ kind: "installations", ids: [12] }, 13)).toBe(false);
  });
});
