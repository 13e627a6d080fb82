// Quantities as text: "90 km/h" -> "25 m/s".
import { describeDimensions, parseUnitExpression } from "./expr.js";
import { convert } from "./convert.js";
import { UNITS } from "./units.js";

const QUANTITY = /^\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s+([A-Za-z]\S*)\s*$/i;

export function parseQuantity(text) {
  const match = QUANTITY.exec(text);
  if (!match) throw new Error(`'${text}' is not a quantity like '90 km/h'`);
  return { value: Number(match[1]), unit: match[2] };
}

function sameDimensions(a, b) {
  return describeDimensions(a) === describeDimensions(b);
}

function convertValue(value, from, to) {
  // Units with an offset (C, F) only convert on their own, where the offset applies.
  const plain = Object.hasOwn(UNITS, from) && Object.hasOwn(UNITS, to);
  if (plain && (UNITS[from].offset || UNITS[to].offset)) return convert(value, from, to);
  const source = parseUnitExpression(from);
  const target = parseUnitExpression(to);
  if (!sameDimensions(source.dimensions, target.dimensions)) {
    const what = (unit, parsed) => `${unit} (${describeDimensions(parsed.dimensions)})`;
    throw new Error(`cannot convert ${what(from, source)} to ${what(to, target)}`);
  }
  return (value * source.factor) / target.factor;
}

// At most `precision` decimals, trailing zeros dropped, never "-0".
export function formatNumber(value, precision = 4) {
  if (!Number.isInteger(precision) || precision < 0 || precision > 12) {
    throw new RangeError(`precision must be an integer from 0 to 12, got ${precision}`);
  }
  const text = value.toFixed(precision).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  return text === "-0" ? "0" : text;
}

export function convertQuantity(text, to, { precision = 4 } = {}) {
  const { value, unit } = parseQuantity(text);
  const converted = convertValue(value, unit, to);
  const shown = formatNumber(converted, precision);
  return { value: converted, unit: to, text: `${shown} ${to}` };
}
