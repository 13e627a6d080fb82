// Convert a number between two units of the same dimension.
import { lookupUnit } from "./units.js";

export function convert(value, from, to) {
  const source = lookupUnit(from);
  const target = lookupUnit(to);
  if (source.dimension !== target.dimension) {
    throw new Error(`cannot convert ${from} (${source.dimension}) to ${to} (${target.dimension})`);
  }
  return (value * source.factor) / target.factor;
}
