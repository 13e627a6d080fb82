/**
 * Writes `.github/foreman.yml`'s JSON Schema to `schema/foreman.schema.json` (run from the
 * repository's root): `npm run schema:config`. A test fails while the committed file is not current.
 */
import { writeFileSync } from "node:fs";
import { CONFIG_SCHEMA_PATH, repoConfigJsonSchema } from "../config/json-schema.ts";

writeFileSync(CONFIG_SCHEMA_PATH, repoConfigJsonSchema());
console.log(`wrote ${CONFIG_SCHEMA_PATH}`);
