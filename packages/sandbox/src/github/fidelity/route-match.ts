import type { RouteEntry } from "./openapi-types.ts";

/**
 * Parameters that may hold slashes when a client does not percent-encode them
 * (`git/ref/heads/feature/x`, `contents/src/a/b.ts`, `compare/main...feature/x`). In the last
 * position of a template they take the rest of the path, but only when no template matches the
 * path segment by segment.
 */
const GREEDY_PARAMETERS = new Set(["path", "ref", "basehead", "branch"]);

type Segment = { readonly literal: string } | { readonly parameter: string };

export type CompiledRoute = {
  readonly route: RouteEntry;
  readonly segments: readonly Segment[];
  readonly greedy: boolean;
};

export type RouteMatch = {
  readonly route: RouteEntry;
  readonly params: Record<string, string>;
};

type Candidate = RouteMatch & { readonly rank: readonly number[] };

function splitPath(path: string): string[] {
  return path.split("/").slice(1);
}

export function compileRoute(route: RouteEntry): CompiledRoute {
  const segments = splitPath(route.path).map((part): Segment => {
    const parameter = /^\{([^}]+)\}$/.exec(part)?.[1];
    return parameter === undefined ? { literal: part } : { parameter };
  });
  const last = segments.at(-1);
  const greedy = last !== undefined && "parameter" in last && GREEDY_PARAMETERS.has(last.parameter);
  return { route, segments, greedy };
}

function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** Matches `parts` against the template; the last greedy parameter may take several parts. */
function tryRoute(compiled: CompiledRoute, parts: readonly string[], greedy: boolean): Candidate | null {
  const { segments } = compiled;
  if (greedy ? !compiled.greedy || parts.length <= segments.length : parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  const rank: number[] = [greedy ? 0 : 1];
  for (const [position, segment] of segments.entries()) {
    const isLast = position === segments.length - 1;
    const raw = isLast && greedy ? parts.slice(position).join("/") : (parts[position] ?? "");
    if ("literal" in segment) {
      if (raw !== segment.literal) return null;
      rank.push(1);
      continue;
    }
    const value = decode(raw);
    if (value === null || (value === "" && !(isLast && compiled.greedy))) return null;
    params[segment.parameter] = value;
    rank.push(0);
  }
  return { route: compiled.route, params, rank };
}

/** Literal segments beat parameters, left to right; a segment-by-segment match beats a greedy one. */
function compareRank(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (b[index] ?? -1) - (a[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

function bestMatch(routes: readonly CompiledRoute[], parts: readonly string[]): RouteMatch | null {
  const candidates: Candidate[] = [];
  for (const compiled of routes) {
    const candidate = tryRoute(compiled, parts, false) ?? tryRoute(compiled, parts, true);
    if (candidate !== null) candidates.push(candidate);
  }
  const [best] = candidates.sort((a, b) => compareRank(a.rank, b.rank));
  return best === undefined ? null : { route: best.route, params: best.params };
}

/**
 * Finds the template for a raw (still percent-encoded) pathname among routes of one method.
 * Parameters are decoded after the split, so `heads%2Ffeature` stays one segment.
 */
export function findRoute(routes: readonly CompiledRoute[], pathname: string): RouteMatch | null {
  const path = pathname.split("?")[0] ?? "";
  if (!path.startsWith("/")) return null;
  const match = bestMatch(routes, splitPath(path));
  if (match !== null || path.length <= 1 || !path.endsWith("/")) return match;
  return bestMatch(routes, splitPath(path.slice(0, -1)));
}
