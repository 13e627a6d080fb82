import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readTemplateFolder } from "../../src/scenario/template-folder.ts";

describe("readTemplateFolder", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  function folderWith(files: Record<string, string>): string {
    const folder = mkdtempSync(join(tmpdir(), "foreman-template-"));
    folders.push(folder);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(folder, path, ".."), { recursive: true });
      writeFileSync(join(folder, path), content);
    }
    return folder;
  }

  it("reads nested files with forward-slash paths in sorted order", () => {
    const folder = folderWith({ "src/lib/b.ts": "b", "a.md": "a", ".github/workflows/ci.yml": "on: push" });

    const result = readTemplateFolder(folder);

    expect(result).toEqual({ files: { ".github/workflows/ci.yml": "on: push", "a.md": "a", "src/lib/b.ts": "b" } });
    expect(Object.keys("files" in result ? result.files : {})).toEqual([".github/workflows/ci.yml", "a.md", "src/lib/b.ts"]);
  });

  it("skips .git and node_modules folders", () => {
    const folder = folderWith({ "index.ts": "x", ".git/HEAD": "ref: refs/heads/main", "node_modules/dep/index.js": "y" });

    expect(readTemplateFolder(folder)).toEqual({ files: { "index.ts": "x" } });
  });

  it("reports a path that is a file rather than a folder", () => {
    const folder = folderWith({ "only.txt": "x" });

    expect(readTemplateFolder(join(folder, "only.txt"))).toEqual({ error: `not a folder: ${join(folder, "only.txt")}` });
  });
});
