import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_SCHEMA_PATH, repoConfigJsonSchema } from "../../../src/config/json-schema.ts";
import { RepoConfig } from "../../../src/config/repo-config.ts";

const ROOT = join(import.meta.dirname, "../../..");

describe("the JSON Schema of .github/foreman.yml", () => {
  it("is committed as the zod schema generates it (npm run schema:config rewrites it)", () => {
    const committed = readFileSync(join(ROOT, CONFIG_SCHEMA_PATH), "utf8");

    expect(committed, "schema/foreman.schema.json is out of date: run npm run schema:config").toBe(repoConfigJsonSchema());
  });

  it("knows every top-level key and _extends, and no other", () => {
    const schema = JSON.parse(repoConfigJsonSchema()) as { properties: Record<string, unknown>; additionalProperties: boolean };

    expect(Object.keys(schema.properties).sort()).toEqual([...Object.keys(RepoConfig.shape), "_extends"].sort());
    expect(schema.additionalProperties).toBe(false);
  });

  it("gives _extends the form Foreman reads", () => {
    const schema = JSON.parse(repoConfigJsonSchema()) as { properties: { _extends: { pattern: string } } };
    const form = new RegExp(schema.properties._extends.pattern);

    expect(
      [".github", "acme/.github", "acme/shared:configs/foreman.yml", "shared:foreman.yaml"].filter((value) => form.test(value)),
    ).toHaveLength(4);
    expect(["acme/", "a b", "acme/shared:configs/foreman.json", "/shared"].filter((value) => form.test(value))).toEqual([]);
  });
});
