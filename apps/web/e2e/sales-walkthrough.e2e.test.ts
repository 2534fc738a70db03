/**
 * A new seller's whole quote, in Chromium at 1440×900 against the real server seeded as
 * `pnpm start` seeds it: Business for 40 seats, EU residency, Premium support, two add-ons, yearly
 * billing, 36 months, 30% off with a reason; two approvers; sent, accepted, printed. Each check is
 * a place a first-time user got stuck (session 6 walkthrough), plus the customer portal at 360 px.
 *
 * Hand-derived figures (sample catalog, yearly prices): seats 40 × 240.00 = 9,600.00; Premium
 * support 2,990.00; EU residency 2,500.00; SSO & SCIM 300.00 × 12 = 3,600.00; Audit log
 * 150.00 × 12 = 1,800.00; recurring 20,490.00 a year. 36-month commitment 15% = 3,073.50; the
 * seller's 30% of the remaining 17,416.50 = 5,224.95; per year 12,191.55; TCV × 3 = 36,574.65.
 * Over the term: list 61,470.00; commitment 9,220.50; the seller's discount 15,674.85.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { shot, signedInPage, useHarness } from "./harness.ts";

const h = useHarness();

async function wide(role: string): Promise<Page> {
  const page = await signedInPage(h, role);
  await page.setViewportSize({ width: 1440, height: 900 });
  return page;
}

const settled = (page: Page) => page.locator("[aria-busy='false']").first().waitFor();

describe("a seller's first multi-year quote in Chromium", () => {
  it("says what is left to choose, names the discount, reconciles the approval, and prints the choices", async () => {
    const rep = await wide("seller");
    await rep.getByRole("link", { name: "Quote builder" }).click();
    await rep.getByRole("button", { name: "New quote" }).click();
    await rep.getByLabel("Customer", { exact: true }).fill("Contoso Ltd");
    await rep.getByRole("button", { name: "Choose Business" }).click();
    await rep.getByRole("heading", { name: "Configure Business" }).waitFor();
    await rep.locator("#quote-term").selectOption("36");
    await settled(rep);
    await rep.locator("#quote-period").selectOption("year");
    const seats = rep.getByRole("spinbutton", { name: "Seats" });
    await seats.fill("40");
    await seats.press("Tab");
    await rep.getByRole("radio", { name: /Premium support/ }).click();
    await settled(rep);
    await rep.getByRole("radio", { name: /European Union/ }).click();
    await settled(rep);

    // "incomplete" alone left the rep guessing: the builder names the group still to choose.
    await expect.poll(() => rep.getByTestId("quote-completeness").textContent()).toBe("incomplete");
    const still = rep.getByRole("status", { name: "Still to choose" });
    await expect.poll(() => still.textContent()).toContain("EU hosting region: pick 1");
    await shot(rep, "40-still-to-choose");
    await rep.getByRole("radio", { name: /Frankfurt/ }).click();
    await settled(rep);
    await expect.poll(() => rep.getByTestId("quote-completeness").textContent()).toBe("complete");
    await expect(still.count()).resolves.toBe(0);

    for (const addOn of [/SSO & SCIM/, /Audit log/]) {
      await rep.getByRole("checkbox", { name: addOn }).click();
      await settled(rep);
    }
    await rep.getByLabel("Percent off recurring").fill("30");
    await rep.getByLabel("Why").fill("Multi-year competitive displacement");
    await rep.getByRole("button", { name: "Add discount" }).click();
    await rep.getByText("Needs approval").first().waitFor();
    await settled(rep);
    const summary = rep.getByRole("region", { name: "Price summary" });
    await expect.poll(() => summary.locator("[data-total='perPeriod']").textContent()).toBe("$12,191.55");
    await expect(summary.locator("[data-total='tcv']").textContent()).resolves.toBe("$36,574.65");
    // The reason names the discount as the rep wrote it, not the id slugged from it.
    const reasons = (await summary.getByRole("list", { name: "Approval reasons" }).textContent()) ?? "";
    expect(reasons).toContain("Discount “Multi-year competitive displacement” takes 30% off");
    expect(reasons).not.toContain("multi-year-competitive-displacement");
    await rep.getByRole("button", { name: "Save quote" }).click();
    await rep.getByTestId("quote-status").waitFor();
    const path = new URL(rep.url()).pathname;
    await rep.getByLabel("Note to the approvers").fill("Competitive displacement, 3-year deal.");
    await rep.getByRole("button", { name: "Request approval" }).click();
    await expect.poll(() => rep.getByTestId("approval-state").textContent()).toBe("approval pending");

    // The first approver: the breakdown adds up, and after approving the card says so.
    const manager = await wide("approver");
    await manager.getByRole("link", { name: "Approvals" }).click();
    const card = manager.getByRole("region", { name: "Contoso Ltd — Business" });
    await card.waitFor();
    await expect(card.getByTestId("impact-breakdown").textContent()).resolves.toBe(
      "List value $61,470.00; catalog discounts (commitment, introductory) −$9,220.50; this discount −$15,674.85; quoted TCV $36,574.65; MRR $1,015.96",
    );
    await card.getByRole("button", { name: "Approve" }).click();
    await expect
      .poll(() => card.getByRole("status").textContent())
      .toBe("You approved this request; it waits for 1 more approver.");
    await expect(card.getByRole("button", { name: "Approve" }).count()).resolves.toBe(0);
    await shot(manager, "41-approved-once");
    await manager.context().close();

    const admin = await wide("admin");
    await admin.getByRole("link", { name: "Approvals" }).click();
    await admin
      .getByRole("region", { name: "Contoso Ltd — Business" })
      .getByRole("button", { name: "Approve" })
      .click();
    await admin.getByText("Nothing is waiting for approval.").waitFor();
    await admin.context().close();

    // Approved: the summary no longer asks for approval; send, accept.
    await rep.reload();
    await expect.poll(() => rep.getByTestId("approval-state").textContent()).toBe("approved");
    await expect(summary.getByText("Discount approved").count()).resolves.toBe(1);
    await expect(summary.getByText("Needs approval").count()).resolves.toBe(0);
    await rep.getByRole("button", { name: "Send to customer" }).click();
    await expect.poll(() => rep.getByTestId("quote-status").textContent()).toBe("sent");
    await rep.getByRole("button", { name: "Mark accepted" }).click();
    await expect.poll(() => rep.getByTestId("quote-status").textContent()).toBe("accepted");

    // The printed quote names the region the customer chose (it has no price line of its own).
    await rep.goto(`${h.url}${path}/print`);
    const printed = rep.getByRole("article", { name: "Printed quote" });
    await printed.waitFor();
    await expect(printed.getByTestId("print-options").textContent()).resolves.toBe(
      "With Premium support, European Union, Frankfurt (eu-central)",
    );
    const doc = (await printed.textContent()) ?? "";
    expect(doc).toContain("Business, 36-month term, billed per year");
    expect(doc).toContain("Total contract value (36 months)$36,574.65");
    await shot(rep, "42-printed-with-options");
    await rep.context().close();
  });

  it("keeps the customer portal within a 360 px phone screen", async () => {
    const page = await signedInPage(h, "customer");
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole("heading", { name: "Your subscriptions" }).waitFor();
    const [client, scroll] = await page.evaluate(() => [
      document.documentElement.clientWidth,
      document.documentElement.scrollWidth,
    ]);
    expect(scroll).toBe(client);
    await shot(page, "43-portal-360");
    await page.context().close();
  });
});
