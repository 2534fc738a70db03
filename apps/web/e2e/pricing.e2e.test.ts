/**
 * The public pricing page (issue 12) in Chromium at 360 px and 1440 px, served without a token for
 * the sample catalog `pnpm start` marks public: every tier fits the width, the monthly/annual
 * toggle and the currency switch work without script, and the one-script-tag embed renders the
 * table in an iframe on another page.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, shot, signedInPage, startHarness } from "./harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

afterEach(() => {
  expect(h.problems.splice(0)).toEqual([]);
});

describe("the public pricing page in Chromium", () => {
  for (const width of [360, 1440]) {
    it(`shows the tiers at ${width} px, toggles annual billing and switches currency`, async () => {
      const context = await h.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const response = await page.goto(`${h.url}/pricing/acme-collaborate`);
      expect(response?.status()).toBe(200);
      const cards = page.getByRole("article");
      await expect(cards.count()).resolves.toBe(4);
      const team = page.getByRole("article", { name: "Team" });
      // Nothing runs off the side, at either width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(page.getByText("Most popular").isVisible()).resolves.toBe(true);
      await expect(team.getByText("$120.00").isVisible()).resolves.toBe(true);
      await shot(page, `pricing-${width}-monthly`);

      await page.getByText("Annual", { exact: false }).first().click();
      await expect(team.getByText("$95.00").isVisible()).resolves.toBe(true);
      await expect(team.getByText("$120.00").isVisible()).resolves.toBe(false);
      await expect(team.getByText("Save $300.00 a year (20%)").isVisible()).resolves.toBe(true);

      await page.locator('label[for="c-EUR"]').click();
      await expect(team.locator(".amt:visible").textContent()).resolves.toContain("€");
      const configure = team.getByRole("link", { name: "Configure Team" }).filter({ visible: true });
      await expect(configure.getAttribute("href")).resolves.toBe(
        "/configure/acme-collaborate?package=collab-team&period=year&currency=EUR",
      );
      await shot(page, `pricing-${width}-annual-eur`);
      await context.close();
    });
  }

  it("embeds with one script tag on another site", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    // Another site: a page on another origin (another port) with the one script tag.
    const site = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html><body><h1>Our plans</h1><script src="${h.url}/pricing/embed.js" data-catalog="acme-collaborate"></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    const { port } = site.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    const frame = page.frameLocator("iframe[title='Pricing']");
    await frame.getByRole("article", { name: "Business" }).getByText("Most popular").waitFor();
    // The embed reports its height, so the whole table shows without a scroll bar inside.
    await expect
      .poll(() =>
        page.locator("iframe").evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height),
      )
      .toBeGreaterThan(400);
    await shot(page, "pricing-embed");
    await context.close();
    await new Promise((resolve) => site.close(resolve));
  });

  it("lets a signed-in seller take a Configure link into the quote builder", async () => {
    const page = await signedInPage(h, "seller");
    await page.goto(`${h.url}/pricing/acme-collaborate`);
    await page.getByText("Annual", { exact: false }).first().click();
    await page
      .getByRole("article", { name: "Team" })
      .getByRole("link", { name: "Configure Team" })
      .filter({ visible: true })
      .click();
    // The public configurator, where a seller may switch to the quote builder with the same plan.
    await page.getByRole("heading", { name: "Configure Team" }).waitFor();
    await page.getByRole("link", { name: "Open in the quote builder" }).click();
    await page.getByRole("heading", { name: "New quote" }).waitFor();
    await page.getByRole("heading", { name: "Configure Team" }).waitFor();
    await shot(page, "pricing-configure-link");
  });

  it("lets a designer make a catalog public from the catalog list", async () => {
    const page = await signedInPage(h, "designer");
    expect((await page.request.get(`${h.url}/pricing/brewline`)).status()).toBe(404);
    await page.getByRole("button", { name: "Make public: Brewline" }).click();
    await page.getByRole("button", { name: "Make private: Brewline" }).waitFor();
    const res = await page.request.get(`${h.url}/pricing/brewline`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain("Brewline");
    await page.getByRole("button", { name: "Make private: Brewline" }).click();
    await page.getByRole("button", { name: "Make public: Brewline" }).waitFor();
    expect((await page.request.get(`${h.url}/pricing/brewline`)).status()).toBe(404);
  });
});
