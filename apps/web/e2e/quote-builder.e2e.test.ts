/**
 * The walls a sales rep hit in the quote builder (issue 12), in Chromium against the real server
 * seeded with the sample catalogs, at 1440×900: switching a pick-one choice (mouse and arrow keys),
 * and an add-on sold only on 12-month terms on a monthly quote.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { shot, signedInPage, useHarness } from "./harness.ts";

const h = useHarness();

/** A seller's new quote for a package of the sample catalog, at 1440×900. */
async function newQuote(packageName: string): Promise<Page> {
  const page = await signedInPage(h, "seller");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole("link", { name: "Quote builder" }).click();
  await page.getByRole("button", { name: "New quote" }).click();
  await page.getByLabel("Customer", { exact: true }).fill("Contoso Ltd");
  await page.getByRole("button", { name: `Choose ${packageName}` }).click();
  await page.getByRole("heading", { name: `Configure ${packageName}` }).waitFor();
  return page;
}

/** Waits until the configuration worker has answered for the last edit. */
async function settled(page: Page): Promise<void> {
  await page.locator("[aria-busy='false']").first().waitFor();
}

describe("the quote builder in Chromium", () => {
  it("switches a pick-one choice with the mouse and with the arrow keys", async () => {
    const page = await newQuote("Team");
    const group = page.getByRole("group", { name: /Support level/ });
    const standard = group.getByRole("radio", { name: /Standard support/ });
    const premium = group.getByRole("radio", { name: /Premium support/ });
    await expect(standard.isChecked()).resolves.toBe(true);
    // The default is a suggestion: the other choice is offered, not "unavailable" with a reason.
    await expect(premium.getAttribute("aria-disabled")).resolves.toBeNull();
    await expect(premium.getAttribute("aria-describedby")).resolves.toBeNull();
    await expect(group.getByText("unavailable").count()).resolves.toBe(0);

    const lines = page.getByRole("region", { name: "Price summary" });
    await premium.click();
    await expect.poll(() => premium.isChecked()).toBe(true);
    await expect(standard.isChecked()).resolves.toBe(false);
    await settled(page);
    await expect.poll(() => lines.textContent()).toContain("Premium support");
    await expect(page.getByTestId("quote-completeness").textContent()).resolves.toBe("complete");
    await group.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await shot(page, "20-switch-pick-one-mouse");

    // Keyboard: the focused radio moves with the arrow keys, and the pick with it.
    await premium.focus();
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => standard.isChecked()).toBe(true);
    await expect(standard.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await settled(page);
    await expect.poll(() => lines.textContent()).not.toContain("Premium support");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => premium.isChecked()).toBe(true);
    await settled(page);
    await expect.poll(() => lines.textContent()).toContain("Premium support");
    // Undo walks back one switch at a time.
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => standard.isChecked()).toBe(true);
    await page.context().close();
  });

  it("disables an add-on sold only on 12-month terms on a monthly quote, and an unpriced pick keeps the quote incomplete", async () => {
    const page = await newQuote("Business");
    const addOns = page.getByRole("group", { name: /Add-ons/ });
    const archive = addOns.getByRole("checkbox", { name: /Compliance archive/ });
    const audit = addOns.getByRole("checkbox", { name: /Audit log/ });

    // On the default 12-month term the archive can be bought (with the audit log it requires).
    await expect.poll(() => archive.getAttribute("aria-disabled")).toBeNull();
    await audit.click();
    await settled(page);
    await archive.click();
    await expect.poll(() => archive.isChecked()).toBe(true);
    await settled(page);
    await expect(page.getByTestId("quote-completeness").textContent()).resolves.toBe("complete");

    // A monthly quote cannot price it: the quote says so, is incomplete, and cannot be saved.
    await page.locator("#quote-term").selectOption("1");
    await settled(page);
    await expect.poll(() => page.getByTestId("quote-completeness").textContent()).toBe("incomplete");
    const problems = page.getByRole("status", { name: "What to change" });
    await expect(problems.textContent()).resolves.toContain(
      "`Compliance archive` is sold only on terms of 12 months or more, longer than this 1-month term",
    );
    await expect(page.getByRole("button", { name: "Save quote" }).isDisabled()).resolves.toBe(true);
    await shot(page, "21-addon-unpriced-pick");

    // Removing it makes the quote whole again, and the add-on is disabled with that reason.
    await archive.click();
    await settled(page);
    await expect.poll(() => page.getByTestId("quote-completeness").textContent()).toBe("complete");
    await expect.poll(() => archive.getAttribute("aria-disabled")).toBe("true");
    const reasonId = await archive.getAttribute("aria-describedby");
    await expect(page.locator(`[id="${reasonId}"]`).textContent()).resolves.toContain(
      "sold only on terms of 12 months or more",
    );
    // Clicking it (aria-disabled: Playwright must be told to try) changes nothing.
    await archive.click({ force: true });
    await expect(archive.isChecked()).resolves.toBe(false);
    await archive.focus();
    await addOns.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await shot(page, "22-addon-disabled-on-monthly");
    await expect(page.getByRole("button", { name: "Save quote" }).isDisabled()).resolves.toBe(false);
    await page.context().close();
  });
});
