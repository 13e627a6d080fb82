import { describe, expect, it } from "vitest";
import { mergeLayers } from "../../../src/config/merge-layers.ts";

describe("mergeLayers", () => {
  it("merges mappings key by key at every depth, the override winning", () => {
    const base = { label: "org", merge: { method: "merge", closeIssue: false }, checks: { commands: { test: "npm test" } } };
    const override = { merge: { method: "rebase" }, checks: { commands: { lint: "npm run lint" } } };

    expect(mergeLayers(base, override)).toEqual({
      label: "org",
      merge: { method: "rebase", closeIssue: false },
      checks: { commands: { test: "npm test", lint: "npm run lint" } },
    });
  });

  it("replaces lists and values whole, and keeps the base where the override has nothing", () => {
    expect(mergeLayers({ allowBots: ["a", "b"], maxParallelTasks: 2 }, { allowBots: ["c"] })).toEqual({
      allowBots: ["c"],
      maxParallelTasks: 2,
    });
    expect(mergeLayers({ label: "org" }, undefined)).toEqual({ label: "org" });
    expect(mergeLayers({ merge: { method: "merge" } }, { merge: "squash" })).toEqual({ merge: "squash" });
  });

  it("keeps a __proto__ key a plain key, never the prototype", () => {
    const override = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;

    const merged = mergeLayers({ label: "org" }, override) as Record<string, unknown>;

    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.hasOwn(merged, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
