import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appManifest, createAppUrl, readAppYml } from "../../../src/setup/manifest.ts";
import { escapeHtml, setupPage } from "../../../src/setup/setup-page.ts";

const APP_YML = readAppYml(readFileSync(join(import.meta.dirname, "..", "..", "..", "app.yml"), "utf8"));
const CHOICES = { name: "Acme's Foreman", publicUrl: "https://foreman.acme.test", org: null };

describe("the App manifest from app.yml", () => {
  it("keeps app.yml's events and permissions, and points the webhook and the callback at the public URL", () => {
    const manifest = appManifest(APP_YML, CHOICES, "/api/github/webhooks");

    expect(manifest).toMatchObject({
      name: "Acme's Foreman",
      public: false,
      default_events: APP_YML.default_events,
      default_permissions: APP_YML.default_permissions,
      hook_attributes: { url: "https://foreman.acme.test/api/github/webhooks", active: true },
      redirect_url: "https://foreman.acme.test/setup/callback",
    });
  });

  it("sends it to the user's or the organization's new-App page, on github.com or GitHub Enterprise Server", () => {
    expect(createAppUrl({ host: "github.com", protocol: "https" }, null, "s1")).toBe("https://github.com/settings/apps/new?state=s1");
    expect(createAppUrl({ host: "ghe.acme.test", protocol: "http" }, "acme", "s2")).toBe(
      "http://ghe.acme.test/organizations/acme/settings/apps/new?state=s2",
    );
  });

  it("refuses an app.yml without events or permissions, naming the file", () => {
    expect(() => readAppYml("name: x\n")).toThrow(/^app\.yml is not a GitHub App manifest: default_events: /);
  });
});

describe("the setup page", () => {
  const data = {
    choices: CHOICES,
    createUrl: "https://github.com/settings/apps/new?state=s",
    manifest: appManifest(APP_YML, CHOICES, "/api/github/webhooks"),
    webhookUrl: "https://foreman.acme.test/api/github/webhooks",
    envFile: ".env",
  };

  it("posts the manifest as one escaped attribute that reads back as the manifest", () => {
    const html = setupPage({ ...data, problems: [] });
    const value = /name="manifest" value="([^"]*)"/.exec(html)?.[1] ?? "";
    const unescaped = value
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");

    expect(JSON.parse(unescaped)).toEqual(data.manifest);
    expect(html).toContain('<form action="https://github.com/settings/apps/new?state=s" method="post">');
  });

  it("shows the problems and no register button while a choice is wrong", () => {
    const html = setupPage({ ...data, problems: ["Public URL: must be http(s)://host[:port], without a path"] });

    expect(html).toContain("Public URL: must be http(s)://host[:port], without a path");
    expect(html).not.toContain('name="manifest"');
  });

  it("escapes what goes into HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
