import { describe, expect, it } from "vitest";
import type { Permission } from "../../../src/engine/types.ts";
import { authorizeSender } from "../../../src/policy/authorize.ts";

const user = (permission: Permission, allowBots: string[] = []) => ({ login: "maya", type: "User", permission, allowBots });

describe("authorizeSender", () => {
  it.each<Permission>(["write", "maintain", "admin"])("allows a user with %s permission", (permission) => {
    expect(authorizeSender(user(permission))).toEqual({ allowed: true });
  });

  it.each<Permission>(["triage", "read", "none"])("refuses a user with %s permission and names it", (permission) => {
    const result = authorizeSender(user(permission));

    expect(result).toEqual({ allowed: false, denial: { kind: "permission", login: "maya", permission } });
  });

  it("refuses an app account with admin permission that is not in allowBots", () => {
    const result = authorizeSender({ login: "renovate[bot]", type: "Bot", permission: "admin", allowBots: [] });

    expect(result).toEqual({ allowed: false, denial: { kind: "app_account", login: "renovate[bot]" } });
  });

  it("refuses a [bot] login even when its type says User", () => {
    expect(authorizeSender({ login: "sneaky[bot]", type: "User", permission: "write", allowBots: [] }).allowed).toBe(false);
  });

  it("allows an app account listed in allowBots that can write", () => {
    expect(authorizeSender({ login: "renovate[bot]", type: "Bot", permission: "write", allowBots: ["renovate[bot]"] })).toEqual({
      allowed: true,
    });
  });

  it("matches allowBots without regard to case, as GitHub logins do", () => {
    expect(authorizeSender({ login: "renovate[bot]", type: "Bot", permission: "write", allowBots: ["Renovate[bot]"] })).toEqual({
      allowed: true,
    });
  });

  it("still requires write permission from an allowed app account", () => {
    const result = authorizeSender({ login: "renovate[bot]", type: "Bot", permission: "read", allowBots: ["renovate[bot]"] });

    expect(result).toEqual({ allowed: false, denial: { kind: "permission", login: "renovate[bot]", permission: "read" } });
  });

  it("does not let another bot in because a different one is allowed", () => {
    expect(authorizeSender({ login: "evil[bot]", type: "Bot", permission: "write", allowBots: ["renovate[bot]"] }).allowed).toBe(false);
  });
});
