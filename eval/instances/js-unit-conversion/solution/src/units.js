// Known units: each has a dimension, and value_in_base = value * factor + offset.
// Only temperatures have an offset (their base unit is the kelvin).

export const UNITS = {
  m: { dimension: "length", factor: 1 },
  km: { dimension: "length", factor: 1000 },
  cm: { dimension: "length", factor: 0.01 },
  mm: { dimension: "length", factor: 0.001 },
  in: { dimension: "length", factor: 0.0254 },
  ft: { dimension: "length", factor: 0.3048 },
  mi: { dimension: "length", factor: 1609.344 },
  kg: { dimension: "mass", factor: 1 },
  g: { dimension: "mass", factor: 0.001 },
  lb: { dimension: "mass", factor: 0.45359237 },
  oz: { dimension: "mass", factor: 0.028349523125 },
  s: { dimension: "time", factor: 1 },
  min: { dimension: "time", factor: 60 },
  h: { dimension: "time", factor: 3600 },
  K: { dimension: "temperature", factor: 1, offset: 0 },
  C: { dimension: "temperature", factor: 1, offset: 273.15 },
  F: { dimension: "temperature", factor: 5 / 9, offset: (459.67 * 5) / 9 },
};

export class UnknownUnitError extends Error {
  constructor(symbol) {
    super(`unknown unit '${symbol}'; known units: ${Object.keys(UNITS).join(", ")}`);
    this.name = "UnknownUnitError";
    this.symbol = symbol;
  }
}

export function lookupUnit(symbol) {
  if (!Object.hasOwn(UNITS, symbol)) throw new UnknownUnitError(symbol);
  return UNITS[symbol];
}

export function toBase(value, unit) {
  return value * unit.factor + (unit.offset ?? 0);
}

export function fromBase(value, unit) {
  return (value - (unit.offset ?? 0)) / unit.factor;
}
