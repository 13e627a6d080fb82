import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Folders never copied from a template. */
const SKIPPED_FOLDERS = new Set([".git", "node_modules"]);

export type TemplateResult = { files: Record<string, string> } | { error: string };

/**
 * Reads every file under `folder` as UTF-8 text, keyed by its path relative to the folder with
 * forward slashes, in sorted order. `.git` and `node_modules` folders are skipped.
 */
export function readTemplateFolder(folder: string): TemplateResult {
  try {
    if (!statSync(folder).isDirectory()) return { error: `not a folder: ${folder}` };
  } catch {
    return { error: `folder not found: ${folder}` };
  }
  const files: Record<string, string> = {};
  try {
    for (const path of listFiles(folder).sort()) {
      files[relative(folder, path).split(sep).join("/")] = readFileSync(path, "utf8");
    }
  } catch (error) {
    return { error: `could not read the template: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { files };
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : listFiles(path);
    return entry.isFile() ? [path] : [];
  });
}
