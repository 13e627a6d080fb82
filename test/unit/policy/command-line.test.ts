import { describe, expect, it } from "vitest";
import { allowedWords, allowPatternProblem, CommandLineError, commandWords, patternFits } from "../../../src/policy/command-line.ts";

describe("commandWords", () => {
  it("splits a line as a shell would, quotes and escapes included", () => {
    expect(commandWords(`npm test -- 'a b' "c d" e\\ f`)).toEqual(["npm", "test", "--", "a b", "c d", "e f"]);
  });

  it.each([
    ["npm test | tee out", "`|`"],
    ["npm test && curl x", "`&&`"],
    ["npm test; rm -rf .", "`;`"],
    ["npm test > out", "`>`"],
    ["echo $HOME", "`$`"],
    ["echo `id`", "backticks"],
    ["pytest tests/*.py", "the glob"],
    ["npm test # note", "a comment"],
    ["", "empty"],
  ])("refuses %j, which needs a shell", (line, said) => {
    expect(() => commandWords(line)).toThrow(CommandLineError);
    expect(() => commandWords(line)).toThrow(said);
  });
});

describe("patternFits", () => {
  it("matches word for word, `*` standing for any characters in one word", () => {
    expect(patternFits(["pytest", "tests/*.py"], ["pytest", "tests/test_x.py"])).toBe(true);
    expect(patternFits(["pytest", "tests/*.py"], ["pytest", "src/x.py"])).toBe(false);
    expect(patternFits(["pytest", "*"], ["pytest", "a", "b"])).toBe(false);
  });

  it("lets `*` match an option only where the pattern has an option", () => {
    expect(patternFits(["pytest", "*"], ["pytest", "--rootdir=/"])).toBe(false);
    expect(patternFits(["pytest", "-k", "*"], ["pytest", "-k", "mean"])).toBe(true);
  });

  it("lets a last `...` stand for any further words", () => {
    expect(patternFits(["npm", "test", "--", "..."], ["npm", "test", "--"])).toBe(true);
    expect(patternFits(["npm", "test", "--", "..."], ["npm", "test", "--", "a", "--b"])).toBe(true);
    expect(patternFits(["npm", "test", "--", "..."], ["npm", "run", "x"])).toBe(false);
  });
});

describe("allowPatternProblem", () => {
  it("accepts a usable pattern", () => {
    expect(allowPatternProblem("node --test *")).toBeUndefined();
    expect(allowPatternProblem("npm test -- ...")).toBeUndefined();
  });

  it.each([
    ["* --test", "first word"],
    ["a ... b", "last word"],
    ["npm test | x", "`|`"],
  ])("says what is wrong with %j", (pattern, said) => {
    expect(allowPatternProblem(pattern)).toContain(said);
  });
});

describe("allowedWords", () => {
  it("gives the words of an allowed line", () => {
    expect(allowedWords("node --test test/a.test.js", ["npm test", "node --test *"])).toEqual(["node", "--test", "test/a.test.js"]);
  });

  it("names the allowed patterns when a line is not allowed", () => {
    expect(() => allowedWords("curl example.com", ["node --test *"])).toThrow("the allowed ones are: node --test *");
    expect(() => allowedWords("curl example.com", [])).toThrow("the repository allows none");
  });
});
