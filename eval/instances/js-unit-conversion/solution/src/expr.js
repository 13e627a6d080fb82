// Compound unit expressions: "km/h", "m/s^2", "kg*m/s^2", "ft^3". One '/' at most; '*' multiplies.
import { lookupUnit } from "./units.js";

export class UnitExpressionError extends Error {
  constructor(expression, message) {
    super(`invalid unit expression '${expression}': ${message}`);
    this.name = "UnitExpressionError";
    this.expression = expression;
  }
}

function addDimension(dimensions, name, power) {
  const total = (dimensions[name] ?? 0) + power;
  if (total === 0) delete dimensions[name];
  else dimensions[name] = total;
}

function readFactor(expression, text, sign, result) {
  const match = /^([A-Za-z]+)(?:\^(\d+))?$/.exec(text.trim());
  if (!match) throw new UnitExpressionError(expression, `'${text.trim()}' is not a unit or unit^power`);
  const unit = lookupUnit(match[1]);
  if (unit.offset) throw new UnitExpressionError(expression, `'${match[1]}' has an offset and cannot be combined with other units`);
  const power = Number(match[2] ?? 1) * sign;
  if (power === 0) throw new UnitExpressionError(expression, "a power must be at least 1");
  result.factor *= unit.factor ** power;
  addDimension(result.dimensions, unit.dimension, power);
}

// Returns { factor, dimensions } where dimensions maps a dimension to its power, e.g. { length: 1, time: -1 }.
export function parseUnitExpression(expression) {
  const parts = expression.split("/");
  if (parts.length > 2) throw new UnitExpressionError(expression, "use at most one '/'");
  const result = { factor: 1, dimensions: {} };
  parts.forEach((part, index) => {
    for (const text of part.split("*")) readFactor(expression, text, index === 0 ? 1 : -1, result);
  });
  return result;
}

// "length/time^2": positive powers before the '/', negative ones after, names sorted; "1" when empty.
export function describeDimensions(dimensions) {
  const term = ([name, power]) => (Math.abs(power) === 1 ? name : `${name}^${Math.abs(power)}`);
  const entries = Object.entries(dimensions).sort(([a], [b]) => a.localeCompare(b));
  const top = entries.filter(([, power]) => power > 0).map(term).join("*") || "1";
  const bottom = entries.filter(([, power]) => power < 0).map(term).join("*");
  return bottom ? `${top}/${bottom}` : top;
}
