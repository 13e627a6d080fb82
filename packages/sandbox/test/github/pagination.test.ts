import { describe, expect, it } from "vitest";
import { linkHeader } from "../../src/github/pagination.ts";

const request = new URL("http://127.0.0.1:3000/repositories/1000/issues?per_page=3&page=3");

/** The relation names of a `Link` header, each with the page it points to. */
function relations(header: string | null): Array<[string, string | null]> {
  if (header === null) return [];
  return header.split(", ").map((part) => {
    const [, url = "", rel = ""] = /^<([^>]+)>; rel="([a-z]+)"$/.exec(part) ?? [];
    return [rel, new URL(url).searchParams.get("page")];
  });
}

describe("the Link header of a page", () => {
  it("names prev, next, last and first on a middle page, in GitHub's order", () => {
    const header = linkHeader(request, { page: 3, last: 5 });

    expect(relations(header)).toEqual([
      ["prev", "2"],
      ["next", "4"],
      ["last", "5"],
      ["first", "1"],
    ]);
    expect(header).toContain("<http://127.0.0.1:3000/repositories/1000/issues?per_page=3&page=2>");
  });

  it("names only next and last on the first page", () => {
    expect(relations(linkHeader(new URL("http://127.0.0.1/repos/o/r/issues?per_page=3"), { page: 1, last: 5 }))).toEqual([
      ["next", "2"],
      ["last", "5"],
    ]);
  });

  it("still sends prev and first on the last page", () => {
    expect(relations(linkHeader(request, { page: 5, last: 5 }))).toEqual([
      ["prev", "4"],
      ["first", "1"],
    ]);
  });

  it("sends no header when the listing fits in one page", () => {
    expect(linkHeader(request, { page: 1, last: 1 })).toBeNull();
  });

  it("keeps the request's filters and does not add a per_page it was not given", () => {
    const header = linkHeader(new URL("http://127.0.0.1/repos/o/r/issues?state=open&labels=bug"), { page: 1, last: 2 });

    expect(header).toBe(
      '<http://127.0.0.1/repos/o/r/issues?state=open&labels=bug&page=2>; rel="next", ' +
        '<http://127.0.0.1/repos/o/r/issues?state=open&labels=bug&page=2>; rel="last"',
    );
  });
});
