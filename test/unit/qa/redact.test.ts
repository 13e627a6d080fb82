import { describe, expect, it } from "vitest";
import { entropyPerChar, looksRandom, redactSecrets } from "../../../src/qa/redact.ts";

const GITHUB_TOKEN = `ghp_${"a1B2".repeat(9)}`;
const SHA1 = "3f786850e387550fdab836ed7e6dc881de23001b";
const SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("redactSecrets", () => {
  it.each([
    ["a classic GitHub token", `push with ${GITHUB_TOKEN} now`, "push with [REDACTED:github-token] now"],
    ["an installation token", `ghs_${"Zz9".repeat(12)}`, "[REDACTED:github-token]"],
    [
      "an OAuth, user and refresh token",
      `gho_${"x1".repeat(18)} ghu_${"y2".repeat(18)} ghr_${"z3".repeat(18)}`,
      "[REDACTED:github-token] [REDACTED:github-token] [REDACTED:github-token]",
    ],
    ["a fine-grained personal access token", `github_pat_11ABCDEFG0${"a".repeat(20)}_${"b".repeat(30)}`, "[REDACTED:github-token]"],
    ["an OpenAI key", `key sk-${"Ab3".repeat(12)}`, "key [REDACTED:api-key]"],
    ["an OpenAI project key", `sk-proj-${"Ab3_".repeat(10)}`, "[REDACTED:api-key]"],
    ["an AWS access key id", "id AKIAIOSFODNN7EXAMPLE here", "id [REDACTED:aws-key-id] here"],
    [
      "an AWS secret access key",
      "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "aws_secret_access_key = [REDACTED:aws-secret]",
    ],
    ["a bearer authorization header", "Authorization: Bearer abc.def-ghi_123456", "Authorization: Bearer [REDACTED:authorization]"],
    [
      "a token authorization header in curl",
      `curl -H "authorization: token ${"q".repeat(30)}"`,
      'curl -H "authorization: token [REDACTED:authorization]"',
    ],
    ["a JWT", "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt [REDACTED:jwt]"],
    ["a password assignment", "DB_PASSWORD=hunter22", "DB_PASSWORD=[REDACTED:secret]"],
    ["a quoted JSON secret", '{"api_key": "plainword"}', '{"api_key": "[REDACTED:secret]"}'],
    ["a YAML client secret", "client_secret: s3cr3t-value", "client_secret: [REDACTED:secret]"],
    ["a random value under an ordinary name", "X_THING=Zk9mQ2xhc3NpZnlUaGlzMTIzNDU2Nzg5", "X_THING=[REDACTED:secret]"],
  ])("redacts %s", (_name, input, expected) => {
    expect(redactSecrets(input).text).toBe(expected);
  });

  it("redacts a whole private key block, lines and all", () => {
    const input = "before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nq83b2\n-----END RSA PRIVATE KEY-----\nafter";

    expect(redactSecrets(input)).toEqual({ text: "before\n[REDACTED:private-key]\nafter", redactions: 1 });
  });

  it("redacts an unterminated private key block to the end of the text", () => {
    expect(redactSecrets("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n").text).toBe("[REDACTED:private-key]");
  });

  it("counts every redaction", () => {
    const result = redactSecrets(`A=${GITHUB_TOKEN}\nTOKEN=hunter22\nAKIAIOSFODNN7EXAMPLE`);

    expect(result.redactions).toBe(3);
  });

  it.each([
    ["a 40-hex commit SHA", `HEAD is now at ${SHA1}`],
    ["a 40-hex SHA assigned to a name", `GITHUB_SHA=${SHA1}`],
    ["a 64-hex digest", `sha256=${SHA256}`],
    ["a reference to a value in code", "const token = options.token;"],
    ["a type annotation", "  token: string,"],
    ["a secret reference in a workflow", "password: ${{ secrets.DB_PASSWORD }}"],
    ["a value GitHub already masked", "GITHUB_TOKEN: ***"],
    ["a PATH assignment", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin"],
    ["a comparison", "if token == expected"],
    ["a parser error", "SyntaxError: Unexpected token: }"],
    ["an assertion message", "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal: -1 !== 3"],
    ["a URL", "url=https://github.com/acme/calculator/actions/runs/123456789"],
    ["a word that ends in sk-", "task-abcdefghijklmnopqrstuvwxyz0123"],
  ])("keeps %s", (_name, input) => {
    expect(redactSecrets(input)).toEqual({ text: input, redactions: 0 });
  });

  it("does not redact a redaction again", () => {
    const once = redactSecrets(`TOKEN=${GITHUB_TOKEN}`);

    expect(redactSecrets(once.text)).toEqual({ text: once.text, redactions: 0 });
  });
});

describe("looksRandom", () => {
  it("takes a long mixed base64 value for random", () => {
    expect(looksRandom("Zk9mQ2xhc3NpZnlUaGlzMTIzNDU2Nzg5")).toBe(true);
  });

  it("does not take short, letter-only, repetitive or SHA values for random", () => {
    expect([
      looksRandom("Ab3dEf9"),
      looksRandom("abcdefghijklmnopqrstuvwxyz"),
      looksRandom("a1".repeat(15)),
      looksRandom(SHA1),
      looksRandom(SHA256),
    ]).toEqual([false, false, false, false, false]);
  });
});

describe("entropyPerChar", () => {
  it("is 0 for one repeated character and 2 bits for four equally frequent ones", () => {
    expect([entropyPerChar("aaaa"), entropyPerChar("abcd"), entropyPerChar("")]).toEqual([0, 2, 0]);
  });
});
