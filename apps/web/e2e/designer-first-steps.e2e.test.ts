/**
 * A product manager's first hour in the designer, in real Chromium at 1440×900: a new catalog
 * named before its id, a package whose name is cleared, an amount the currency cannot charge, the
 * breaking change of a deleted package and a JSON paste with a typo. Each step checks what the
 * screen says, in words, and where. Screenshots go to test-artifacts/e2e/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { shot, shotOf, useHarness } from "./harness.ts";

const h = useHarness();

async function signIn(): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(h.url);
  await page.getByLabel("API token").fill(h.tokens.designer ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Catalog designer", level: 1 }).waitFor();
  return page;
}

const section = (page: Page, name: string | RegExp) =>
  page.getByRole("navigation", { name: "Catalog sections" }).getByRole("button", { name, exact: true });

describe("a product manager's first steps in the designer", () => {
  it("names a new catalog first; its id follows the name and a taken id is refused with the reason", async () => {
    const page = await signIn();
    const form = page.getByRole("form", { name: "New catalog" });
    await form.getByLabel("Name", { exact: true }).fill("Helpdesk Suite");
    await expect(form.getByLabel("Id", { exact: true }).inputValue()).resolves.toBe("helpdesk-suite");
    // A name whose id is taken gets a free one; a hand-typed taken id is refused, saying why.
    await form.getByLabel("Name", { exact: true }).fill("Brewline");
    await expect(form.getByLabel("Id", { exact: true }).inputValue()).resolves.toBe("brewline-2");
    await form.getByLabel("Id", { exact: true }).fill("brewline");
    await expect(form.getByRole("alert").textContent()).resolves.toBe(
      "The id “brewline” is already used by another catalog.",
    );
    await expect(form.getByRole("button", { name: "Create draft" }).isDisabled()).resolves.toBe(true);
    await shotOf(form, "70-first-steps-new-catalog");
    await form.getByLabel("Id", { exact: true }).fill("helpdesk");
    await form.getByLabel("Name", { exact: true }).fill("Helpdesk");
    await form.getByRole("button", { name: "Create draft" }).click();
    await page.getByRole("heading", { name: "Helpdesk", level: 1 }).waitFor();
    await expect(page.getByText(/^helpdesk · draft revision 1/).count()).resolves.toBe(1);
    await page.context().close();
  });

  it("keeps a package with a cleared name findable, and a long diagnostic inside the page", async () => {
    const page = await signIn();
    await page.getByRole("button", { name: "Edit draft of Acme Collaborate" }).click();
    await page.getByRole("heading", { name: "Acme Collaborate", level: 1 }).waitFor();
    await section(page, "Team").click();
    await page.getByLabel("Name", { exact: true }).fill("");
    // The sidebar, the outline and the heading show the id, marked, instead of an empty pill.
    await section(page, "collab-team (no name)").waitFor();
    await expect(
      page.getByRole("navigation", { name: "Package outline" }).getByText("collab-team (no name)").count(),
    ).resolves.toBe(1);
    await page.getByText("Required: the name buyers see on quotes and the pricing page.").waitFor();
    const diagnostics = page.getByRole("region", { name: "Diagnostics" });
    await diagnostics.getByText(/^`name` of package `collab-team`/).waitFor();
    await shot(page, "71-first-steps-blank-name");
    await page.getByLabel("Name", { exact: true }).fill("Team");

    // 0.005 USD on a flat fee: the message names the price point in words and wraps in the panel.
    await page.getByRole("button", { name: "Charges", exact: true }).click();
    const fee = page.locator('[data-fold="team-premium-support-fee"]');
    await fee.locator("> summary").click();
    await fee.locator("summary", { hasText: /^Price points/ }).click();
    // The flat monthly fee's first price point, in USD.
    await page.locator('[data-pointer="/packages/1/charges/2/pricePoints/0/amount"]').fill("0.005");
    const message = diagnostics.getByText(/^`amount` of price point 1 of charge `team-premium-support-fee`/);
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain("USD amounts have 2 decimals");
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    const box = await diagnostics.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1440);
    await shotOf(diagnostics, "72-first-steps-amount-precision");
    await page.context().close();
  });

  it("names what a deletion touches and what the publish diff breaks in words, then says where JSON is broken", async () => {
    const page = await signIn();
    await page.getByRole("button", { name: "Edit draft of Acme Collaborate" }).click();
    await page.getByRole("heading", { name: "Acme Collaborate", level: 1 }).waitFor();
    await section(page, "Team").click();
    await page.getByRole("button", { name: "Delete package Team" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Before deleting package Team" });
    await expect(dialog.getByRole("list").textContent()).resolves.toContain(
      "Place 2 in the display order of portfolio “collab”",
    );
    await shotOf(dialog, "73-first-steps-delete-team");
    await dialog.getByRole("button", { name: "Delete with its references" }).click();
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Saved as revision \d+/).waitFor();
    await page.getByRole("button", { name: "Publish…" }).click();
    const changes = page.getByRole("table", { name: "Changes for consuming services" });
    await expect(changes.textContent()).resolves.toContain("The package “Team” (collab-team) was removed.");
    await shotOf(changes, "74-first-steps-breaking-diff");
    await page
      .getByRole("dialog", { name: "Publish Acme Collaborate" })
      .getByRole("button", { name: "Cancel" })
      .click();

    await section(page, "JSON").click();
    await page.getByRole("textbox", { name: "Catalog JSON" }).fill('{"id": "acme-collaborate", "name": ');
    await page.getByRole("button", { name: "Apply JSON" }).click();
    const alert = page.locator("#catalog-json-problems");
    await expect(alert.textContent()).resolves.toContain(
      "Not applied: the text is not valid JSON; fix it where the line and column below say.",
    );
    await expect(alert.textContent()).resolves.toContain("line 1, column");
    await page.context().close();
  });

  it("offers the ladder's billing periods and phases in words, not as schema values", async () => {
    const page = await signIn();
    await page.getByRole("button", { name: "Edit draft of Nimbus Connect" }).click();
    await page.getByRole("heading", { name: "Nimbus Connect", level: 1 }).waitFor();
    await section(page, "Paths & ladders").click();
    const period = page.getByLabel("Billing period of the customer");
    await expect(period.locator("option").allTextContents()).resolves.toEqual([
      "week",
      "two weeks",
      "month",
      "quarter",
      "half year",
      "year",
      "upfront",
    ]);
    await period.selectOption("half_year");
    await expect(period.inputValue()).resolves.toBe("half_year");
    await expect(
      page.getByLabel("Phase of the customer").locator("option", { hasText: "fixed term" }).count(),
    ).resolves.toBe(1);
    await page.context().close();
  });
});
