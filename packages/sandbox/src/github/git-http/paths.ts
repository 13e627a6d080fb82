/** What a smart HTTP request asks of a repository, at GitHub's URL shape `/<owner>/<repo>.git/...`. */
type GitHttpAction = "advertise" | "upload-pack" | "push" | "dumb";

export interface GitHttpTarget {
  owner: string;
  name: string;
  action: GitHttpAction;
  /** The method git uses for this path: GET for `info/refs` and dumb paths, POST for the services. */
  method: "GET" | "POST";
}

const GIT_PATH = /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)\.git\/(info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.*)$/;

function advertisement(service: string | null): GitHttpAction {
  if (service === "git-upload-pack") return "advertise";
  return service === "git-receive-pack" ? "push" : "dumb";
}

/** The repository and action a request names, or null when the path is not a git path. */
export function gitHttpTarget(url: URL): GitHttpTarget | null {
  const match = GIT_PATH.exec(url.pathname);
  if (!match) return null;
  const [, owner = "", name = "", rest = ""] = match;
  if (rest === "info/refs") return { owner, name, action: advertisement(url.searchParams.get("service")), method: "GET" };
  if (rest === "git-upload-pack") return { owner, name, action: "upload-pack", method: "POST" };
  if (rest === "git-receive-pack") return { owner, name, action: "push", method: "POST" };
  return { owner, name, action: "dumb", method: "GET" };
}
