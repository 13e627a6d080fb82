import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as render from "../../../src/render/index.ts";

const SRC = join(import.meta.dirname, "../../../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const outsideRender = sourceFiles(SRC)
  .map((path) => ({ path: relative(SRC, path), text: readFileSync(path, "utf8") }))
  .filter((file) => !file.path.startsWith("render/"));

describe("who may produce SafeMarkdown", () => {
  it("reads every product source file outside src/render", () => {
    expect(outsideRender.map((file) => file.path)).toEqual(
      expect.arrayContaining(["worker/effect-runner.ts", "engine/decide-qa.ts", "ports/github.ts"]),
    );
  });

  it("has no cast to SafeMarkdown or SafePlainText outside src/render", () => {
    const casts = outsideRender.filter((file) => /\bas\s+Safe(?:Markdown|PlainText)\b/.test(file.text)).map((file) => file.path);

    expect(casts).toEqual([]);
  });

  it("imports the neutraliser's module outside src/render for its types only", () => {
    const valueImports = outsideRender
      .filter((file) => /^import\s+(?!type\b)[^;]*from\s+"[./]*render\/neutralize-markdown\.ts"/m.test(file.text))
      .map((file) => file.path);

    expect(valueImports).toEqual([]);
  });

  it("does not hand the tags that write markdown from code to anyone outside src/render", () => {
    const exported = Object.keys(render);

    expect(exported).toContain("neutralizeMarkdown");
    expect(exported.filter((name) => ["markdown", "plainText", "joinMarkdown", "hiddenMarker", "codeBlock"].includes(name))).toEqual([]);
  });
});
