import { formatConfigPath } from "./config-problem.ts";
import type { ConfigPath, ConfigProblem } from "./config-problem.ts";
import { sourceName, type ConfigSource } from "./config-source.ts";
import { extendsTarget } from "./extends-target.ts";
import { mergeLayers } from "./merge-layers.ts";
import { configFileProblems, validateRepoConfig } from "./parse-repo-config.ts";
import type { ConfigRule, PathedProblem } from "./parse-repo-config.ts";
import { RepoConfig } from "./repo-config.ts";
import { readYamlText, type YamlText } from "./yaml-locations.ts";

/** One configuration file as read: where it came from, its data, and what is wrong with it on its own. */
export interface ConfigLayer {
  source: ConfigSource;
  /** The repository's own file (problems there point at its lines in the repository). */
  own: boolean;
  data: unknown;
  problems: ConfigProblem[];
  /** The file its `_extends` names; undefined when it has none (or one of the wrong form, which is among its problems). */
  extends: ConfigSource | undefined;
  yaml: YamlText;
}

/** Why the files could not all be read: an `_extends` target is missing, is already read, or the chain is too long. */
export type UnreadExtends = { reason: "missing" | "cycle" | "too_many"; target: ConfigSource };

export type ComposedConfig =
  { ok: true; config: RepoConfig; sources: ConfigSource[] } | { ok: false; problems: ConfigProblem[]; label: string };

/** The most files one configuration may be read from, the repository's own included. */
export const MAX_CONFIG_FILES = 5;

function located(layer: ConfigLayer, problem: PathedProblem): ConfigProblem {
  return {
    path: formatConfigPath(problem.path),
    message: problem.message,
    ...layer.yaml.locate(problem.path),
    ...(layer.own ? {} : { file: sourceName(layer.source) }),
  };
}

/** Reads one file's text: syntax problems, or its data checked on its own. */
export function readConfigLayer(source: ConfigSource, own: boolean, text: string): ConfigLayer {
  const yaml = readYamlText(text);
  const file = own ? {} : { file: sourceName(source) };
  if (yaml.syntaxProblems.length > 0) {
    const problems = yaml.syntaxProblems.map(({ line, column, message }): ConfigProblem => ({
      path: "",
      message: `YAML syntax error at line ${line}, column ${column}: ${message}`,
      line,
      column,
      ...file,
    }));
    return { source, own, data: undefined, problems, extends: undefined, yaml };
  }
  const layer: ConfigLayer = { source, own, data: yaml.data, problems: [], extends: undefined, yaml };
  layer.problems = configFileProblems(yaml.data)
    .map((problem) => located(layer, problem))
    .sort((first, second) => (first.line ?? 0) - (second.line ?? 0));
  const value = extendsValue(yaml.data);
  layer.extends = value === undefined ? undefined : extendsTarget(value, source);
  return layer;
}

function extendsValue(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || !("_extends" in data)) return undefined;
  return typeof data._extends === "string" ? data._extends : undefined;
}

const UNREAD_MESSAGES: Readonly<Record<UnreadExtends["reason"], (target: string) => string>> = {
  missing: (target) =>
    `names ${target}, which Foreman cannot read: the file or repository does not exist, or the app is not installed on that repository`,
  cycle: (target) => `names ${target}, which is already read: the files extend each other in a circle; remove one _extends`,
  too_many: () => `goes past ${MAX_CONFIG_FILES} files of configuration extending one another; extend fewer files`,
};

function unreadProblem(layers: readonly ConfigLayer[], unread: UnreadExtends): ConfigProblem[] {
  const last = layers.at(-1);
  if (last === undefined) return [];
  return [located(last, { path: ["_extends"], message: UNREAD_MESSAGES[unread.reason](sourceName(unread.target)) })];
}

/** The label the files most likely meant, so that other labels do not trigger the problems' report. */
function intendedLabel(layers: readonly ConfigLayer[]): string {
  for (const layer of layers) {
    const data = layer.data;
    if (typeof data === "object" && data !== null && "label" in data && typeof data.label === "string") return data.label;
  }
  return RepoConfig.parse({}).label;
}

/** Without `_extends`, which names a file rather than setting anything. */
function settings(data: unknown): unknown {
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => key !== "_extends"));
}

/** A problem of the merged keys, shown in the most specific file that sets the key. */
function locateMerged(layers: readonly ConfigLayer[], problem: PathedProblem): ConfigProblem {
  const holder = layers.find((layer) => hasPath(layer.data, problem.path)) ?? layers[0];
  return holder ? located(holder, problem) : { path: formatConfigPath(problem.path), message: problem.message };
}

function hasPath(data: unknown, path: ConfigPath): boolean {
  let current = data;
  for (const segment of path) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, segment)) return false;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return true;
}

/**
 * The configuration the files make together, the most specific first (the repository's own file,
 * then what it extends). Each file must be valid on its own; then their keys are merged, the more
 * specific file winning, and the merge is checked as one configuration.
 */
export function composeConfig(
  layers: readonly ConfigLayer[],
  unread: UnreadExtends | null = null,
  rules: readonly ConfigRule[] = [],
): ComposedConfig {
  const problems = [...layers.flatMap((layer) => layer.problems), ...(unread ? unreadProblem(layers, unread) : [])];
  if (problems.length > 0) return { ok: false, problems, label: intendedLabel(layers) };
  const merged = layers.reduceRight<unknown>((base, layer) => mergeLayers(base, settings(layer.data)), undefined);
  const result = validateRepoConfig(merged, rules);
  if (!result.ok)
    return { ok: false, problems: result.problems.map((problem) => locateMerged(layers, problem)), label: intendedLabel(layers) };
  return { ok: true, config: result.config, sources: layers.map((layer) => layer.source) };
}
