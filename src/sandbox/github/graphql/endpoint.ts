import type { SandboxCore } from "../core.ts";
import type { GraphqlEndpoint } from "../dispatch.ts";

/** Answers POST /graphql: validates against GitHub's schema, then resolves what the sandbox supports. */
export function createGraphqlEndpoint(_core: SandboxCore): GraphqlEndpoint {
  return () => Promise.resolve({ status: 501, body: { message: "GraphQL is not implemented yet" }, problems: ["graphql not implemented"] });
}
