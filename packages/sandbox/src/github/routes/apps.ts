import { issueInstallationToken } from "../auth.ts";
import { intParam, type RouteContext, type RouteTable } from "../context.ts";
import { ApiError, notFound } from "../errors.ts";
import { serializeApp } from "../serializers/issue.ts";
import { serializeRoot } from "../serializers/root.ts";
import { serializeUser } from "../serializers/user.ts";
import type { Installation, SandboxApp } from "../state/types.ts";

function requireApp(context: RouteContext): SandboxApp {
  if (context.actor.kind !== "app") {
    throw new ApiError(401, "A JSON web token could not be decoded");
  }
  return context.actor.app;
}

function serializeInstallation(context: RouteContext, installation: Installation, app: SandboxApp): Record<string, unknown> {
  const { urls } = context.core;
  return {
    id: installation.id,
    account: serializeUser(urls, installation.account),
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.html}/settings/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: installation.account.id,
    target_type: installation.account.type === "Organization" ? "Organization" : "User",
    permissions: app.permissions,
    events: app.events,
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    repository_selection: "all",
    suspended_at: null,
    suspended_by: null,
  };
}

function installationOf(context: RouteContext, app: SandboxApp, id: number): Installation {
  const installation = context.core.store.installations.get(id);
  if (!installation || installation.appId !== app.id) throw notFound();
  return installation;
}

export const appRoutes: RouteTable = {
  "apps/get-authenticated": (context) => ({ body: serializeApp(context.core.urls, requireApp(context)) }),

  "apps/list-installations": (context) => {
    const app = requireApp(context);
    const installations = [...context.core.store.installations.values()].filter((item) => item.appId === app.id);
    return { body: installations.map((item) => serializeInstallation(context, item, app)) };
  },

  "apps/get-installation": (context) => {
    const app = requireApp(context);
    return { body: serializeInstallation(context, installationOf(context, app, intParam(context, "installation_id")), app) };
  },

  "apps/get-repo-installation": (context) => {
    const app = requireApp(context);
    const repo = context.core.store.findRepository(context.params.owner ?? "", context.params.repo ?? "");
    const installation = repo ? context.core.store.installationFor(repo) : undefined;
    if (!installation || installation.appId !== app.id) throw notFound();
    return { body: serializeInstallation(context, installation, app) };
  },

  "apps/create-installation-access-token": (context) => {
    const app = requireApp(context);
    const installation = installationOf(context, app, intParam(context, "installation_id"));
    if (installation.suspended) throw new ApiError(403, "This installation has been suspended");
    const { token, expiresAt } = issueInstallationToken(context.core.store, installation);
    return {
      status: 201,
      body: { token, expires_at: expiresAt, permissions: app.permissions, repository_selection: "all" },
    };
  },

  "meta/root": (context) => ({ body: serializeRoot(context.core.urls) }),

  "rate-limit/get": () => {
    const reset = Math.ceil(Date.now() / 1000) + 3600;
    const resource = { limit: 5000, used: 0, remaining: 5000, reset };
    return { body: { resources: { core: resource, graphql: resource, search: resource }, rate: resource } };
  },
};
