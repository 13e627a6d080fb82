import type { IncomingMessage } from "node:http";
import type { Logger } from "pino";
import type { RegisteredApp } from "../adapters/github/convert-manifest.ts";
import { pathOf, type Route } from "../server/routes.ts";
import { appManifest, createAppUrl, MAX_APP_NAME_LENGTH, readAppYml, SETUP_PATHS, type SetupChoices } from "./manifest.ts";
import { donePage, problemPage, setupPage } from "./setup-page.ts";

export interface SetupOptions {
  /** The text of `app.yml`. */
  appYml: string;
  /** Where GitHub's web pages are: github.com, or GitHub Enterprise Server's host. */
  github: { host: string; protocol: string };
  /** The organization to offer first (GH_ORG), or null. */
  org: string | null;
  webhookPath: string;
  /** Where the credentials are written (FOREMAN_ENV_FILE). */
  envFile: string;
  /** The unguessable state GitHub sends back with the code. */
  state: string;
  convert(code: string): Promise<RegisteredApp>;
  /** Writes the credentials to the env file. */
  save(values: Record<string, string>): Promise<void>;
  /** What is still missing once these credentials are set. */
  remaining(values: Record<string, string>): string[];
  log: Logger;
}

/** The URL the browser used to reach this server, behind a proxy too (X-Forwarded-Proto, X-Forwarded-Host). */
function requestBaseUrl(request: IncomingMessage): string {
  const first = (header: string | string[] | undefined): string | undefined =>
    (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim();
  const protocol = first(request.headers["x-forwarded-proto"]) ?? "http";
  const host = first(request.headers["x-forwarded-host"]) ?? request.headers.host ?? "localhost";
  return `${protocol}://${host}`;
}

/** The choices from the page's query, with the defaults, and what is wrong with them. */
function choicesOf(
  request: IncomingMessage,
  defaults: { name: string; org: string | null },
): { choices: SetupChoices; problems: string[] } {
  const query = new URL(request.url ?? "/", "http://localhost").searchParams;
  const name = (query.get("name") ?? defaults.name).trim();
  const org = (query.get("org") ?? defaults.org ?? "").trim();
  const publicUrl = (query.get("url") ?? requestBaseUrl(request)).trim().replace(/\/+$/, "");
  const problems = [
    ...(name === "" || name.length > MAX_APP_NAME_LENGTH ? [`App name: must be 1 to ${MAX_APP_NAME_LENGTH} characters`] : []),
    ...(org === "" || /^[A-Za-z0-9-]+$/.test(org) ? [] : ["Organization: must be an organization's login (letters, digits, hyphens)"]),
    ...(URL.canParse(publicUrl) && /^https?:\/\/[^/]+$/.test(publicUrl)
      ? []
      : ["Public URL: must be http(s)://host[:port], without a path"]),
  ];
  return { choices: { name, org: org === "" ? null : org, publicUrl }, problems };
}

const html = (response: Parameters<Route>[1], status: number, body: string): true => {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(body);
  return true;
};

/**
 * The routes of setup mode (no App credentials yet): `/` sends to `/setup`; `/setup` offers to
 * register the App from `app.yml` through GitHub's App-manifest flow; `/setup/callback` takes
 * GitHub's code, converts it into the credentials and writes them to the env file.
 */
export function setupRoutes(options: SetupOptions): Route[] {
  const appYml = readAppYml(options.appYml);
  let done: string | null = null;
  const page: Route = (request, response) => {
    if (pathOf(request) === "/") {
      response.writeHead(302, { location: SETUP_PATHS.page }).end();
      return true;
    }
    if (pathOf(request) !== SETUP_PATHS.page) return false;
    if (done !== null) return html(response, 200, done);
    const { choices, problems } = choicesOf(request, { name: appYml.name, org: options.org });
    const manifest = appManifest(appYml, choices, options.webhookPath);
    const createUrl = createAppUrl(options.github, choices.org, options.state);
    const webhookUrl = `${choices.publicUrl}${options.webhookPath}`;
    return html(response, 200, setupPage({ choices, problems, createUrl, manifest, webhookUrl, envFile: options.envFile }));
  };
  const callback: Route = async (request, response) => {
    if (pathOf(request) !== SETUP_PATHS.callback) return false;
    const query = new URL(request.url ?? "/", "http://localhost").searchParams;
    const code = query.get("code") ?? "";
    if (query.get("state") !== options.state || !/^[A-Za-z0-9_-]+$/.test(code))
      return html(
        response,
        400,
        problemPage(
          "Not a registration from this setup page",
          "The link lacks this server's state or GitHub's code: register the App from the setup page.",
        ),
      );
    if (done !== null) return html(response, 200, done);
    done = await register(code, options, response);
    return true;
  };
  return [page, callback];
}

/** Converts the code, writes the credentials, answers the done page (returned, to show again), or a problem page (null). */
async function register(code: string, options: SetupOptions, response: Parameters<Route>[1]): Promise<string | null> {
  let app: RegisteredApp;
  try {
    app = await options.convert(code);
  } catch (error) {
    options.log.error({ err: error }, "GitHub did not convert the App manifest's code");
    const reason = error instanceof Error ? error.message : String(error);
    html(
      response,
      502,
      problemPage("GitHub did not register the App", `${reason}. A code is good once and for an hour: register again from the setup page.`),
    );
    return null;
  }
  const values = {
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey,
    ...(app.webhookSecret === null ? {} : { WEBHOOK_SECRET: app.webhookSecret }),
  };
  await options.save(values);
  options.log.info(
    { appId: app.id, slug: app.slug, envFile: options.envFile },
    "the GitHub App is registered and its credentials written; install it, then restart Foreman",
  );
  const page = donePage({ appName: app.name, appUrl: app.htmlUrl, envFile: options.envFile, remaining: options.remaining(values) });
  html(response, 200, page);
  return page;
}
