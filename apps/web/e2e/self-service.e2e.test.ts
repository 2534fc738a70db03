/**
 * The self-service quote (issue 12) in Chromium: an anonymous visitor follows the public pricing
 * page's "Configure" link, switches an option (the price follows), gets a located error for a bad
 * email, sends the request, and a seller finds it in the quote list marked as a self-service
 * request with the visitor's contact. The configurator is shot at 1440 px and 360 px.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { shot, shotOf, signedInPage, useHarness } from "./harness.ts";

const h = useHarness();

async function visitorPage(width: number): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width, height: 900 } });
  return context.newPage();
}

const summary = (page: Page) => page.getByRole("region", { name: "Price summary" }).textContent();

describe("the self-service configurator in Chromium", () => {
  it("takes a visitor from the pricing page to a quote request a seller sees", async () => {
    const page = await visitorPage(1440);
    await page.goto(`${h.url}/pricing/acme-collaborate`);
    await page
      .getByRole("article", { name: "Team" })
      .getByRole("link", { name: "Configure Team" })
      .filter({ visible: true })
      .click();
    await page.getByRole("heading", { name: "Configure Team" }).waitFor();
    // The link's monthly billing in USD, with nothing signed in.
    await expect(page.getByLabel("Currency", { exact: true }).inputValue()).resolves.toBe("USD");
    await expect(page.getByText("Sign in").count()).resolves.toBe(0);
    await expect(summary(page)).resolves.not.toContain("Premium support");
    // Team starts with a free trial: the first invoice's 0.00 is explained under the summary.
    await expect(page.getByRole("list", { name: "Notes" }).textContent()).resolves.toMatch(
      /Free trial until/,
    );

    // Standard support is the default pick; switching to Premium replaces it and is priced at once.
    const group = page.getByRole("group", { name: /Support level/ });
    const premium = group.getByRole("radio", { name: /Premium support/ });
    await premium.click();
    await expect.poll(() => summary(page)).toContain("Premium support");
    await expect(premium.isChecked()).resolves.toBe(true);
    await expect(group.getByRole("radio", { name: /Standard support/ }).isChecked()).resolves.toBe(false);
    await shot(page, "self-service-configure-1440");

    await page.getByLabel("Your name", { exact: true }).fill("Ada Lovelace");
    await page.getByLabel("Work email", { exact: true }).fill("ada at analytical");
    await page.getByLabel("Company", { exact: true }).fill("Analytical Engines Ltd");
    await page.getByLabel("Anything we should know (optional)", { exact: true }).fill("We start in January.");
    await page.getByRole("button", { name: "Request quote" }).click();
    const emailProblem = page.locator("#request-email-problem");
    await emailProblem.waitFor();
    await expect(emailProblem.textContent()).resolves.toContain("email address");
    await expect(page.getByLabel("Work email", { exact: true }).getAttribute("aria-invalid")).resolves.toBe(
      "true",
    );
    await shot(page, "self-service-located-error");

    await page.getByLabel("Work email", { exact: true }).fill("ada@analytical.example");
    await page.getByRole("button", { name: "Request quote" }).click();
    const received = page.getByRole("status").filter({ hasText: "Thank you, your request is in" });
    await received.waitFor();
    const reference = (await received.locator("code").textContent())!.trim();
    expect(reference).toMatch(/^q_[0-9a-f]+$/);
    await shot(page, "self-service-received");
    await page.context().close();

    const seller = await signedInPage(h, "seller");
    await seller.getByRole("link", { name: "Quote builder" }).click();
    const row = seller
      .getByRole("row")
      .filter({ hasText: "Analytical Engines Ltd — Team (self-service request)" });
    await row.waitFor();
    await expect(row.getByText("self-service request", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(row.getByText("ada@analytical.example").isVisible()).resolves.toBe(true);
    await expect(row.getByText("draft", { exact: true }).isVisible()).resolves.toBe(true);
    await shot(seller, "self-service-in-quote-list");
    await row.getByRole("link", { name: /Analytical Engines Ltd/ }).click();
    const request = seller.getByRole("region", { name: "Self-service request" });
    await request.waitFor();
    await expect(request.textContent()).resolves.toContain("We start in January.");
    await expect(seller.url()).toContain(reference);
    // The option the visitor switched to is on the quote.
    await expect(seller.getByRole("region", { name: "Offer" }).textContent()).resolves.toContain(
      "Premium support",
    );
    await shot(seller, "self-service-quote-detail");
    await seller.context().close();
  });

  it("fits a phone: the configurator at 360 px", async () => {
    const page = await visitorPage(360);
    await page.goto(`${h.url}/configure/acme-collaborate?package=collab-business&period=year&currency=EUR`);
    await page.getByRole("heading", { name: "Configure Business" }).waitFor();
    await expect(page.getByLabel("Currency", { exact: true }).inputValue()).resolves.toBe("EUR");
    await page.getByRole("button", { name: "Request quote" }).waitFor();
    // Nothing is wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "self-service-configure-360");
    await shotOf(page.getByRole("region", { name: "Term and quantities" }), "self-service-360-terms");
    await shotOf(page.getByRole("region", { name: "Price summary" }), "self-service-360-price");
    await page.context().close();
  });

  it("answers a catalog that is not public in plain words", async () => {
    const page = await visitorPage(1440);
    await page.goto(`${h.url}/configure/brewline`);
    await page.getByText('There is no public catalog "brewline".').waitFor();
    await page.context().close();
    // The 404 of the refused catalog is the app's own answer, not a missing page.
    h.problems.splice(0);
  });
});
