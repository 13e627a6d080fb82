import { afterEach, describe, expect, it } from "vitest";
import { rawMediaType } from "../../src/github/media-types.ts";
import { startHarness, type Harness } from "./harness.ts";

const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x0a]);
const LARGE = "x".repeat(1024 * 1024 + 10);

let h: Harness;

afterEach(async () => {
  await h.stop();
});

/** A repository with a text file, a large file and, committed on top, a binary one. */
async function start(): Promise<void> {
  h = await startHarness({ files: { "README.md": "# calculator\n", "data/large.txt": LARGE } });
  const git = h.repo.git;
  const head = (await git.resolve("main")) ?? "";
  const blob = await git.createBlob(BINARY.toString("base64"), "base64");
  const tree = await git.createTree([{ path: "logo.png", mode: "100644", type: "blob", sha: blob }], (await git.getCommit(head)).tree);
  const author = { name: "Maya", email: "maya@example.com", date: "2024-01-01T00:00:00Z" };
  await git.updateRef("refs/heads/main", await git.createCommit({ message: "Add the logo", tree, parents: [head], author }));
}

async function getContent(path: string, accept: string): Promise<Response> {
  return fetch(`${h.sandbox.url}/repos/acme/calculator/contents/${path}`, {
    headers: { authorization: `token ${h.sandbox.userToken("acme")}`, accept },
  });
}

describe("contents in a raw media type", () => {
  it.each(["application/vnd.github.raw", "application/vnd.github.raw+json", "application/vnd.github.v3.raw"])(
    "answers the file's bytes for %s, with that media type as the content type",
    async (accept) => {
      await start();

      const response = await getContent("README.md", accept);

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(`${accept}; charset=utf-8`);
      expect(response.headers.get("x-github-media-type")).toMatch(/^github\.v3; param=raw/);
      expect(await response.text()).toBe("# calculator\n");
    },
  );

  it("answers a binary file byte for byte", async () => {
    await start();

    const response = await getContent("logo.png", "application/vnd.github.raw");

    expect(Buffer.from(await response.arrayBuffer())).toEqual(BINARY);
  });

  it("answers a file above 1 MB whole, where the JSON answer carries no content", async () => {
    await start();

    const raw = await getContent("data/large.txt", "application/vnd.github.raw");
    const json = (await (await getContent("data/large.txt", "application/vnd.github+json")).json()) as Record<string, unknown>;

    expect(await raw.text()).toBe(LARGE);
    expect(json).toMatchObject({ encoding: "none", content: "", size: LARGE.length });
  });

  it("keeps the JSON listing for a directory, and JSON with base64 without a raw media type", async () => {
    await start();

    const directory = await getContent("data", "application/vnd.github.raw");
    const file = await getContent("README.md", "application/vnd.github+json");

    expect(directory.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await directory.json()) as Array<{ name: string }>).map((entry) => entry.name)).toEqual(["large.txt"]);
    expect(await file.json()).toMatchObject({ encoding: "base64", content: Buffer.from("# calculator\n").toString("base64") + "\n" });
  });

  it("gives Octokit the file's text when asked for format raw", async () => {
    await start();

    const response = await h.octokit.rest.repos.getContent({
      owner: "acme",
      repo: "calculator",
      path: "README.md",
      mediaType: { format: "raw" },
    });

    expect(response.data).toBe("# calculator\n");
  });
});

describe("rawMediaType", () => {
  it("finds a raw type in a list with parameters, and ignores one refused with q=0", () => {
    expect(rawMediaType("application/json, application/vnd.github.raw;q=0.5")?.contentType).toBe("application/vnd.github.raw");
    expect(rawMediaType("application/vnd.github.raw; q=0, application/json")).toBeNull();
    expect(rawMediaType("application/vnd.github.html+json")).toBeNull();
    expect(rawMediaType("")).toBeNull();
  });
});
