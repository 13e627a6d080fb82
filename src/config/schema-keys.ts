import { z } from "zod";
import type { ConfigPath } from "./config-problem.ts";

/** The schema inside defaults, optionals and a transform's pipe: the one that holds the keys. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable
    )
      current = current.unwrap() as z.ZodType;
    else if (current instanceof z.ZodPipe) current = (current.in instanceof z.ZodTransform ? current.out : current.in) as z.ZodType;
    else return current;
  }
}

function schemaAt(schema: z.ZodType, path: ConfigPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodObject && typeof segment === "string") {
      const shape = current.shape as Record<string, z.ZodType>;
      current = Object.hasOwn(shape, segment) ? shape[segment] : undefined;
    } else if (current instanceof z.ZodArray) {
      current = current.element as z.ZodType;
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
    current = unwrap(current);
  }
  return current;
}

/** The keys an object schema accepts at a path, or none when there is no object there. */
export function knownKeysAt(schema: z.ZodType, path: ConfigPath): string[] {
  const target = schemaAt(schema, path);
  return target instanceof z.ZodObject ? Object.keys(target.shape) : [];
}

/** Every key path of nested object schemas: [["label"], ["limits"], ["limits", "tasksPerPlan"], …]. */
export function allKeyPaths(schema: z.ZodType, prefix: string[] = []): string[][] {
  return knownKeysAt(schema, prefix).flatMap((key) => [[...prefix, key], ...allKeyPaths(schema, [...prefix, key])]);
}
