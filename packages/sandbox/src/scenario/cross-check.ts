import { APP_AUTHOR } from "./count-expectations.ts";
import { asArray, asString, dig } from "./raw.ts";
import type { ProblemPath, ScenarioProblem } from "./scenario-error.ts";
import { plannedTaskIds, taskReferences } from "./task-references.ts";

/**
 * Checks that need more than one part of the scenario: names that must be declared and ids that
 * must be unique. They read the raw YAML data, so they report even when the schema found problems.
 */
export function crossCheck(rawScenario: unknown): ScenarioProblem[] {
  return [
    ...duplicates(rawScenario, ["actors"], "login", "login"),
    ...duplicates(rawScenario, ["repository", "ci"], "name", "job name"),
    ...duplicates(rawScenario, ["model", "answers"], "id", "answer id"),
    ...unknownActors(rawScenario),
    ...unknownTasks(rawScenario),
    ...pullRequestCount(rawScenario),
    ...ambiguousAppAuthor(rawScenario),
  ];
}

function duplicates(raw: unknown, listPath: string[], key: string, what: string): ScenarioProblem[] {
  const seen = new Set<string>();
  const problems: ScenarioProblem[] = [];
  asArray(dig(raw, ...listPath)).forEach((item, index) => {
    const value = asString(dig(item, key));
    if (value === undefined) return;
    if (seen.has(value)) problems.push({ path: [...listPath, index, key], message: `duplicate ${what} "${value}"` });
    seen.add(value);
  });
  return problems;
}

function unknownActors(raw: unknown): ScenarioProblem[] {
  const logins = new Set(asArray(dig(raw, "actors")).flatMap((actor) => asString(dig(actor, "login")) ?? []));
  if (logins.size === 0) return [];
  const check = (path: ProblemPath, value: unknown): ScenarioProblem[] => {
    const login = asString(value);
    if (login === undefined || logins.has(login)) return [];
    return [{ path, message: `unknown actor "${login}" (declare it under actors: ${[...logins].join(", ")})` }];
  };
  return [
    ...check(["issue", "author"], dig(raw, "issue", "author")),
    ...asArray(dig(raw, "steps")).flatMap((step, index) => check(["steps", index, "as"], dig(step, "as"))),
  ];
}

function unknownTasks(raw: unknown): ScenarioProblem[] {
  const planned = plannedTaskIds(raw);
  if (planned.size === 0) return [];
  const known = [...planned].join(", ");
  return taskReferences(raw)
    .filter((reference) => !planned.has(reference.id))
    .map((reference) => ({
      path: reference.path,
      message: `unknown task id "${reference.id}" (the planner's answers declare: ${known})`,
    }));
}

function pullRequestCount(raw: unknown): ScenarioProblem[] {
  const count = dig(raw, "expect", "pullRequests", "count");
  if (typeof count !== "number") return [];
  const listed = ["merged", "open", "closed"].reduce(
    (total, state) => total + asArray(dig(raw, "expect", "pullRequests", state)).length,
    0,
  );
  if (listed <= count) return [];
  return [
    {
      path: ["expect", "pullRequests", "count"],
      message: `is ${count}, but merged, open and closed list ${listed} pull requests`,
    },
  ];
}

/** `author: app` names the app under test in comment counts, so no actor may be called app there. */
function ambiguousAppAuthor(raw: unknown): ScenarioProblem[] {
  const actorIsApp = asArray(dig(raw, "actors")).some((actor) => asString(dig(actor, "login"))?.toLowerCase() === APP_AUTHOR);
  if (!actorIsApp) return [];
  return asArray(dig(raw, "expect", "comments")).flatMap((count, index) =>
    asString(dig(count, "author"))?.toLowerCase() === APP_AUTHOR
      ? [
          {
            path: ["expect", "comments", index, "author"],
            message: `"${APP_AUTHOR}" means the app under test here, but an actor is also called ${APP_AUTHOR}`,
          },
        ]
      : [],
  );
}
