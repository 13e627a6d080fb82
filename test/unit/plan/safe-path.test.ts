import { describe, expect, it } from "vitest";
import { unsafePathReason } from "../../../src/plan/safe-path.ts";

describe("unsafePathReason", () => {
  it.each(["README.md", "src/a/b.ts", ".github/workflows/ci.yml", "a..b/c"])("accepts %j", (path) => {
    expect(unsafePathReason(path)).toBeUndefined();
  });

  it.each([
    ["", "is empty"],
    ["/etc/passwd", "is absolute"],
    ["C:/x", "is absolute"],
    ["src\\a.ts", "contains a backslash"],
    ["../outside", "leaves the repository with .."],
    ["src/../../x", "leaves the repository with .."],
    ["src//a.ts", "has an empty segment"],
    ["src/", "has an empty segment"],
    ["./src/a.ts", "has a . segment"],
    ["src/a\n.ts", "contains a control character"],
  ])("rejects %j because it %s", (path, reason) => {
    expect(unsafePathReason(path)).toBe(reason);
  });
});
