/**
 * The catalog designer v2 in Chromium against the real server: safety (undo/redo, the
 * unsaved-changes guard, one save per double click, JSON that is not a catalog), the packaging
 * matrix and the price grid. Screenshots at 1440×900 go to test-artifacts/e2e/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { shot, shotOf, useHarness } from "./harness.ts";

const h = useHarness();

/** A designer at 1440×900 on the draft of `catalog`. */
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

describe("the catalog designer v2", () => {
  it("undoes and redoes edits with the buttons and the keyboard", async () => {
    const page = await openDraft("Nimbus Connect");
    const description = page.getByLabel("Description");
    const before = await description.inputValue();
    await description.fill("Homes and small offices.");
    await page.getByRole("button", { name: /^Services/ }).click();
    await page.locator("[data-pointer='/services/0/name']").fill("Mobile data");
    await page.getByText(/· unsaved changes/).waitFor();

    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.locator("[data-pointer='/services/0/name']").inputValue()).resolves.not.toBe(
      "Mobile data",
    );
    await page.getByRole("button", { name: "Overview & portfolios" }).click();
    await expect(description.inputValue()).resolves.toBe("Homes and small offices.");
    await page.keyboard.press("Control+z");
    await expect(description.inputValue()).resolves.toBe(before);
    // Everything undone: the draft is as saved again.
    await expect(page.getByText(/· unsaved changes/).count()).resolves.toBe(0);
    await page.keyboard.press("Control+Shift+z");
    await expect(description.inputValue()).resolves.toBe("Homes and small offices.");
    await page.getByRole("button", { name: "Redo" }).click();
    await page.getByRole("button", { name: /^Services/ }).click();
    await expect(page.locator("[data-pointer='/services/0/name']").inputValue()).resolves.toBe("Mobile data");
    await page.context().close();
  });

  it("asks before leaving unsaved edits, saves once on a double click, and stays on Stay", async () => {
    const page = await openDraft("Nimbus Connect");
    await page.getByLabel("Description").fill("Edited, not saved.");
    await page.getByRole("link", { name: "Catalog designer" }).click();
    const dialog = page.getByRole("dialog", { name: "Leave with unsaved changes?" });
    await dialog.waitFor();
    await shot(page, "30-designer-leave-guard");
    await dialog.getByRole("button", { name: "Stay on this page" }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(page.getByLabel("Description").inputValue()).resolves.toBe("Edited, not saved.");

    // A double click on Save sends one save: the revision goes up by one, not two.
    const saves: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("catalogs.updateDraft")) saves.push(r.url());
    });
    const revision = Number((await page.getByText(/draft revision \d+/).textContent())?.match(/\d+/)?.[0]);
    await page.getByRole("button", { name: "Save draft" }).dblclick();
    await page.getByText(`Saved as revision ${revision + 1}.`).waitFor();
    expect(saves).toHaveLength(1);

    // Saved: leaving asks nothing.
    await page.getByRole("link", { name: "Catalog designer" }).click();
    await page.getByRole("heading", { name: "Catalog designer" }).waitFor();
    await page.getByRole("button", { name: "Edit draft of Nimbus Connect" }).click();
    await page.getByLabel("Description").fill("Leaving this behind.");
    await page.getByRole("link", { name: "Catalog designer" }).click();
    await dialog.getByRole("button", { name: "Leave without saving" }).click();
    await page.getByRole("heading", { name: "Catalog designer" }).waitFor();
    await page.context().close();
  });

  it("refuses JSON that is valid JSON but not a catalog, and keeps the editor", async () => {
    const page = await openDraft("Nimbus Connect");
    await page.getByRole("button", { name: "JSON" }).click();
    const text = page.getByRole("textbox", { name: "Catalog JSON" });
    for (const notACatalog of ["{}", "[1, 2]", '{"name": "x", "packages": "many"}', "null"]) {
      await text.fill(notACatalog);
      await page.getByRole("button", { name: "Apply JSON" }).click();
      await expect(page.getByRole("alert").first().textContent()).resolves.toContain(
        "this is not a catalog document",
      );
    }
    await page.getByRole("button", { name: "Overview & portfolios" }).click();
    await expect(page.getByLabel("Name", { exact: true }).inputValue()).resolves.toBe("Nimbus Connect");
    await expect(page.getByText(/· unsaved changes/).count()).resolves.toBe(0);
    await page.context().close();
  });

  it("edits the packaging matrix in place and refuses to orphan a charge", async () => {
    const page = await openDraft("Acme Collaborate");
    await page.getByRole("button", { name: "Packaging matrix" }).click();
    const matrix = page.getByRole("table", { name: "Packaging matrix" });
    await matrix.waitFor();
    await shot(page, "31-designer-matrix");
    await expect(
      matrix.getByLabel("Included quantity of User seat in Enterprise").inputValue(),
    ).resolves.toBe("50");
    // Sandbox becomes part of Team, with 2 included, by two edits in its cell.
    await matrix.getByLabel("Sandbox workspace in Team", { exact: true }).selectOption("included");
    const quantity = matrix.getByLabel("Included quantity of Sandbox workspace in Team");
    await quantity.fill("2");
    await page.getByText(/· unsaved changes/).waitFor();
    // Premium support on Team is charged by a fee: removing it is refused with the reference.
    await matrix.getByLabel("Premium support in Team", { exact: true }).selectOption("none");
    const refusal = page.getByRole("alert").filter({ hasText: "was not changed" });
    await expect(refusal.textContent()).resolves.toContain("/packages/1/charges/2/option");
    await expect(matrix.getByLabel("Premium support in Team", { exact: true }).inputValue()).resolves.toBe(
      "option",
    );
    await shot(page, "32-designer-matrix-edited");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Saved as revision \d+/).waitFor();
    await page.getByRole("button", { name: "Team", exact: true }).click();
    await page
      .getByRole("navigation", { name: "Package outline" })
      .getByRole("button", { name: "Components" })
      .click();
    await expect(page.locator("[data-pointer^='/packages/1/components/3']").count()).resolves.toBeGreaterThan(
      0,
    );
    await page.context().close();
  });

  it("prices a charge like a spreadsheet: paste a block, fill by exchange rate, undo the fill", async () => {
    const page = await openDraft("Acme Collaborate");
    await page.getByRole("button", { name: "Price grid" }).click();
    await page.getByLabel("Package", { exact: true }).selectOption({ label: "Team" });
    const grid = page.getByRole("region", { name: "Prices of Premium support" });
    await grid.waitFor();
    const cell = (currency: string, period: string) =>
      grid.getByLabel(`Premium support: ${currency}, ${period}`, { exact: true });
    // A 2×2 block copied from a spreadsheet, pasted at USD per month.
    await cell("USD", "month").evaluate((el) => {
      const data = new DataTransfer();
      data.setData("text/plain", "109.00\t99.00\n1,090.00\t990.00\n");
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(cell("USD", "month").inputValue()).resolves.toBe("109.00");
    await expect(cell("EUR", "month").inputValue()).resolves.toBe("99.00");
    await expect(cell("USD", "year").inputValue()).resolves.toBe("1090.00");
    await expect(cell("EUR", "year").inputValue()).resolves.toBe("990.00");

    const jpyBefore = await cell("JPY", "month").inputValue();
    await grid.getByLabel("Rate from USD to GBP").fill("0.79");
    await grid.getByLabel("Rate from USD to JPY").fill("151.5");
    await grid.getByRole("button", { name: "Fill row by rate" }).click();
    // 109 × 0.79 = 86.11; 109 × 151.5 = 16513.5 → 16514 (JPY has no minor unit); 1090 × 0.79 = 861.10.
    await expect(cell("GBP", "month").inputValue()).resolves.toBe("86.11");
    await expect(cell("JPY", "month").inputValue()).resolves.toBe("16514");
    await expect(cell("GBP", "year").inputValue()).resolves.toBe("861.10");
    await expect(cell("JPY", "year").inputValue()).resolves.toBe("165135");
    // The Euro column was not given a rate and keeps its pasted prices.
    await expect(cell("EUR", "month").inputValue()).resolves.toBe("99.00");
    await shot(page, "33-designer-price-grid");
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(cell("JPY", "month").inputValue()).resolves.toBe(jpyBefore);
    await page.getByRole("button", { name: "Redo" }).click();
    await expect(cell("JPY", "month").inputValue()).resolves.toBe("16514");

    // Typing moves down with Enter; the tiered seats grid edits a band bound once for every currency.
    await cell("USD", "month").fill("119.00");
    await cell("USD", "month").press("Enter");
    await expect(cell("USD", "year").evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const seats = page.getByRole("region", { name: "Prices of Team seats (graduated)" });
    await seats.getByLabel("Band 1 of Team seats (graduated) ends at").fill("20");
    await expect(
      seats.getByLabel("Team seats (graduated): EUR, month, units 21–50", { exact: true }).count(),
    ).resolves.toBe(1);
    await page.getByText("0 errors").waitFor();
    await shotOf(seats, "34-designer-price-grid-tiers");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Saved as revision \d+/).waitFor();
    await page.context().close();
  });
});
