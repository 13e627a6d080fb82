import { readFileSync } from "node:fs";
import { z } from "zod";
import { extractOperations } from "./openapi-extract.ts";
import type { OpenApiOperationsFile, OpenApiSource } from "./openapi-types.ts";
import { SANDBOX_OPERATION_IDS } from "./operation-ids.ts";
import { resolvePackageFile } from "./package-files.ts";

const OPENAPI_PACKAGE = "@octokit/openapi";
const DEREF_FILE = "api.github.com.deref.json";

const PackageJson = z.looseObject({ version: z.string() });

/** The installed description's provenance (package version and file name). */
function readOpenApiSource(): OpenApiSource {
  const packageJson = readFileSync(resolvePackageFile(OPENAPI_PACKAGE, "package.json"), "utf8");
  return { package: OPENAPI_PACKAGE, version: PackageJson.parse(JSON.parse(packageJson)).version, file: DEREF_FILE };
}

/** Parses the installed dereferenced description (~70 MB: slow, call once). */
function readOpenApiDescription(): unknown {
  return JSON.parse(readFileSync(resolvePackageFile(OPENAPI_PACKAGE, `generated/${DEREF_FILE}`), "utf8"));
}

/** Runs the extraction for the sandbox's operation list against the installed package. */
export function extractFromInstalledPackage(): OpenApiOperationsFile {
  return extractOperations(readOpenApiDescription(), SANDBOX_OPERATION_IDS, readOpenApiSource());
}
