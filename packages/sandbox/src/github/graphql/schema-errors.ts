import type { ASTNode } from "graphql";
import { Kind, parse, visit } from "graphql";
import type { GraphqlLocation, GraphqlProblem } from "../fidelity/graphql.ts";

/** One entry of a GraphQL response's `errors`, in GitHub's shape. */
export interface GraphqlErrorJson {
  type?: string;
  message: string;
  locations?: readonly GraphqlLocation[];
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

type Extensions = (...groups: string[]) => Record<string, unknown>;

/** The `extensions` GitHub puts on schema errors, recognized from their (GitHub-worded) message. */
const EXTENSIONS: ReadonlyArray<readonly [RegExp, Extensions]> = [
  [/^Field '(\w+)' doesn't exist on type '(\w+)'$/, (fieldName, typeName) => ({ code: "undefinedField", typeName, fieldName })],
  [
    /^Field '(\w+)' doesn't accept argument '(\w+)'$/,
    (name, argumentName) => ({ code: "argumentNotAccepted", name, typeName: "Field", argumentName }),
  ],
  [
    /^Field '(\w+)' is missing required arguments: (.+)$/,
    (name, list) => ({ code: "missingRequiredArguments", className: "Field", name, arguments: list }),
  ],
  [
    /^Field must have selections \(field '(\w+)' returns (\w+)/,
    (field, typeName) => ({ code: "selectionMismatch", nodeName: `field '${field}'`, typeName }),
  ],
  [/^No such type (\w+)/, (typeName) => ({ code: "undefinedType", typeName })],
];

function extensionsFor(message: string): Record<string, unknown> | undefined {
  for (const [pattern, build] of EXTENSIONS) {
    const match = pattern.exec(message);
    if (match) return build(...match.slice(1).map((group) => group ?? ""));
  }
  return undefined;
}

function label(node: ASTNode): string | null {
  if (node.kind === Kind.OPERATION_DEFINITION) return node.name ? `${node.operation} ${node.name.value}` : node.operation;
  if (node.kind === Kind.FRAGMENT_DEFINITION) return `fragment ${node.name.value}`;
  if (node.kind === Kind.FIELD || node.kind === Kind.ARGUMENT) return node.name.value;
  return null;
}

/** GitHub's `path` for a schema error: the operation, then the fields down to the one at `location`. */
function pathAt(query: string, location: GraphqlLocation): string[] | undefined {
  let found: string[] | undefined;
  try {
    visit(parse(query), {
      enter(node, _key, _parent, _path, ancestors) {
        if (found || (node.kind !== Kind.FIELD && node.kind !== Kind.ARGUMENT)) return;
        const token = node.loc?.startToken;
        if (token?.line !== location.line || token.column !== location.column) return;
        const chain = [...ancestors, node].filter((item): item is ASTNode => !Array.isArray(item) && "kind" in item);
        found = chain.map(label).filter((part): part is string => part !== null);
      },
    });
  } catch {
    return undefined;
  }
  return found;
}

/** GitHub's `errors` for a request its schema rejects (answered with HTTP 200). */
export function schemaErrors(query: unknown, problems: readonly GraphqlProblem[]): GraphqlErrorJson[] {
  return problems.map((problem) => {
    const first = problem.locations?.[0];
    const path = typeof query === "string" && first && problem.pointer === "/query" ? pathAt(query, first) : undefined;
    const extensions = extensionsFor(problem.message);
    return {
      message: problem.message,
      ...(problem.locations ? { locations: problem.locations } : {}),
      ...(path ? { path } : {}),
      ...(extensions ? { extensions } : {}),
    };
  });
}
