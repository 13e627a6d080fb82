import type { z } from "zod";
import { formatConfigPath } from "./config-problem.ts";
import type { ConfigPath, ConfigProblem } from "./config-problem.ts";
import { conflictingKeys } from "./conflicting-keys.ts";
import { closestKey } from "./did-you-mean.ts";
import { issueMessage, valueAt } from "./problem-messages.ts";
import { RepoConfig, RepoConfigFile } from "./repo-config.ts";
import { allKeyPaths, knownKeysAt } from "./schema-keys.ts";

export type RepoConfigResult = { ok: true; config: RepoConfig } | { ok: false; problems: ConfigProblem[] };

/** A problem with its path as segments, so that YAML can say where it is. */
export type PathedProblem = { path: ConfigPath; message: string };

/** A check beyond the schema on a configuration that read, such as the deployment's own limits (`operator-limits.ts`). */
export type ConfigRule = (config: RepoConfig) => PathedProblem[];

export type RepoConfigValidation = { ok: true; config: RepoConfig } | { ok: false; problems: PathedProblem[] };

/**
 * Reads the repository configuration from plain data. A missing file (`null` or
 * `undefined`) means every default. Reports every problem at once.
 */
export function parseRepoConfig(input: unknown, rules: readonly ConfigRule[] = []): RepoConfigResult {
  const result = validateRepoConfig(input, rules);
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.problems.map((problem): ConfigProblem => ({ path: formatConfigPath(problem.path), message: problem.message })),
  };
}

export function validateRepoConfig(input: unknown, rules: readonly ConfigRule[] = []): RepoConfigValidation {
  const parsed = RepoConfig.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap((issue) => issueProblems(RepoConfig, issue, input)) };
  const problems = [...conflictingKeys(parsed.data), ...rules.flatMap((rule) => rule(parsed.data))];
  return problems.length === 0 ? { ok: true, config: parsed.data } : { ok: false, problems };
}

/**
 * The problems of one file read on its own (`_extends` is known here): keys and values only. What
 * the files read together must also satisfy (keys that conflict) is `validateRepoConfig`'s, on their merge.
 */
export function configFileProblems(input: unknown): PathedProblem[] {
  const parsed = RepoConfigFile.safeParse(input ?? {});
  return parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueProblems(RepoConfigFile, issue, input));
}

function issueProblems(schema: z.ZodType, issue: z.core.$ZodIssue, input: unknown): PathedProblem[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
  if (issue.code !== "unrecognized_keys") return [{ path, message: issueMessage(issue, valueAt(input, path)) }];
  return issue.keys.map((key) => ({ path: [...path, key], message: unknownKeyMessage(schema, path, key) }));
}

function unknownKeyMessage(schema: z.ZodType, parent: ConfigPath, key: string): string {
  const unknown = `unknown key ${JSON.stringify(key)}`;
  const sibling = closestKey(key, knownKeysAt(schema, parent));
  if (sibling !== undefined) return `${unknown}; did you mean ${JSON.stringify(sibling)}?`;
  const elsewhere = allKeyPaths(schema).find((path) => path.length > 0 && closestKey(key, [path.at(-1) ?? ""]) !== undefined);
  if (elsewhere !== undefined) return `${unknown}; did you mean ${JSON.stringify(formatConfigPath(elsewhere))}?`;
  return unknown;
}
