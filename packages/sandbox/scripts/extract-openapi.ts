/**
 * Writes packages/sandbox/src/github/fidelity/openapi-operations.json from the installed @octokit/openapi
 * package: every route of api.github.com, plus the full detail of the operations listed in
 * packages/sandbox/src/github/fidelity/operation-ids.ts. Run with `npm run openapi:extract`.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serializeOperationsFile } from "../src/github/fidelity/openapi-extract.ts";
import { extractFromInstalledPackage } from "../src/github/fidelity/openapi-source.ts";
import { OPERATIONS_FILE_URL } from "../src/github/fidelity/operations-file.ts";

function main(): void {
  const extracted = extractFromInstalledPackage();
  const text = serializeOperationsFile(extracted);
  writeFileSync(OPERATIONS_FILE_URL, text);
  const kib = (Buffer.byteLength(text) / 1024).toFixed(0);
  console.log(
    `${fileURLToPath(OPERATIONS_FILE_URL)}: ${extracted.routes.length} routes, ` +
      `${Object.keys(extracted.operations).length} operations in detail, ${kib} KiB ` +
      `(${extracted.source.package}@${extracted.source.version})`,
  );
}

main();
