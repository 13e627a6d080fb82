import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_NAMES } from "../../../src/env.ts";

const EXAMPLE = readFileSync(join(import.meta.dirname, "..", "..", "..", ".env.example"), "utf8");

/** The names `.env.example` shows, set or commented out (`NAME=` or `# NAME=`). */
const namesIn = (text: string): Set<string> => new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] ?? ""));

describe(".env.example", () => {
  it("lists every variable src/env.ts reads", () => {
    const listed = namesIn(EXAMPLE);

    expect(ENV_NAMES.filter((name) => !listed.has(name))).toEqual([]);
  });

  it("lists nothing src/env.ts does not read, apart from the proxy variables Node.js and git read", () => {
    const read = new Set([...ENV_NAMES, "HTTPS_PROXY", "NO_PROXY"]);

    expect([...namesIn(EXAMPLE)].filter((name) => !read.has(name))).toEqual([]);
  });
});
