// Known units: each has a dimension and the factor that turns one of it into the dimension's base unit.

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
  K: { dimension: "temperature", factor: 1 },
  C: { dimension: "temperature", factor: 1 },
  F: { dimension: "temperature", factor: 5 / 9 },
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
