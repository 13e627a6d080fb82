import { describe, expect, it } from "vitest";
import { failureText, renderFailure } from "../../../src/render/failures.ts";
import { visible } from "./visible.ts";

describe("failureText.editsRefused", () => {
  it("says what was wrong with each of the coder's answers, and what a writer can do", () => {
    const text = failureText.editsRefused("mean", [
      { kind: "not_json", problems: [`the answer is not valid JSON (Unexpected token 'S', "Sure! Here"... is not valid JSON)`] },
      {
        kind: "refused",
        problems: [
          "`.github/workflows/ci.yml` is protected (matches `.github/workflows/**`); Foreman never writes it, a human must make that change",
          "`package.json` is not one of the task's files",
        ],
      },
    ]);

    expect(text).toMatchInlineSnapshot(`
      "Task \`mean\` could not be coded: none of the coder's two answers could be used, so nothing was committed.

      - The first answer was not valid JSON:
        - the answer is not valid JSON (Unexpected token 'S', "Sure! Here"... is not valid JSON)
      - The second answer proposed edits that Foreman refused:
        - \`.github/workflows/ci.yml\` is protected (matches \`.github/workflows/**\`); Foreman never writes it, a human must make that change
        - \`package.json\` is not one of the task's files

      A writer can comment \`/retry\` on this issue for a fresh attempt (more detail in the issue may help), or make the change by hand: Foreman never writes a protected path or commits a secret, so a change that needs one is for a human."
    `);
  });

  it("does not say the edits were refused when the answers were not JSON", () => {
    const text = failureText.editsRefused("mean", [
      { kind: "not_json", problems: ["the answer is not valid JSON (a)"] },
      { kind: "wrong_shape", problems: ["edits: Required"] },
    ]);

    expect(text).not.toContain("refused");
    expect(text).toContain("- The second answer was JSON, but not in the shape Foreman asks for:\n  - edits: Required");
  });

  it("says no answer came when the coder kept calling tools, not that its edits were refused", () => {
    const text = failureText.editsRefused("mean", [{ kind: "no_answer", problems: ["the coder has used all its 20 turns"] }]);

    expect(text).not.toContain("refused");
    expect(text).toContain(
      "- The first answer never came: the coder kept calling tools after it was told to answer:\n  - the coder has used all its 20 turns",
    );
  });

  it("says an answer was cut off at the model's output limit, not that it was invalid", () => {
    const text = failureText.editsRefused("mean", [
      { kind: "cut_off", problems: ["the answer was cut off at the model's output limit before its JSON was complete"] },
    ]);

    expect(text).toContain("- The first answer was cut off at the model's output limit before it was complete:");
    expect(text).not.toContain("not valid JSON");
  });

  it("keeps a problem that spans lines inside its list item", () => {
    const text = failureText.editsRefused("mean", [{ kind: "not_json", problems: ["the answer is not valid JSON (a\n- b)"] }]);

    expect(text).toContain("the coder's answer could not be used");
    expect(text).toContain("  - the answer is not valid JSON (a - b)\n");
  });
});

describe("renderFailure", () => {
  it("leaves no live mention when backticks in two problems would pair across list items", () => {
    const text = failureText.editsRefused("mean", [
      { kind: "refused", problems: ["`x`y` is not one of the task's files", "`q`@org/team` is not one of the task's files"] },
    ]);

    expect(visible(renderFailure(text))).toContain("`q`@{ZWSP}org/team`");
  });
});
