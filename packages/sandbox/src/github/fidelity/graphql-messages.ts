/**
 * graphql-js words its errors differently from GitHub's GraphQL server. The common ones are
 * rewritten to GitHub's wording; anything else keeps graphql-js' text, which says the same.
 */
const REWRITES: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/^Cannot query field "(\w+)" on type "(\w+)"\./, (field, type) => `Field '${field}' doesn't exist on type '${type}'`],
  [/^Unknown argument "(\w+)" on field "(?:\w+\.)?(\w+)"\./, (argument, field) => `Field '${field}' doesn't accept argument '${argument}'`],
  [
    /^Field "(?:\w+\.)?(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./,
    (field, argument) => `Field '${field}' is missing required arguments: ${argument}`,
  ],
  [
    /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields\./,
    (field, type) =>
      `Field must have selections (field '${field}' returns ${type.replace(/[[\]!]/g, "")} but has no selections. Did you mean '${field} { ... }'?)`,
  ],
  [/^Unknown type "(\w+)"\./, (type) => `No such type ${type}, so it can't be a fragment condition`],
  [
    /^Variable "\$(\w+)" of required type "([^"]+)" was not provided\./,
    (name, type) => `Variable $${name} of type ${type} was provided invalid value`,
  ],
  [/^Syntax Error: (.*)$/, (detail) => `Parse error: ${detail}`],
];

export function toGitHubGraphqlMessage(message: string): string {
  for (const [pattern, rewrite] of REWRITES) {
    const match = pattern.exec(message);
    if (match !== null) return rewrite(...match.slice(1).map((group) => group ?? ""));
  }
  return message;
}
