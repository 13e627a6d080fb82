import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** Writes a bench's report as JSON at `out` (its folder made when missing) and says where. */
export async function writeReport(out: string, report: unknown): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten: ${out}`);
}
