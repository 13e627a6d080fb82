import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

class PackageFileNotFoundError extends Error {
  override readonly name = "PackageFileNotFoundError";
}

/**
 * Absolute path of a file inside an installed package, found through Node's module search
 * paths. Works for packages whose `exports` hide their data files (e.g. `schema.graphql`).
 */
export function resolvePackageFile(packageName: string, relativeFile: string): string {
  const require = createRequire(import.meta.url);
  const searchPaths = require.resolve.paths(packageName) ?? [];
  for (const nodeModules of searchPaths) {
    const candidate = join(nodeModules, packageName, relativeFile);
    if (existsSync(candidate)) return candidate;
  }
  throw new PackageFileNotFoundError(`${packageName}/${relativeFile} was not found; install the dev dependencies (npm ci) and try again`);
}
