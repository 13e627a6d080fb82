import { z } from "zod";
import type { ConfigSource } from "./config-source.ts";

/**
 * `_extends`, as Probot reads it: `repo` (a repository of the same owner), `owner/repo`, either
 * followed by `:path/to/file.yml`; without a path, the same path as the file that extends.
 */
const EXTENDS_FORM = /^(?:([A-Za-z0-9](?:-?[A-Za-z0-9]){0,38})\/)?([\w.-]+)(?::([\w./-]+\.ya?ml))?$/;

function hasDotSegment(path: string): boolean {
  return path.split("/").some((segment) => segment === "" || segment === "." || segment === "..");
}

const FORM_MESSAGE = "must name a file to build on: `repo`, `owner/repo`, or either with `:path/to/file.yml`";

/** The value of `_extends` in a file, checked for its form. */
export const ExtendsValue = z
  .string()
  .regex(EXTENDS_FORM, { error: FORM_MESSAGE })
  .refine((value) => !hasDotSegment(EXTENDS_FORM.exec(value)?.[3] ?? "x"), { error: FORM_MESSAGE })
  .meta({
    description:
      "A file whose keys this one builds on, as in Probot: `repo` or `owner/repo` (its .github/foreman.yml), or either with `:path/to/file.yml`. This file's keys win.",
  });

/** The file `_extends` names, relative to the file that holds it; undefined when the value is not of its form. */
export function extendsTarget(value: string, from: ConfigSource): ConfigSource | undefined {
  if (!ExtendsValue.safeParse(value).success) return undefined;
  const [, owner, repo, path] = EXTENDS_FORM.exec(value) ?? [];
  if (repo === undefined) return undefined;
  return { owner: owner ?? from.owner, repo, path: path ?? from.path };
}
