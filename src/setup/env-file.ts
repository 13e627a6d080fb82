import { chmod, readFile, rename, writeFile } from "node:fs/promises";

/** A value as a line of an env file: double-quoted with `\n` escapes when it holds a newline (a PEM key). */
function formatValue(value: string): string {
  if (/["\r]/.test(value)) throw new Error("a value for the env file holds a double quote or a carriage return");
  return value.includes("\n") ? `"${value.replace(/\n/g, "\\n")}"` : value;
}

const definesName = (line: string, name: string): boolean => new RegExp(`^\\s*(export\\s+)?${name}\\s*=`).test(line);

/**
 * The env file's text with `values` set: a line that defined one of them is dropped, the new
 * definitions are appended, every other line (comments, other settings) is kept.
 */
export function withValues(text: string, values: Record<string, string>): string {
  const names = Object.keys(values);
  const kept = text.split("\n").filter((line) => !names.some((name) => definesName(line, name)));
  while (kept.length > 0 && kept.at(-1) === "") kept.pop();
  const added = Object.entries(values).map(([name, value]) => `${name}=${formatValue(value)}`);
  return `${[...kept, ...added].join("\n")}\n`;
}

/** Sets `values` in the env file at `path` (created if missing), readable by its owner only; written whole, then renamed. */
export async function writeEnvValues(path: string, values: Record<string, string>): Promise<void> {
  const text = await readFile(path, "utf8").catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, withValues(text, values), { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}
