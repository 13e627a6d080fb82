import { describe, expect, it } from "vitest";
import { parseRawDiff, splitPatch, toFileChanges } from "../../src/github/git/diff-parse.ts";
import { GitInvalidInputError } from "../../src/github/git/errors.ts";
import { parseSignature, toGitDate } from "../../src/github/git/identity.ts";

const NOW = new Date("2024-01-01T00:00:00Z");

describe("identity dates", () => {
  it("keeps the offset written in the ISO date", () => {
    expect(toGitDate("2024-01-02T03:04:05Z", NOW)).toBe("1704164645 +0000");
    expect(toGitDate("2024-01-02T05:04:05+02:00", NOW)).toBe("1704164645 +0200");
    expect(toGitDate("2024-01-02T03:04:05", NOW)).toBe("1704164645 +0000");
    expect(toGitDate(undefined, NOW)).toBe("1704067200 +0000");
  });

  it("refuses dates that are not ISO 8601", () => {
    expect(() => toGitDate("yesterday", NOW)).toThrow(GitInvalidInputError);
    expect(() => toGitDate("2024-13-45T99:00:00Z", NOW)).toThrow(GitInvalidInputError);
  });

  it("renders commit signatures in UTC like GitHub", () => {
    expect(parseSignature("Ada <ada@example.com> 1704164645 +0200")).toEqual({
      name: "Ada",
      email: "ada@example.com",
      date: "2024-01-02T03:04:05Z",
    });
  });
});

describe("diff parsing", () => {
  it("pairs raw records with patch sections, taking two sections for a type change", () => {
    const zero = "0".repeat(40);
    const raw = [
      `:100644 120000 ${"a".repeat(40)} ${"b".repeat(40)} T`,
      "link",
      `:000000 100644 ${zero} ${"c".repeat(40)} A`,
      "new.txt",
      "",
    ].join("\0");
    const patch = [
      "diff --git a/link b/link",
      "deleted file mode 100644",
      "--- a/link",
      "+++ /dev/null",
      "@@ -1 +0,0 @@",
      "-target",
      "diff --git a/link b/link",
      "new file mode 120000",
      "--- /dev/null",
      "+++ b/link",
      "@@ -0,0 +1 @@",
      "+target",
      "\\ No newline at end of file",
      "diff --git a/new.txt b/new.txt",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/new.txt",
      "@@ -0,0 +1 @@",
      "+---not a header",
      "",
    ].join("\n");

    const files = toFileChanges(parseRawDiff(raw), splitPatch(patch));

    expect(files).toEqual([
      {
        filename: "link",
        status: "changed",
        additions: 1,
        deletions: 1,
        changes: 2,
        sha: "b".repeat(40),
        patch: "@@ -1 +0,0 @@\n-target\n@@ -0,0 +1 @@\n+target\n\\ No newline at end of file",
      },
      {
        filename: "new.txt",
        status: "added",
        additions: 1,
        deletions: 0,
        changes: 1,
        sha: "c".repeat(40),
        patch: "@@ -0,0 +1 @@\n+---not a header",
      },
    ]);
  });
});
