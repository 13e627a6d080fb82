// Convert a number between two units of the same dimension.
import { fromBase, lookupUnit, toBase } from "./units.js";

export function convert(value, from, to) {
  const source = lookupUnit(from);
  const target = lookupUnit(to);
  if (source.dimension !== target.dimension) {
    throw new Error(`cannot convert ${from} (${source.dimension}) to ${to} (${target.dimension})`);
  }
  return fromBase(toBase(value, source), target);
}
