import { StartError } from "./start-error.ts";

/**
 * Loads the env file (`.env` by default) into the environment, as Probot does: a variable already
 * set in the environment wins over the file. A missing file is no error; a file that cannot be read
 * or parsed is, naming the file.
 */
export function loadEnvFile(path: string): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new StartError(`FOREMAN_ENV_FILE: cannot load ${path} (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
}
