/** A collaborator's role on a repository, as GitHub names it. */
export type Permission = "none" | "read" | "triage" | "write" | "maintain" | "admin";
