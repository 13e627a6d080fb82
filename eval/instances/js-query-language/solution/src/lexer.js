// Turns query text into tokens: { type, value, column } with 1-based columns.
import { QuerySyntaxError } from "./errors.js";

const KEYWORDS = new Set(["and", "or", "not", "in"]);
const OPERATORS = ["!=", "<=", ">=", "=", "<", ">"];
const PUNCTUATION = { "(": "lparen", ")": "rparen", ",": "comma" };

function readString(text, start) {
  const quote = text[start];
  let value = "";
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === quote) return { value, end: i + 1 };
    if (text[i] === "\\" && i + 1 < text.length) i += 1;
    value += text[i];
  }
  throw new QuerySyntaxError("unterminated string", start + 1);
}

function readWord(text, i) {
  const rest = text.slice(i);
  const ident = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
  if (ident) {
    const word = ident[0].toLowerCase();
    const token = KEYWORDS.has(word) ? { type: word, value: word } : { type: "ident", value: ident[0] };
    return { token: { ...token, column: i + 1 }, length: ident[0].length };
  }
  const number = /^-?\d+(\.\d+)?/.exec(rest);
  if (number) return { token: { type: "number", value: Number(number[0]), column: i + 1 }, length: number[0].length };
  const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
  if (op) return { token: { type: "op", value: op, column: i + 1 }, length: op.length };
  if (PUNCTUATION[text[i]]) return { token: { type: PUNCTUATION[text[i]], value: text[i], column: i + 1 }, length: 1 };
  return undefined;
}

export function tokenize(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i += 1;
    } else if (text[i] === '"' || text[i] === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ type: "string", value, column: i + 1 });
      i = end;
    } else {
      const word = readWord(text, i);
      if (!word) throw new QuerySyntaxError(`unexpected character '${text[i]}'`, i + 1);
      tokens.push(word.token);
      i += word.length;
    }
  }
  tokens.push({ type: "eof", value: null, column: text.length + 1 });
  return tokens;
}
