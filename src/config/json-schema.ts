import { z } from "zod";
import { RepoConfigFile } from "./repo-config.ts";

/** Where the schema is committed, relative to the repository's root; `npm run schema:config` writes it. */
export const CONFIG_SCHEMA_PATH = "schema/foreman.schema.json";

/**
 * `.github/foreman.yml` as a JSON Schema (draft 2020-12), from the same zod schema Foreman checks the
 * file with: for editors (through yaml-language-server), not for Foreman, which reports its own
 * problems. Checks that JSON Schema cannot say (a glob that never matches, a shell line's form, keys
 * that conflict) are left to Foreman.
 */
export function repoConfigJsonSchema(): string {
  const schema = z.toJSONSchema(RepoConfigFile, { io: "input", unrepresentable: "any" });
  const described = {
    ...schema,
    title: "Foreman configuration",
    description: "`.github/foreman.yml`: every key is optional. See docs/configuration.md.",
  };
  return `${JSON.stringify(described, null, 2)}\n`;
}
