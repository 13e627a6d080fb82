import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

const Manifest = z.object({
  name: z.string(),
  default_events: z.array(z.string()),
  default_permissions: z.record(z.string(), z.enum(["read", "write"])),
});

/** The App's permissions and events as `app.yml` declares them, so the sandbox grants exactly those. */
export function readManifest(path: string): { name: string; events: string[]; permissions: Record<string, "read" | "write"> } {
  const manifest = Manifest.parse(parse(readFileSync(path, "utf8")));
  return { name: manifest.name, events: manifest.default_events, permissions: manifest.default_permissions };
}
