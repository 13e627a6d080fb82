/**
 * The leak check: no hidden test may reach the agents. A request leaks when it holds any
 * distinctive line of a hidden file (as sent, inside the request's JSON)
 * that is not also a line of the repository or its reference solution.
 */
import type { Instance } from "./instance.ts";
import type { ModelCall } from "./model-calls.ts";

/** Lines long enough to be the hidden file's own (not `}` or `import os`), as they appear inside JSON text. */
export function distinctiveLines(text: string, minLength = 24): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length >= minLength)
    .map((line) => JSON.stringify(line).slice(1, -1));
}

/** The hidden tests' lines, as JSON carries them, that the repository and its reference solution do not hold. */
export function hiddenNeedles(instance: Pick<Instance, "base" | "solution" | "hidden">, minLength?: number): string[] {
  const repository = [...Object.values(instance.base), ...Object.values(instance.solution)].join("\n");
  const own = (line: string): boolean => !repository.includes(JSON.parse(`"${line}"`) as string);
  return Object.values(instance.hidden).flatMap((text) => distinctiveLines(text, minLength).filter(own));
}

/** How many of the run's model requests hold a line of a hidden test. */
export function leakedRequests(instance: Instance, calls: readonly ModelCall[]): number {
  const needles = hiddenNeedles(instance);
  return calls.filter((call) => needles.some((needle) => call.requestText.includes(needle))).length;
}
