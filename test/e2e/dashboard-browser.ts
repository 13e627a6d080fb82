import { existsSync } from "node:fs";
import { decode } from "fast-png";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium, or the one `CHROMIUM_PATH` names (`.ci/run` installs it). */
function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path))
    throw new Error(`no Chromium at ${path}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  return path;
}

async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}

/** Pixels of a PNG that differ from its top-left pixel (the background) by more than a faint tint. */
function inkedPixels(png: Uint8Array): { inked: number; total: number } {
  const image = decode(png);
  const { data, channels } = image;
  const background = Array.from(data.slice(0, 3));
  let inked = 0;
  for (let index = 0; index < image.width * image.height; index += 1) {
    const offset = index * channels;
    const distance = [0, 1, 2].reduce((sum, channel) => sum + Math.abs(Number(data[offset + channel]) - Number(background[channel])), 0);
    if (distance > 60) inked += 1;
  }
  return { inked, total: image.width * image.height };
}

/** What a person sees on the way through: the overview's workflow links, and the workflow page's graph. */
export interface DashboardTour {
  listed: string[];
  heading: string;
  graphBox: { width: number; height: number };
  graphNodes: number;
  graphPixels: { inked: number; total: number };
  taskRows: number;
  prLinks: string[];
  consoleErrors: string[];
  /** Alerts, confirms and prompts the pages opened: none, as the dashboard runs no script. */
  dialogs: string[];
}

async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/dashboard`);
  await page.fill("#token", token);
  await Promise.all([page.waitForURL(`${url}/dashboard`), page.click("button[type=submit]")]);
}

/** Signs in with the token through the login form, finds `workflowId` listed, opens it and screenshots its graph. */
export async function tourDashboard(url: string, token: string, workflowId: string, screenshotPath?: string): Promise<DashboardTour> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const consoleErrors: string[] = [];
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await signIn(page, url, token);
    const rows = await page.locator("#workflows tr.workflow").all();
    const listed = await Promise.all(rows.map(async (row) => (await row.getAttribute("data-workflow")) ?? ""));
    await Promise.all([page.waitForURL(/\/dashboard\/workflows\//), page.click(`#workflows tr[data-workflow="${workflowId}"] a`)]);
    const graph = page.locator("#graph svg");
    const box = await graph.boundingBox();
    const shot = box ? await page.screenshot({ clip: box, ...(screenshotPath ? { path: screenshotPath } : {}) }) : null;
    return {
      listed,
      heading: await page.locator("h1").innerText(),
      graphBox: { width: box?.width ?? 0, height: box?.height ?? 0 },
      graphNodes: await page.locator("#graph svg g.node").count(),
      graphPixels: shot ? inkedPixels(shot) : { inked: 0, total: 0 },
      taskRows: await page.locator("#tasks tr.task").count(),
      prLinks: await page.locator("#tasks tr.task a").allTextContents(),
      consoleErrors,
      dialogs,
    };
  } finally {
    await browser.close();
  }
}
