import { describe, expect, it } from "vitest";
import { shot, shotOf, signedInPage, useHarness } from "./harness.ts";

const h = useHarness();

/** A designer's page on the draft of `catalog`, at one of its packages. */
async function draftPackage(catalog: string, packageName: string) {
  const page = await signedInPage(h, "designer");
  await page.getByRole("button", { name: `Edit draft of ${catalog}` }).click();
  await page.getByRole("heading", { name: catalog }).waitFor();
  await page
    .getByRole("navigation", { name: "Catalog sections" })
    .getByRole("button", { name: packageName })
    .click();
  return page;
}

describe("the configurator in Chromium against the real server", () => {
  it("refuses a bad token and offers each role only what it may do", async () => {
    const context = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(h.url);
    await page.getByLabel("API token").fill("not-a-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("not valid");
    await shot(page, "01-sign-in-refused");
    await context.close();

    const reader = await signedInPage(h, "reader");
    const nav = reader.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link").allTextContents()).resolves.toEqual(["Catalogs"]);
    // A reader browses published versions read-only: no draft, save or publish is offered.
    await reader.getByRole("button", { name: "View v1" }).first().click();
    await reader.getByText(/published version 1 \(read-only\)/).waitFor();
    await expect(reader.getByRole("button", { name: "Save draft" }).count()).resolves.toBe(0);
    await expect(reader.getByRole("button", { name: "Publish…" }).count()).resolves.toBe(0);
    await shot(reader, "01b-reader-version");
    await reader.context().close();
  });

  it("a designer creates a package and publishes the catalog", async () => {
    const page = await signedInPage(h, "designer");
    await page.getByRole("heading", { name: "Catalog designer" }).waitFor();
    await shot(page, "02-designer-catalogs");
    await page.getByRole("button", { name: "Edit draft of Acme Collaborate" }).click();
    await page.getByRole("heading", { name: "Acme Collaborate" }).waitFor();
    await page.getByText("0 errors").waitFor();

    await page.getByRole("button", { name: "New package" }).click();
    await page.getByLabel("Package id").fill("collab-growth");
    await page.getByLabel("Package name").fill("Growth");
    await page.getByRole("button", { name: "Create package" }).click();
    await page.getByRole("heading", { name: /^Growth/ }).waitFor();
    // Give it a real price in every currency the catalog sells in.
    await page
      .getByRole("navigation", { name: "Package outline" })
      .getByRole("button", { name: "Charges" })
      .click();
    const amounts = page.getByLabel("Amount", { exact: true });
    const count = await amounts.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await amounts.nth(i).fill("39.00");
    await page
      .getByRole("navigation", { name: "Package outline" })
      .getByRole("button", { name: "Components" })
      .click();
    await page.getByLabel("Add from the service library").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Add component" }).click();
    await page.locator("[data-pointer='/packages/10/components/0']").waitFor();
    await shot(page, "03-designer-package");

    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Saved as revision \d+/).waitFor();
    await page.getByText("0 errors").waitFor();
    await page.getByRole("button", { name: "Publish…" }).click();
    // What consumers see first: a new package, nothing breaking; the field-by-field edits a click away.
    await expect(
      page.getByRole("table", { name: "Changes for consuming services" }).textContent(),
    ).resolves.toContain("The package “Growth” (collab-growth) was added.");
    await page.getByText(/^Every edit, field by field/).click();
    await page.getByRole("region", { name: /Draft vs version 1/ }).waitFor();
    await expect(page.getByRole("region", { name: /Draft vs version 1/ }).textContent()).resolves.toContain(
      "/packages/10",
    );
    await shot(page, "04-designer-publish-diff");
    await page.getByRole("button", { name: "Publish version 2" }).click();
    await page.getByText("Published version 2.").waitFor();

    await page.getByRole("button", { name: "Paths & ladders" }).click();
    const ladder = page.getByRole("group", { name: "Acme Collaborate ladder" });
    await ladder.waitFor();
    // The new package sits on the ladder's top rung, reached by an upgrade from Enterprise.
    await expect(ladder.locator("[data-node='collab-growth']").count()).resolves.toBe(1);
    await shot(page, "05-designer-ladder");
    await page.context().close();
  });

  it("two designers save the same draft: the second sees the conflict and merges without losing either edit", async () => {
    const first = await signedInPage(h, "designer");
    const second = await signedInPage(h, "designer");
    // The first designer starts the draft from the catalogs list; the second opens it after.
    await first.getByRole("button", { name: "Edit draft of Nimbus Connect" }).click();
    await first.getByRole("heading", { name: "Nimbus Connect" }).waitFor();
    await second.goto(`${h.url}/catalogs/nimbus-connect/draft`);
    await second.getByRole("heading", { name: "Nimbus Connect" }).waitFor();

    await first.getByLabel("Description").fill("Mobile, broadband and TV for homes.");
    await first.getByRole("button", { name: "Save draft" }).click();
    await first.getByText(/Saved as revision 2/).waitFor();

    await second.getByRole("button", { name: /^Services/ }).click();
    await second.locator("[data-pointer='/services/0/name']").fill("Mobile data (4G/5G)");
    await second.getByRole("button", { name: "Save draft" }).click();
    const conflict = second.getByRole("alert", { name: "Editing conflict" });
    await conflict.waitFor();
    await shot(second, "11-designer-conflict");
    await conflict.getByRole("button", { name: "Merge my changes onto theirs" }).click();
    await second.getByText(/Merged your changes onto revision 2/).waitFor();
    await second.getByRole("button", { name: "Overview & portfolios" }).click();
    await expect(second.getByLabel("Description").inputValue()).resolves.toBe(
      "Mobile, broadband and TV for homes.",
    );
    await second.getByRole("button", { name: "Save draft" }).click();
    await second.getByText(/Saved as revision 3/).waitFor();
    await second.getByRole("button", { name: /^Services/ }).click();
    await expect(second.locator("[data-pointer='/services/0/name']").inputValue()).resolves.toBe(
      "Mobile data (4G/5G)",
    );
    await first.context().close();
    await second.context().close();
  });

  it("a seller builds a quote, sees a disabled option with its reason, saves, sends and accepts it", async () => {
    const page = await signedInPage(h, "seller");
    await page.getByRole("link", { name: "Quote builder" }).click();
    await page.getByRole("button", { name: "New quote" }).click();
    await page.getByLabel("Customer", { exact: true }).fill("Northwind Traders GmbH");
    await page.getByRole("button", { name: "Choose Business" }).click();
    await page.getByRole("heading", { name: "Configure Business" }).waitFor();

    const disabled = page.locator("input[aria-disabled='true']").first();
    await disabled.waitFor();
    const reasonId = await disabled.getAttribute("aria-describedby");
    expect(reasonId).toBeTruthy();
    await disabled.focus();
    const tooltip = page.locator(`[id="${reasonId}"]`);
    await expect(tooltip.getAttribute("class")).resolves.toBe("ts-tip__bubble");
    const reason = (await tooltip.textContent()) ?? "";
    expect(reason.length).toBeGreaterThan(10);
    await disabled.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await shot(page, "06-quote-builder");

    // A term the billing period cannot bill moves the billing, and says so.
    await page.locator("#quote-period").selectOption("year");
    await page.locator("#quote-term").selectOption("1");
    await expect.poll(() => page.locator("#quote-period").inputValue()).toBe("month");
    await expect(page.getByRole("status").filter({ hasText: "Billing changed" }).textContent()).resolves.toBe(
      "Billing changed to per month: a yearly billing period is longer than the 1-month term.",
    );
    // The configuration is worked out off the main thread: wait for it to catch up.
    await expect.poll(() => page.getByRole("option", { name: /^per year/ }).isDisabled()).toBe(true);
    await page.locator("#quote-term").selectOption("12");
    // Pricing runs in the configuration worker: read the MRR once the 12-month answer is in.
    await expect.poll(() => page.locator("[aria-busy='true']").count()).toBe(0);

    const mrrBefore = await page.locator("[data-total='mrr']").textContent();
    await page.getByRole("button", { name: "Increase Seats" }).first().click();
    await expect.poll(() => page.locator("[data-total='mrr']").textContent()).not.toBe(mrrBefore);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => page.locator("[data-total='mrr']").textContent()).toBe(mrrBefore);

    // A discount beyond the catalog's tiers flags the quote for approval: 30% is past the second
    // tier (above 25%: two approvers).
    await page.getByLabel("Percent off recurring").fill("30");
    await page.getByLabel("Why").fill("Competitive displacement");
    await page.getByRole("button", { name: "Add discount" }).click();
    await page.getByText("Needs approval", { exact: true }).waitFor();
    await expect(page.getByRole("list", { name: "Approval reasons" }).textContent()).resolves.toMatch(
      /more than 25% needs approval by 2 different approvers/,
    );
    await shot(page, "06b-quote-needs-approval");
    await page.getByRole("button", { name: "Remove discount Competitive displacement" }).click();
    await page.getByText("No approval needed").waitFor();

    await page.getByRole("button", { name: "Save quote" }).click();
    // Named after the customer and the package, never by its id.
    await page.getByRole("heading", { name: "Northwind Traders GmbH — Business" }).waitFor();
    await expect(page.getByTestId("quote-status").textContent()).resolves.toBe("draft");
    await page.getByRole("button", { name: "Send to customer" }).click();
    await expect.poll(() => page.getByTestId("quote-status").textContent()).toBe("sent");
    await page.getByRole("button", { name: "Mark accepted" }).click();
    await expect.poll(() => page.getByTestId("quote-status").textContent()).toBe("accepted");
    await shot(page, "07-quote-accepted");
    // The quote says which quantities it sells, package defaults included.
    await expect
      .poll(() => page.getByRole("article").textContent())
      .toMatch(/Quantities\s*Seats: \d+, Storage \(GB\): \d+/);
    await page.emulateMedia({ media: "print" });
    await shot(page, "08-quote-print");
    await page.emulateMedia({ media: "screen" });

    await page.getByRole("button", { name: "Open arrangement" }).click();
    await page.getByRole("list", { name: "Moves" }).waitFor();
    // Look 45 days into the term, past the trial and mid-period, where an upgrade is prorated.
    const start = (
      await page
        .getByText(/term \d{4}-\d{2}-\d{2}/)
        .first()
        .textContent()
    )?.match(/term (\d{4}-\d{2}-\d{2})/)?.[1];
    expect(start).toBeTruthy();
    const asOf = new Date(`${start}T00:00:00Z`);
    asOf.setUTCDate(asOf.getUTCDate() + 45);
    await page.getByLabel("As of").fill(asOf.toISOString().slice(0, 10));
    const upgrade = page
      .getByRole("listitem", { name: /^Upgrade to / })
      .filter({ hasText: "Proration" })
      .first();
    await upgrade.waitFor();
    await upgrade.scrollIntoViewIfNeeded();
    await shot(page, "09-path-explorer");
    const title = (await upgrade.locator(".ts-move__title").textContent()) ?? "";
    await expect(upgrade.textContent()).resolves.toMatch(/Effective.*New price.*MRR change/);
    await expect(upgrade.getByRole("table").textContent()).resolves.toMatch(/\$\d/);
    // Credit and charge come with the net amount the upgrade bills.
    await expect(upgrade.getByRole("table").textContent()).resolves.toMatch(/Net (due|credit)/);
    await upgrade.getByRole("button", { name: "Apply" }).click();
    // A move asks first, with the day it takes effect and the net amount it bills.
    const confirm = page.getByRole("dialog", { name: `Apply “${title}”?` });
    await confirm.waitFor();
    await expect(confirm.textContent()).resolves.toMatch(
      /Takes effect\d{4}-\d{2}-\d{2}Net amount\$[\d,.]+ (due|credited)/,
    );
    await confirm.getByRole("button", { name: "Confirm and apply" }).click();
    await page.getByText(`Applied: ${title}.`).waitFor();
    // The arrangement is read again after the move: wait for it rather than the first paint.
    await expect
      .poll(() => page.getByRole("region", { name: "Current arrangement" }).textContent())
      .toContain(title.replace("Upgrade to ", ""));
    await expect
      .poll(() => page.getByRole("region", { name: "History" }).getByRole("listitem").count())
      .toBe(2);
    // The applied move is recorded as of the date it was made for, not the arrangement's start.
    await expect(
      page.getByRole("region", { name: "History" }).getByRole("listitem").nth(1).textContent(),
    ).resolves.toContain(asOf.toISOString().slice(0, 10));
    await shot(page, "10-path-explorer-applied");

    // Terminating shows the retention offers first and needs a confirmation.
    await page.getByRole("button", { name: "Terminate…" }).click();
    const before = page.getByRole("region", { name: "Before you terminate" });
    await before.waitFor();
    await before.scrollIntoViewIfNeeded();
    await shot(page, "12-path-explorer-terminate");
    await before.getByRole("button", { name: "Keep the subscription" }).click();
    await expect(page.getByRole("region", { name: "Before you terminate" }).count()).resolves.toBe(0);

    // New quantities can wait for the renewal: set them, then renew with them.
    const seats = page.getByLabel("Change Seats", { exact: true });
    const current = Number(await seats.inputValue());
    await page.getByRole("button", { name: "Increase Change Seats" }).click();
    await expect.poll(async () => Number(await seats.inputValue())).toBeGreaterThan(current);
    const wanted = Number(await seats.inputValue());
    await page.getByRole("button", { name: /^Renew for 12 months with these quantities$/ }).click();
    await page
      .getByRole("dialog", { name: "Apply “Renew for 12 months”?" })
      .getByText(`Renewed quantities`)
      .waitFor();
    await page.getByRole("button", { name: "Confirm and apply" }).click();
    await page.getByText("Applied: Renew for 12 months.").waitFor();
    await expect.poll(async () => Number(await seats.inputValue())).toBe(wanted);
    await page.context().close();
  });

  it("a designer writes, reads back and changes a rule with a mixed condition", async () => {
    const page = await draftPackage("Brewline", "Brew Club Pro");
    await page
      .getByRole("navigation", { name: "Package outline" })
      .getByRole("button", { name: "Rules" })
      .click();
    await page.getByRole("button", { name: "New rule…" }).click();
    const form = page.getByRole("form", { name: "Add a rule" });
    await form.waitFor();
    // The form says what is missing, and will not add the rule until nothing is.
    await expect(form.getByRole("button", { name: "Add rule" }).isDisabled()).resolves.toBe(true);
    await expect(
      form.getByRole("list", { name: "Before the rule can be saved" }).textContent(),
    ).resolves.toContain("Give the rule an id.");
    await form.getByLabel("Rule id").fill("pro-copper-or-steel-espresso");
    await form.getByLabel("Why (optional)").fill("Premium finishes ship with the espresso burr set.");
    await form
      .getByLabel("Add to “Any of these is picked”")
      .selectOption({ label: "Machine finish: Copper" });
    await form
      .getByLabel("Add to “Any of these is picked”")
      .selectOption({ label: "Machine finish: Brushed steel" });
    await form
      .getByLabel("Add to “None of these is picked”")
      .selectOption({ label: "Roast profile: Swiss Water decaf" });
    await form.getByLabel("The rule must").selectOption({ label: "require all of" });
    await form
      .getByLabel("Add to “Picks to require all of”")
      .selectOption({ label: "Grind: Pre-ground for espresso" });
    const sentence =
      "When any of Machine finish: Copper or Machine finish: Brushed steel is picked and Roast profile: Swiss Water decaf is not picked, require Grind: Pre-ground for espresso.";
    await expect(form.getByText("Reads:").locator("..").textContent()).resolves.toBe(`Reads: ${sentence}`);
    await shotOf(page.getByRole("region", { name: "Rules" }), "13-designer-rule-editor");
    await form.getByRole("button", { name: "Add rule" }).click();

    const rule = page.locator("[data-pointer='/packages/2/rules/2']");
    await expect(rule.textContent()).resolves.toContain(`pro-copper-or-steel-espresso: ${sentence}`);
    await page.getByText("0 errors").waitFor();

    // Changing it: the form opens on the rule; one chip removed, the consequence turned around.
    await page.getByRole("button", { name: "Change rule pro-copper-or-steel-espresso" }).click();
    const change = page.getByRole("form", { name: "Change rule pro-copper-or-steel-espresso" });
    await change
      .getByRole("button", { name: "Remove Machine finish: Brushed steel from “Any of these is picked”" })
      .click();
    await change.getByLabel("The rule must").selectOption({ label: "rule out" });
    await shotOf(page.getByRole("region", { name: "Rules" }), "13b-designer-rule-change");
    await change.getByRole("button", { name: "Save rule" }).click();
    await expect(rule.textContent()).resolves.toContain(
      "When Machine finish: Copper is picked and Roast profile: Swiss Water decaf is not picked, rule out Grind: Pre-ground for espresso.",
    );
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Saved as revision \d+/).waitFor();
    await shotOf(page.getByRole("region", { name: "Rules" }), "14-designer-rule-saved");
    await page.context().close();
  });

  it("a designer charts any price point of a banded charge", async () => {
    const page = await draftPackage("Brewline", "Brew Club Pro");
    await page
      .getByRole("navigation", { name: "Package outline" })
      .getByRole("button", { name: "Charges" })
      .click();
    // Charges are folded to a line each; unfold the one to chart.
    await page
      .locator("summary")
      .filter({ hasText: /^Beans subscription/ })
      .click();
    const charge = page.getByRole("region", { name: /^Charge Beans subscription/ });
    const chart = charge.getByRole("figure");
    await expect(chart.textContent()).resolves.toContain("(USD per month)");
    await charge.getByLabel("Chart the price point").selectOption({ label: "3. CAD per month" });
    await expect(chart.textContent()).resolves.toContain("(CAD per month)");
    await expect(chart.getByRole("img").getAttribute("aria-labelledby")).resolves.toBeTruthy();
    await shotOf(charge, "15-designer-chart-point");
    await page.context().close();
  });

  it("a designer names options, sets a default, adds and removes options, and nests a group", async () => {
    const page = await draftPackage("Brewline", "Office Brew");
    await page
      .getByRole("navigation", { name: "Package outline" })
      .getByRole("button", { name: "Options" })
      .click();
    // Option groups are folded to a line each; unfold the two this test edits.
    await page
      .locator("summary")
      .filter({ hasText: /^Roast profile/ })
      .click();
    await page
      .locator("summary")
      .filter({ hasText: /^Origins to rotate through/ })
      .click();
    const roast = page.getByRole("table", { name: "Options of Roast profile" });
    await roast.getByLabel("Name of option office-roast-light").fill("Light roast (Nordic)");
    await roast.getByLabel("Dark roast is picked by default").check();
    await roast.getByLabel("Status of Swiss Water decaf").selectOption("retired");
    await page.getByLabel("New option of Roast profile").fill("Espresso blend");
    await page.getByRole("button", { name: "Add option" }).first().click();
    await expect.poll(() => roast.getByRole("row").count()).toBe(7); // the header and six options
    await expect
      .poll(() => roast.getByLabel("Name of option office-roast-espresso-blend").inputValue())
      .toBe("Espresso blend");
    // The origins group is shown under single-origin rotation; move it to the top level and back.
    const origins = page.locator("fieldset", {
      has: page.getByRole("table", { name: "Options of Origins to rotate through" }),
    });
    await expect(origins.locator("legend").textContent()).resolves.toContain(
      "shown when Roast profile: Single-origin rotation is picked",
    );
    await origins.getByLabel("Shown when picked").selectOption({ label: "always (top level)" });
    await expect(origins.locator("legend").textContent()).resolves.not.toContain("shown when");
    await origins
      .getByLabel("Shown when picked")
      .selectOption({ label: "Roast profile: Single-origin rotation" });
    await origins.getByRole("button", { name: "Delete option Indonesia (Sumatra)" }).click();
    await expect.poll(() => origins.getByRole("row").count()).toBe(3);
    await page.getByText("0 errors").waitFor();
    await shotOf(page.getByRole("region", { name: "Option groups" }), "16-designer-option-groups");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Saved as revision \d+/).waitFor();
    await page.context().close();
  });
});
