import { z } from "zod";
import type { ConfigSource } from "./config-source.ts";

/**
 * `_extends`, as Probot reads it: `repo` (a repository of the same owner), `owner/repo`, either
 * followed by `:path/to/file.yml`; without a path, the same path as the file that extends.
 */
const EXTENDS_FORM = /^(?:(?<owner>[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38})\/)?(?<repo>[\w.-]+)(?::(?<path>[\w./-]+\.ya?ml))?$/;

function hasDotSegment(path: string): boolean {
  return path.split("/").some((segment) => segment === "" || segment === "." || segment === "..");
}

/** The value of `_extends` in a file, checked for its form. */
export const ExtendsValue = z.string().superRefine((value, context) => {
  const path = EXTENDS_FORM.exec(value)?.groups?.path;
  if (!EXTENDS_FORM.test(value) || (path !== undefined && hasDotSegment(path))) {
    context.addIssue({
      code: "custom",
      message: "must name a file to build on: `repo`, `owner/repo`, or either with `:path/to/file.yml`",
    });
  }
});

/** The file `_extends` names, relative to the file that holds it; undefined when the value is not of its form. */
export function extendsTarget(value: string, from: ConfigSource): ConfigSource | undefined {
  if (!ExtendsValue.safeParse(value).success) return undefined;
  const groups = EXTENDS_FORM.exec(value)?.groups;
  if (groups?.repo === undefined) return undefined;
  return { owner: groups.owner ?? from.owner, repo: groups.repo, path: groups.path ?? from.path };
}
