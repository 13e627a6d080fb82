/**
 * What the sandbox needs to know of the app it runs. The app's side supplies it; the sandbox
 * never reads the app's files, database or environment names on its own.
 */
export interface AppUnderTest {
  /** The script `node` runs as the app, the way `npm start` does. */
  entry: string;
  /** The GitHub App manifest (`app.yml`): the sandbox grants exactly the permissions and events it asks for. */
  manifestPath: string;
  /** Where the app's server takes GitHub's webhooks (Probot's is `/api/github/webhooks`). */
  webhookPath: string;
  /** The app's environment for one run. */
  env(context: AppContext): Record<string, string>;
  /** Work the app still has queued or running; 0 when it is idle. */
  pendingWork(dataDir: string): number;
  /** Deletes what the app keeps between restarts (a lost database). */
  loseData(dataDir: string): Promise<void>;
  /** A timeline line for an entry of the app's JSON log worth showing (work the sandbox cannot see), or null. */
  narrate?(entry: Record<string, unknown>): string | null;
}

/** What one run hands the app: where GitHub and the model are, its credentials and a folder of its own. */
export interface AppContext {
  githubUrl: string;
  appId: number;
  privateKey: string;
  webhookSecret: string;
  modelUrl: string;
  modelApiKey: string;
  /** The model to ask, when the run uses a real endpoint and names one. */
  model: string | null;
  /** A folder that lives as long as the run; the app keeps its data here. */
  dataDir: string;
  logLevel: string;
}
