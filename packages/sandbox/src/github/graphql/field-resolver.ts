import type { GraphQLFieldResolver } from "graphql";
import { UnsupportedFieldError } from "./failure.ts";

/**
 * graphql-js' default resolution (a property, or a method called with `(args, context, info)`),
 * except that a field the resolved object does not define is an error instead of a silent null.
 */
export const strictFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (typeof source === "object" && source !== null && info.fieldName in source) {
    const value: unknown = (source as Record<string, unknown>)[info.fieldName];
    if (typeof value === "function") return (value as (...params: unknown[]) => unknown).call(source, args, context, info);
    return value;
  }
  throw new UnsupportedFieldError(info.parentType.name, info.fieldName);
};
