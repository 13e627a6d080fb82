import { describe, expect, it } from "vitest";
import { gitBaseUrl, remoteUrl } from "../../../../src/adapters/workspace/remote-url.ts";
import { workspaceDir } from "../../../../src/env.ts";

describe("where git clones from", () => {
  it("is github.com by default and for GitHub's public API", () => {
    expect(gitBaseUrl(undefined)).toBe("https://github.com");
    expect(gitBaseUrl("https://api.github.com")).toBe("https://github.com");
    expect(gitBaseUrl("https://api.github.com/")).toBe("https://github.com");
  });

  it("is the Enterprise host itself, without /api/v3, and the GHE.com name without api.", () => {
    expect(gitBaseUrl("https://github.example.com/api/v3")).toBe("https://github.example.com");
    expect(gitBaseUrl("https://github.example.com/api/v3/")).toBe("https://github.example.com");
    expect(gitBaseUrl("https://api.octocorp.ghe.com")).toBe("https://octocorp.ghe.com");
  });

  it("is the API's own address for a local sandbox", () => {
    expect(gitBaseUrl("http://127.0.0.1:4567")).toBe("http://127.0.0.1:4567");
  });

  it("names the repository without credentials", () => {
    expect(remoteUrl("https://github.com", "acme", "calculator")).toBe("https://github.com/acme/calculator.git");
  });
});

describe("the workspace folder", () => {
  it("is the setting, else workspaces beside the database", () => {
    expect(workspaceDir({ FOREMAN_WORKSPACE_DIR: "/var/cache/foreman", FOREMAN_DB_PATH: "/data/foreman.db" })).toBe("/var/cache/foreman");
    expect(workspaceDir({ FOREMAN_WORKSPACE_DIR: undefined, FOREMAN_DB_PATH: "/data/foreman.db" })).toBe("/data/workspaces");
    expect(workspaceDir({ FOREMAN_WORKSPACE_DIR: undefined, FOREMAN_DB_PATH: ":memory:" })).toMatch(/foreman-workspaces$/);
  });
});
