import { WorkflowId } from "../../domain/ids.ts";

const WORKFLOW_PREFIX = "/dashboard/workflows/";

/** `/dashboard/workflows/<owner>/<repo>/<issue>` for a workflow id `owner/repo#issue`. */
export function workflowPath(id: string): string {
  const parts = WorkflowId.parse(id);
  if (!parts) return "/dashboard";
  return `${WORKFLOW_PREFIX}${encodeURIComponent(parts.owner)}/${encodeURIComponent(parts.repo)}/${parts.issue}`;
}

/** The workflow id a dashboard path names, or null. */
export function workflowIdOf(pathname: string): string | null {
  if (!pathname.startsWith(WORKFLOW_PREFIX)) return null;
  const segments = pathname.slice(WORKFLOW_PREFIX.length).split("/");
  if (segments.length !== 3) return null;
  try {
    const [owner, repo, issue] = segments.map((segment) => decodeURIComponent(segment));
    const id = `${owner ?? ""}/${repo ?? ""}#${issue ?? ""}`;
    return WorkflowId.parse(id) ? id : null;
  } catch {
    return null;
  }
}
