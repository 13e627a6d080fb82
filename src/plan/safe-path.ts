/**
 * Why a path named by a plan is not a plain relative path inside the repository,
 * or undefined when it is one. Plans must name each file in one spelling only,
 * so that two tasks writing the same file are seen to do so.
 */
export function unsafePathReason(path: string): string | undefined {
  if (path.length === 0) return "is empty";
  if (path.includes("\\")) return "contains a backslash";
  if ([...path].some(isControlCharacter)) return "contains a control character";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "is absolute";
  const segments = path.split("/");
  if (segments.some((segment) => segment === "")) return "has an empty segment";
  if (segments.some((segment) => segment === "..")) return "leaves the repository with ..";
  if (segments.some((segment) => segment === ".")) return "has a . segment";
  return undefined;
}

function isControlCharacter(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}
