/** The `type` GitHub puts on errors a resolver or mutation raises (not on schema errors). */
export type GraphqlFailureType = "NOT_FOUND" | "FORBIDDEN" | "UNPROCESSABLE" | "STALE_DATA";

/** A GitHub-style resolver error: `{ type, path, locations, message }` in the response's `errors`. */
export class GraphqlFailure extends Error {
  readonly type: GraphqlFailureType;

  constructor(type: GraphqlFailureType, message: string) {
    super(message);
    this.name = "GraphqlFailure";
    this.type = type;
  }
}

/** A field the sandbox does not implement: answered as an error so it is never mistaken for null. */
export class UnsupportedFieldError extends Error {
  constructor(typeName: string, fieldName: string) {
    super(`the sandbox does not resolve ${typeName}.${fieldName}`);
    this.name = "UnsupportedFieldError";
  }
}

export const nodeNotFound = (id: string): GraphqlFailure =>
  new GraphqlFailure("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);

export const repositoryNotFound = (nameWithOwner: string): GraphqlFailure =>
  new GraphqlFailure("NOT_FOUND", `Could not resolve to a Repository with the name '${nameWithOwner}'.`);
