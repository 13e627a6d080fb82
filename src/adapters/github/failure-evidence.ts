import { isPassingConclusion } from "../../domain/ci.ts";
import type { FailedCheck, FailureEvidence } from "../../qa/evidence.ts";
import type { Octokit, Target } from "./octokit.ts";

/** Foreman's own check on task commits; it reports on the others and is never evidence. */
const OWN_CHECK = "Foreman";
const FAILED_JOB = new Set(["failure", "timed_out"]);
const MAX_ANNOTATIONS = 50;
const MAX_LOGS = 4;
/** The end of each log is kept: that is where the failure and the summary are. */
export const MAX_LOG_BYTES = 200_000;

export interface EvidenceOptions {
  maxLogBytes: number;
  /** Downloads a short-lived log URL without GitHub's credentials (blob storage wants none). */
  download: (url: string, maxBytes: number) => Promise<string>;
}

async function failingChecks(octokit: Octokit, target: Target, sha: string): Promise<FailedCheck[]> {
  const runs = await octokit.paginate(octokit.rest.checks.listForRef, { ...target, ref: sha, filter: "latest", per_page: 100 });
  const failing = runs.filter((run) => run.name !== OWN_CHECK && run.status === "completed" && !isPassingConclusion(run.conclusion));
  return Promise.all(
    failing.map(async (run) => {
      const { data } = await octokit.rest.checks.listAnnotations({ ...target, check_run_id: run.id, per_page: MAX_ANNOTATIONS });
      return {
        name: run.name,
        conclusion: run.conclusion,
        title: run.output.title,
        summary: run.output.summary,
        annotations: data.map((annotation) => ({
          path: annotation.path,
          line: annotation.start_line,
          level: annotation.annotation_level ?? "failure",
          message: annotation.message ?? "",
        })),
      };
    }),
  );
}

async function failedJobs(octokit: Octokit, target: Target, sha: string): Promise<Array<{ id: number; name: string }>> {
  const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({ ...target, head_sha: sha, per_page: 100 });
  const failedRuns = data.workflow_runs.filter((run) => run.status === "completed" && !isPassingConclusion(run.conclusion));
  const jobs = await Promise.all(
    failedRuns.map(async (run) => {
      const { data: listed } = await octokit.rest.actions.listJobsForWorkflowRun({
        ...target,
        run_id: run.id,
        filter: "latest",
        per_page: 100,
      });
      return listed.jobs.filter((job) => FAILED_JOB.has(job.conclusion ?? "")).map((job) => ({ id: job.id, name: job.name }));
    }),
  );
  return jobs.flat().slice(0, MAX_LOGS);
}

/**
 * A job's log. GitHub answers the download with a 302 to a URL that lives about a minute; the
 * redirect is taken by hand so that the installation token is never sent to that host, and only
 * the end of the log is asked for.
 */
async function jobLog(octokit: Octokit, target: Target, jobId: number, options: EvidenceOptions): Promise<string> {
  const response = await octokit.rest.actions.downloadJobLogsForWorkflowRun({ ...target, job_id: jobId, request: { redirect: "manual" } });
  const location = response.headers.location;
  if (location) return options.download(location, options.maxLogBytes);
  const data: unknown = response.data;
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  return "";
}

/** The last `maxBytes` of a text, from a line start, with a note that the head was cut. */
export function tailOf(text: string, maxBytes: number, totalBytes = Buffer.byteLength(text)): string {
  if (totalBytes <= maxBytes) return text;
  const cut = text.slice(-maxBytes);
  const firstBreak = cut.indexOf("\n");
  const size = maxBytes >= 1000 ? `${Math.round(maxBytes / 1000)} KB` : `${maxBytes} bytes`;
  return `… (the start of the log was cut; its last ${size} follow) …\n${firstBreak === -1 ? cut : cut.slice(firstBreak + 1)}`;
}

/** Fetches a short-lived log URL with a suffix range; a server that ignores the range is cut here. */
export async function downloadLogTail(url: string, maxBytes: number): Promise<string> {
  const response = await fetch(url, { headers: { range: `bytes=-${maxBytes}` } });
  if (response.status === 416) return "";
  if (!response.ok) throw new LogDownloadError(`the log download answered ${response.status}`, response.status);
  const text = await response.text();
  const range = /\/(\d+)$/.exec(response.headers.get("content-range") ?? "");
  const total = response.status === 206 && range?.[1] ? Number(range[1]) : Buffer.byteLength(text);
  return tailOf(text, maxBytes, total);
}

/** The log host refused a download (an expired or unknown link). */
class LogDownloadError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.status = status;
    this.name = "LogDownloadError";
  }
}

function isGone(error: unknown): boolean {
  if (error instanceof LogDownloadError) return true;
  return error instanceof Error && "status" in error && (error.status === 404 || error.status === 410);
}

/**
 * The evidence of a red commit: its failing checks (not Foreman's own) with their annotations,
 * then the logs of the failing jobs of its workflow runs' latest attempts. A log that is gone
 * is noted rather than failing the whole call.
 */
export async function failureEvidence(octokit: Octokit, target: Target, sha: string, options: EvidenceOptions): Promise<FailureEvidence> {
  const [checks, jobs] = await Promise.all([failingChecks(octokit, target, sha), failedJobs(octokit, target, sha)]);
  const logs = await Promise.all(
    jobs.map(async (job) => {
      try {
        return { job: job.name, text: await jobLog(octokit, target, job.id, options) };
      } catch (error) {
        if (!isGone(error)) throw error;
        return { job: job.name, text: `(the log of this job is not available: ${(error as Error).message})` };
      }
    }),
  );
  return { checks, logs };
}
