/**
 * The designer's forms for what only the JSON tab reached before: price books and quote policy,
 * service details, terms and payment terms, trials, add-on compatibility, renewal, termination and
 * retention offers; ids renamed with every reference following; deletion that shows references
 * first. Screenshots at 1440×900 go to test-artifacts/e2e/.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, shot, shotOf, startHarness } from "./harness.ts";

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

async function openDraft(catalog: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(h.url);
  await page.getByLabel("API token").fill(h.tokens.designer ?? "");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: `Edit draft of ${catalog}` }).click();
  await page.getByRole("heading", { name: catalog, level: 1 }).waitFor();
  return page;
}

async function openPackage(page: Page, name: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Catalog sections" })
    .getByRole("button", { name, exact: true })
    .click();
  await page.getByRole("heading", { name: new RegExp(`^${name}`), level: 2 }).waitFor();
  // These checks read across sections: show them all at once.
  await page
    .getByRole("navigation", { name: "Package outline" })
    .getByRole("button", { name: "All sections" })
    .click();
}

describe("the designer's forms", () => {
  it("edits price books, the quote policy and a service's entitlements", async () => {
    const page = await openDraft("Acme Collaborate");
    await page.getByText("0 errors").waitFor();
    const books = page.getByRole("table", { name: "Price books" });
    await expect(books.getByLabel("Name of price book partner").inputValue()).resolves.toMatch(/^Partner/);
    await page.getByLabel("New price book name").fill("Promotional 2027");
    await expect(page.getByLabel("Price book id").inputValue()).resolves.toBe("promotional-2027");
    await page.getByLabel("Price book id").fill("Promo!");
    await page.getByRole("alert").filter({ hasText: "lower-case" }).waitFor();
    await page.getByLabel("Price book id").fill("promo");
    await page.getByRole("button", { name: "Add price book" }).click();
    await books.getByLabel("Name of price book promo").waitFor();
    await page.getByLabel("Largest discount allowed (%)").fill("35");
    await shot(page, "40-designer-overview-forms");

    await page.getByRole("button", { name: /^Services/ }).click();
    await page.getByRole("button", { name: "Details of User seat" }).click();
    await shotOf(page.getByRole("region", { name: "Service library" }), "41-designer-service-details");
    await page.getByText("0 errors").waitFor();
    await page.context().close();
  });

  it("shows and edits terms, trial, add-on compatibility, renewal and termination", async () => {
    const page = await openDraft("Acme Collaborate");
    await openPackage(page, "Team");
    const terms = page.getByRole("table", { name: "Contract terms" });
    await expect(terms.getByLabel("Term 2 discount percent").inputValue()).resolves.toBe("5");
    await expect(page.getByLabel("Phase 1 Length", { exact: true }).inputValue()).resolves.toBe("14");
    await expect(page.getByLabel("Price on renewal").inputValue()).resolves.toBe("capped");
    await expect(page.getByLabel("Uplift cap (%)").inputValue()).resolves.toBe("7");
    // Another price policy leaves no uplift cap behind.
    await page.getByLabel("Price on renewal").selectOption("locked");
    await expect(page.getByLabel("Uplift cap (%)").count()).resolves.toBe(0);
    await page.getByLabel("Early termination fee").selectOption("flat");
    await page.getByLabel("Fee in USD").fill("500.00");
    await page.getByText("0 errors").waitFor();
    await shotOf(page.getByRole("region", { name: "Terms and billing" }), "42-designer-terms");
    await shotOf(page.getByRole("region", { name: "Renewal" }), "43-designer-renewal");
    await shotOf(page.getByRole("region", { name: "Termination" }), "44-designer-termination");

    await openPackage(page, "Business");
    await shotOf(page.getByRole("region", { name: "Option groups" }), "47-designer-option-groups");
    // Charges fold to a line each: unfold this one for its picture.
    const fold = page.locator("summary").filter({ hasText: /^Business seats/ });
    if ((await page.getByRole("region", { name: /^Charge Business seats/ }).count()) === 0)
      await fold.click();
    await shotOf(page.getByRole("region", { name: /^Charge Business seats/ }), "48-designer-charge");
    await shotOf(page.getByRole("region", { name: "Components" }), "49-designer-components");
    await shot(page, "50-designer-package-page");

    await openPackage(page, "Compliance archive");
    const fits = page.getByRole("region", { name: "Which bases it fits" });
    await expect(fits.getByLabel("Minimum base tier").inputValue()).resolves.toBe("3");
    await expect(fits.getByLabel("When the base changes to one it does not fit").inputValue()).resolves.toBe(
      "block",
    );
    await shotOf(fits, "45-designer-addon-compatibility");
    await page.context().close();
  });

  it("renames an id and every reference follows; refuses to delete what is still referred to", async () => {
    const page = await openDraft("Acme Collaborate");
    await openPackage(page, "Team");
    const seats = page.getByLabel("Id of component Seats");
    await seats.fill("team-users");
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByLabel("Id of component Seats").inputValue()).resolves.toBe("team-users");
    // The seat charge and the storage rule follow the new id: the catalog stays valid.
    await page.getByText("0 errors").waitFor();
    await page
      .locator("summary")
      .filter({ hasText: /^Team seats/ })
      .click();
    await expect(
      page
        .getByRole("region", { name: /^Charge Team seats/ })
        .getByLabel("Charged on")
        .inputValue(),
    ).resolves.toBe("component:team-users");

    await page.getByRole("button", { name: /^Services/ }).click();
    await page.getByRole("button", { name: "Delete User seat" }).click();
    const refusal = page.getByRole("alertdialog", { name: "Before deleting User seat" });
    await refusal.waitFor();
    await expect(refusal.getByRole("listitem").count()).resolves.toBeGreaterThanOrEqual(4);
    await expect(refusal.getByRole("button", { name: "Delete with its references" }).count()).resolves.toBe(
      0,
    );
    await shotOf(page.getByRole("region", { name: "Service library" }), "46-designer-delete-refused");
    await refusal.getByRole("button", { name: "Close" }).click();
    await page.context().close();
  });
});
