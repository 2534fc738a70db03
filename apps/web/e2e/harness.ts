/**
 * Boots what a user gets from `pnpm start`, on loopback: a fresh build of the web app, the real
 * server on a new PGlite directory seeded with the sample catalogs and demo tokens, and Debian's
 * Chromium through playwright-core (never a downloaded browser).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bootstrap, createServer, type TesseraServer } from "@tessera/server";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import { buildWebApp } from "./build.ts";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
export const artifactsDir = join(repoRoot, "test-artifacts", "e2e");

export interface Harness {
  url: string;
  tokens: Record<string, string>;
  browser: Browser;
  server: TesseraServer;
  /**
   * What went wrong in the pages so far: uncaught exceptions, console errors other than HTTP
   * statuses the app handles (401, 409…), and responses 404 (a missing asset or route).
   */
  problems: string[];
  close: () => Promise<void>;
}

/** `examples: false` starts with no catalog at all (the demo tokens only). */
export async function startHarness(options: { examples?: boolean } = {}): Promise<Harness> {
  const scratch = mkdtempSync(join(tmpdir(), "tessera-e2e-"));
  const noExamples = join(scratch, "no-examples");
  mkdirSync(noExamples);
  // The e2e project's global setup builds the app once for every file (e2e/global-setup.ts);
  // a harness started outside it builds its own.
  const shared = inject("webDist");
  const webDist = shared ?? join(scratch, "web");
  const server = createServer({
    dataDir: join(scratch, "pglite"),
    port: 0,
    host: "127.0.0.1",
    webDist,
    log: () => {},
  });
  // The build and the database's first start are independent: do them at once.
  const [, { url }] = await Promise.all([shared ? undefined : buildWebApp(webDist), server.start()]);
  const seeded = await bootstrap(server.services, {
    demo: true,
    examplesDir: options.examples === false ? noExamples : join(repoRoot, "schemas", "examples"),
    log: () => {},
  });
  if (!seeded) throw new Error("A fresh data directory was not seeded.");
  const tokens = Object.fromEntries(seeded.tokens.map((t) => [t.label ?? t.role, t.token]));
  mkdirSync(artifactsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const problems: string[] = [];
  // Every page of every context reports into `problems`.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on("page", (page) => watch(page, problems));
    return context;
  };
  return {
    url,
    tokens,
    browser,
    server,
    problems,
    close: async () => {
      await browser.close();
      await server.stop(2_000);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * One harness for a test file: started before its tests, closed after them, and after each test
 * no page may have reported a problem (an uncaught exception, a console error, a missing asset).
 * The object is filled in when the harness has started.
 */
export function useHarness(options: { examples?: boolean } = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(options));
  });
  afterAll(async () => {
    await h.close?.();
  });
  afterEach(() => {
    expect(h.problems.splice(0)).toEqual([]);
  });
  return h;
}

function watch(page: Page, problems: string[]): void {
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
      problems.push(`console: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() === 404) problems.push(`404: ${r.url()}`);
  });
}

/** A new signed-in page at laptop width. */
export async function signedInPage(h: Harness, role: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(h.url);
  await page.getByLabel("API token").fill(h.tokens[role] ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  // A labelled token (the demo sales manager, "approver") shows its role, seller.
  await page.getByText(/Signed in as/).waitFor();
  return page;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

/** A screenshot of one part of the page (a long page's full shot is hard to read). */
export async function shotOf(part: Locator, name: string): Promise<void> {
  await part.screenshot({ path: join(artifactsDir, `${name}.png`) });
}
