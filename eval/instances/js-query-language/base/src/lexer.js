// Turns query text into tokens: { type, value, column } with 1-based columns.
import { QuerySyntaxError } from "./errors.js";

const KEYWORDS = new Set(["and"]);

function readString(text, start) {
  let value = "";
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '"') return { value, end: i + 1 };
    if (text[i] === "\\" && i + 1 < text.length) i += 1;
    value += text[i];
  }
  throw new QuerySyntaxError("unterminated string", start + 1);
}

export function tokenize(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    const ident = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    if (space) {
      i += space[0].length;
    } else if (ident) {
      const word = ident[0].toLowerCase();
      tokens.push(KEYWORDS.has(word) ? { type: word, value: word, column: i + 1 } : { type: "ident", value: ident[0], column: i + 1 });
      i += ident[0].length;
    } else if (number) {
      tokens.push({ type: "number", value: Number(number[0]), column: i + 1 });
      i += number[0].length;
    } else if (text[i] === '"') {
      const { value, end } = readString(text, i);
      tokens.push({ type: "string", value, column: i + 1 });
      i = end;
    } else if (text[i] === "=") {
      tokens.push({ type: "op", value: "=", column: i + 1 });
      i += 1;
    } else {
      throw new QuerySyntaxError(`unexpected character '${text[i]}'`, i + 1);
    }
  }
  tokens.push({ type: "eof", value: null, column: text.length + 1 });
  return tokens;
}
