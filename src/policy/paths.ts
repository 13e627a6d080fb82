import { unsafePathReason } from "../plan/index.ts";
import { codeSpan } from "../render/code-span.ts";
import { matchesAny } from "./glob.ts";

/** Paths no task may write, whatever the configuration says. */
export const BUILTIN_PROTECTED_PATHS: readonly string[] = [
  ".github/workflows/**",
  ".github/actions/**",
  ".github/foreman.yml",
  ".github/foreman.yaml",
  "CODEOWNERS",
  ".github/CODEOWNERS",
  "docs/CODEOWNERS",
  ".git*",
  "**/.git*",
  "**/.git/**",
  "**/.env",
  "**/.env.*",
  "**/*.pem",
  "**/*.key",
  "**/id_rsa*",
  "**/*.p12",
  "**/.npmrc",
];

export type PathRefusal =
  | { kind: "unsafe"; path: string; reason: string }
  | { kind: "protected"; path: string; glob: string }
  | { kind: "outside_task"; path: string };

/** Checks one path a task wants to write against the path policy. */
export function checkWritablePath(
  path: string,
  policy: { taskFiles: readonly string[]; protectedPaths: readonly string[] },
): PathRefusal | null {
  const reason = unsafePathReason(path);
  if (reason) return { kind: "unsafe", path, reason };
  const glob = matchesAny(path, [...BUILTIN_PROTECTED_PATHS, ...policy.protectedPaths]);
  if (glob) return { kind: "protected", path, glob };
  if (!policy.taskFiles.includes(path)) return { kind: "outside_task", path };
  return null;
}

/** The refusal as the coder is told it; the path is one code span, whatever backticks it holds. */
export function describeRefusal(refusal: PathRefusal): string {
  const path = codeSpan(refusal.path);
  switch (refusal.kind) {
    case "unsafe":
      return `${path}: ${refusal.reason}`;
    case "protected":
      return `${path} is protected (matches ${codeSpan(refusal.glob)}); Foreman never writes it, a human must make that change`;
    case "outside_task":
      return `${path} is not one of the task's files`;
  }
}
