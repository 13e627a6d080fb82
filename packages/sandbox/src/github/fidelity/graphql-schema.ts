import { readFileSync } from "node:fs";
import type { DefinitionNode, DocumentNode, GraphQLSchema } from "graphql";
import { buildASTSchema, Kind, parse } from "graphql";
import { once } from "./once.ts";
import { resolvePackageFile } from "./package-files.ts";

type NamedNode = { readonly name: { readonly value: string } };

function firstOfEachName<T extends NamedNode>(nodes: readonly T[] | undefined): T[] | undefined {
  if (nodes === undefined) return undefined;
  const seen = new Set<string>();
  return nodes.filter((node) => (seen.has(node.name.value) ? false : (seen.add(node.name.value), true)));
}

const TYPES_WITH_FIELDS: ReadonlySet<string> = new Set([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
]);

function withoutDuplicateFields(definition: DefinitionNode): DefinitionNode {
  if (!TYPES_WITH_FIELDS.has(definition.kind) || !("fields" in definition)) return definition;
  const fields = firstOfEachName<NamedNode>(definition.fields);
  return { ...definition, fields } as DefinitionNode;
}

/**
 * Builds the schema from GitHub's SDL. The published SDL repeats a few fields verbatim within
 * one type (e.g. `EnterpriseOwnerInfo.repositoryDeployKeySetting`), which graphql-js rejects;
 * the first definition of each field is kept and everything else is validated as usual.
 */
function buildGitHubSchema(sdl: string): GraphQLSchema {
  const document = parse(sdl, { noLocation: true });
  const deduplicated: DocumentNode = { ...document, definitions: document.definitions.map(withoutDuplicateFields) };
  return buildASTSchema(deduplicated);
}

/** GitHub's public GraphQL schema from `@octokit/graphql-schema` (built once per process; immutable). */
export const loadGitHubSchema: () => GraphQLSchema = once(() =>
  buildGitHubSchema(readFileSync(resolvePackageFile("@octokit/graphql-schema", "schema.graphql"), "utf8")),
);
