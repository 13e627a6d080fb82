type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const own = (mapping: Mapping, key: string): unknown => (Object.hasOwn(mapping, key) ? mapping[key] : undefined);

/**
 * `override` laid over `base`: mappings merge key by key, at every depth; any other value (text,
 * a number, a list) in `override` replaces the one in `base` whole. Only own keys are read, and
 * the result is built with `Object.fromEntries`, so a key such as `__proto__` stays a plain key.
 */
export function mergeLayers(base: unknown, override: unknown): unknown {
  if (!isMapping(base) || !isMapping(override)) return override === undefined ? base : override;
  const keys = new Set([...Object.keys(base), ...Object.keys(override)]);
  return Object.fromEntries([...keys].map((key) => [key, mergeLayers(own(base, key), own(override, key))]));
}
