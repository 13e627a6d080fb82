import { describe, expect, it } from "vitest";
import { BUILTIN_PROTECTED_PATHS, checkWritablePath, describeRefusal } from "../../../src/policy/paths.ts";

/** The policy of a task that names exactly this one path, so only protection or safety can refuse it. */
const onlyThis = (path: string, protectedPaths: string[] = []) => ({ taskFiles: [path], protectedPaths });

describe("checkWritablePath", () => {
  it.each([
    ".github/workflows/ci.yml",
    ".github/workflows/nested/deploy.yaml",
    ".github/actions/setup/action.yml",
    ".github/foreman.yml",
    ".github/foreman.yaml",
    "CODEOWNERS",
    ".github/CODEOWNERS",
    "docs/CODEOWNERS",
    ".gitignore",
    ".gitattributes",
    ".gitmodules",
    "packages/web/.gitignore",
    ".git/config",
    "vendor/lib/.git/hooks/pre-commit",
    ".env",
    ".env.production",
    "services/api/.env",
    "certs/server.pem",
    "server.pem",
    "deploy/id_rsa",
    "deploy/id_rsa.pub",
    "secrets/prod.key",
    "store.p12",
    ".npmrc",
    "packages/web/.npmrc",
  ])("refuses the protected path %s even when the task names it", (path) => {
    expect(checkWritablePath(path, onlyThis(path))).toMatchObject({ kind: "protected", path });
  });

  it.each([
    ["../outside.txt", "leaves the repository with .."],
    ["src/../../etc/passwd", "leaves the repository with .."],
    ["/etc/passwd", "is absolute"],
    ["C:/Windows/win.ini", "is absolute"],
    ["src\\evil.ts", "contains a backslash"],
    ["src//a.ts", "has an empty segment"],
    ["./src/a.ts", "has a . segment"],
  ])("refuses the unsafe path %s", (path, reason) => {
    expect(checkWritablePath(path, onlyThis(path))).toEqual({ kind: "unsafe", path, reason });
  });

  it("refuses a path the task does not name", () => {
    expect(checkWritablePath("src/other.ts", { taskFiles: ["src/a.ts"], protectedPaths: [] })).toEqual({
      kind: "outside_task",
      path: "src/other.ts",
    });
  });

  it("allows a path the task names that nothing protects", () => {
    expect(checkWritablePath("src/a.ts", onlyThis("src/a.ts"))).toBeNull();
  });

  it("allows ordinary files that only look like protected ones", () => {
    expect(checkWritablePath(".github/ISSUE_TEMPLATE/bug.md", onlyThis(".github/ISSUE_TEMPLATE/bug.md"))).toBeNull();
    expect(checkWritablePath("src/environment.ts", onlyThis("src/environment.ts"))).toBeNull();
    expect(checkWritablePath("docs/workflows.md", onlyThis("docs/workflows.md"))).toBeNull();
  });

  it("refuses a path matching the repository's own protectedPaths, naming the glob", () => {
    expect(checkWritablePath("infra/main.tf", onlyThis("infra/main.tf", ["infra/**"]))).toEqual({
      kind: "protected",
      path: "infra/main.tf",
      glob: "infra/**",
    });
  });

  it.each([
    ["**/*.{yml,yaml}", "deploy/values.yaml"],
    ["**/*.{yml,yaml}", "a/b.yml"],
    ["config/[ab].json", "config/b.json"],
    ["secrets/[!_]*", "secrets/prod.txt"],
    [".github/**", ".github/ISSUE_TEMPLATE/bug.md"],
    ["src/{api,web}/auth/**", "src/web/auth/session.ts"],
  ])("protects with braces, classes and dot folders: %s refuses %s", (glob, path) => {
    expect(checkWritablePath(path, onlyThis(path, [glob]))).toEqual({ kind: "protected", path, glob });
  });

  it.each([
    ["**/*.{yml,yaml}", "deploy/values.json"],
    ["config/[ab].json", "config/c.json"],
    ["secrets/[!_]*", "secrets/_example.txt"],
    ["Infra/**", "infra/main.tf"],
  ])("lets through what the pattern does not name: %s allows %s", (glob, path) => {
    expect(checkWritablePath(path, onlyThis(path, [glob]))).toBeNull();
  });

  it("checks safety before protection and protection before the task's files", () => {
    expect(checkWritablePath("../.env", { taskFiles: [], protectedPaths: [] })?.kind).toBe("unsafe");
    expect(checkWritablePath(".env", { taskFiles: [], protectedPaths: [] })?.kind).toBe("protected");
  });

  it("always protects the workflows folder", () => {
    expect(BUILTIN_PROTECTED_PATHS).toContain(".github/workflows/**");
  });
});

describe("describeRefusal", () => {
  it("says why in words, with the path", () => {
    expect(describeRefusal({ kind: "protected", path: ".env", glob: "**/.env" })).toBe(
      "`.env` is protected (matches `**/.env`); Foreman never writes it, a human must make that change",
    );
    expect(describeRefusal({ kind: "outside_task", path: "src/b.ts" })).toBe("`src/b.ts` is not one of the task's files");
    expect(describeRefusal({ kind: "unsafe", path: "/etc/passwd", reason: "is absolute" })).toBe("`/etc/passwd`: is absolute");
  });

  it("quotes a path with backticks in one code span that no backtick in it can end", () => {
    expect(describeRefusal({ kind: "outside_task", path: "q`@org/team" })).toBe("``q`@org/team`` is not one of the task's files");
    expect(describeRefusal({ kind: "outside_task", path: "``a`" })).toBe("``` ``a` ``` is not one of the task's files");
  });
});
