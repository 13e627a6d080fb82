import { describe, expect, it } from "vitest";
import { addedSecrets } from "../../../src/policy/secrets.ts";

const TOKEN = `ghp_${"a1B2".repeat(9)}`;
const OTHER_TOKEN = `ghs_${"Zz9".repeat(12)}`;

describe("addedSecrets", () => {
  it("names the kind of each secret the new content adds, once", () => {
    expect(addedSecrets(null, `${TOKEN}\n${OTHER_TOKEN}\nAKIAQWERTYUIOPASDFGH`)).toEqual(["a GitHub token", "an AWS access key"]);
  });

  it("does not count a secret the file already held", () => {
    expect(addedSecrets(`a ${TOKEN}`, `b ${TOKEN}`)).toEqual([]);
    expect(addedSecrets(`a ${TOKEN}`, `b ${TOKEN} ${OTHER_TOKEN}`)).toEqual(["a GitHub token"]);
  });

  it("leaves shapes that only the prompt redaction guesses at: assignments, generic keys, JWTs", () => {
    const content = [
      'password = "hunter2"',
      `apiKey: "${"q1W2e3R4t5Y6u7I8o9P0".repeat(2)}"`,
      "sk-loading-spinner-container-large",
      "xoxb-test-token-value",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig",
    ].join("\n");

    expect(addedSecrets(null, content)).toEqual([]);
  });
});
