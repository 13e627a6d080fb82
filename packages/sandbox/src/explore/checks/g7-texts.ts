import type { RunView } from "../run-view.ts";
import { appCommitContent, appTexts, type AppText } from "./app-texts.ts";
import { outcome, type CheckOutcome } from "./outcome.ts";
import { closingKeywords, liveMentions, secretsIn } from "./text-scan.ts";

const excerpt = (body: string, found: string): string => {
  const at = body.indexOf(found);
  return JSON.stringify(body.slice(Math.max(0, at - 30), at + found.length + 30));
};

function findings(texts: readonly AppText[], scan: (body: string) => string[], what: string): string[] {
  const seen = new Set<string>();
  const violations: string[] = [];
  for (const { where, body } of texts) {
    for (const found of scan(body)) {
      const key = `${where} ${found}`;
      if (seen.has(key)) continue;
      seen.add(key);
      violations.push(`${where}: ${what} ${found} in ${excerpt(body, found)}`);
    }
  }
  return violations;
}

/** G7: nothing the app wrote has a live @mention or a closing keyword. */
export async function checkTexts(view: RunView): Promise<CheckOutcome> {
  const texts = await appTexts(view);
  return outcome("G7", texts.length > 0, [
    ...findings(texts, liveMentions, "a live mention"),
    ...findings(texts, closingKeywords, "a closing keyword"),
  ]);
}

/** G7b: no secret in anything the app wrote, commits included. */
export async function checkSecrets(view: RunView): Promise<CheckOutcome> {
  const [written, committed] = await Promise.all([appTexts(view), appCommitContent(view)]);
  const texts = [...written, ...committed];
  return outcome("G7b", texts.length > 0, findings(texts, secretsIn, "a secret"));
}
