/**
 * Approvals and revisions (issue 12) in Chromium at 1440×900, against the real server seeded as
 * `pnpm start` seeds it (the demo sales manager is a seller token with the approver capability):
 * request → approve → send → accept, the printed quote, and a revision.
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

/** A seller's saved Business quote for `customer`, with `percent` off recurring when given. */
async function savedQuote(page: Page, customer: string, percent?: string): Promise<string> {
  await page.getByRole("link", { name: "Quote builder" }).click();
  await page.getByRole("button", { name: "New quote" }).click();
  await page.getByLabel("Customer", { exact: true }).fill(customer);
  await page.getByRole("button", { name: "Choose Business" }).click();
  await page.getByRole("heading", { name: "Configure Business" }).waitFor();
  if (percent) {
    await page.getByLabel("Percent off recurring").fill(percent);
    await page.getByLabel("Why").fill("Strategic partner discount");
    await page.getByRole("button", { name: "Add discount" }).click();
    await page.getByText("Needs approval").first().waitFor();
  }
  await page.locator("[aria-busy='false']").first().waitFor();
  await page.getByRole("button", { name: "Save quote" }).click();
  await page.getByTestId("quote-status").waitFor();
  return new URL(page.url()).pathname;
}

describe("approvals and revisions in Chromium", () => {
  it("request → approve → send → accept, with the outcome shown to the rep and a clean printed quote", async () => {
    const rep = await wide("seller");
    const path = await savedQuote(rep, "Fabrikam Inc.", "20");
    const send = rep.getByRole("button", { name: "Send to customer" });
    await expect(send.isDisabled()).resolves.toBe(true);
    await expect(rep.getByTestId("approval-state").textContent()).resolves.toBe("needs approval");
    await rep
      .getByLabel("Note to the approvers")
      .fill("Fabrikam is leaving a competitor; a 3-year deal follows.");
    await rep.getByRole("button", { name: "Request approval" }).dblclick();
    await expect.poll(() => rep.getByTestId("approval-state").textContent()).toBe("approval pending");

    // The sales manager's queue: the quote by name, its discount, reason, margin impact and note.
    const manager = await wide("approver");
    await manager.getByRole("link", { name: "Approvals" }).click();
    const card = manager.getByRole("region", { name: "Fabrikam Inc. — Business" });
    await card.waitFor();
    const text = (await card.textContent()) ?? "";
    expect(text).toContain(
      "20% off recurring charges; more than 15% needs approval by one approver (Sales manager)",
    );
    expect(text).toContain("Margin impact over the term");
    expect(text).toMatch(/% of list/);
    expect(text).toContain("Fabrikam is leaving a competitor");
    expect(text).not.toMatch(/q_[0-9a-f]{6}/);
    await shot(manager, "30-approval-queue");
    await card.getByLabel("Comment for the rep").fill("Approved for the 3-year follow-up.");
    await card.getByRole("button", { name: "Approve" }).dblclick();
    await manager.getByText("Nothing is waiting for approval.").waitFor();
    await manager.context().close();

    // The rep sees the outcome in the quote list and on the quote, then sends it.
    await rep.getByRole("link", { name: "Quote builder" }).click();
    const notice = rep.getByRole("region", { name: "Approval outcomes" });
    await expect.poll(() => notice.textContent()).toContain("Approved, ready to send");
    await notice.getByRole("link", { name: "Fabrikam Inc. — Business" }).click();
    await expect.poll(() => rep.getByTestId("approval-state").textContent()).toBe("approved");
    await expect(rep.getByRole("list", { name: "Approval history" }).textContent()).resolves.toContain(
      "Approved for the 3-year follow-up.",
    );
    await send.click();
    await expect.poll(() => rep.getByTestId("quote-status").textContent()).toBe("sent");
    // A double click on "Mark accepted" accepts once and shows no error.
    await rep.getByRole("button", { name: "Mark accepted" }).dblclick();
    await expect.poll(() => rep.getByTestId("quote-status").textContent()).toBe("accepted");
    await expect(rep.getByRole("alert").count()).resolves.toBe(0);
    await rep.getByRole("button", { name: "Open arrangement" }).waitFor();

    // The printed quote: branding, names, totals, terms and validity; nothing internal.
    await rep.goto(`${h.url}${path}/print`);
    const printed = rep.getByRole("article", { name: "Printed quote" });
    await printed.waitFor();
    const doc = (await printed.textContent()) ?? "";
    expect(doc).toContain("Acme Collaborate Inc.");
    expect(doc).toContain("Fabrikam Inc. — Business");
    expect(doc).toContain("Strategic partner discount");
    expect(doc).toContain("Total contract value");
    expect(doc).toContain("Valid until");
    expect(doc).toContain("Invoices are payable within 30 days");
    // The catalog's accent colour (a checked #rrggbb) still reaches the document.
    await expect(printed.evaluate((el) => el.style.getPropertyValue("--print-accent"))).resolves.toBe(
      "#3b5bdb",
    );
    for (const internal of ["approv", "Approv", "Margin", "competitor", "q_", "collab-", "biz-", "warning"])
      expect(doc).not.toContain(internal);
    await shot(rep, "31-printed-quote");
    await rep.emulateMedia({ media: "print" });
    await expect(rep.getByRole("toolbar", { name: "Print actions" }).isVisible()).resolves.toBe(false);
    await expect(rep.locator(".ts-shell__bar").isVisible()).resolves.toBe(false);
    await rep.context().close();
  });

  it("revises a saved quote: revision 2 is saved, revision 1 is kept, viewable and frozen", async () => {
    const rep = await wide("seller");
    const first = await savedQuote(rep, "Tailspin Toys");
    await expect(rep.getByTestId("quote-revision").textContent()).resolves.toBe("revision 1");
    await rep.getByRole("button", { name: "Revise" }).click();
    await expect.poll(() => rep.getByTestId("revision-of").textContent()).toBe("revision 1 → 2");
    await rep.getByRole("heading", { name: "Configure Business" }).waitFor();
    await expect(rep.getByLabel("Customer", { exact: true }).inputValue()).resolves.toBe("Tailspin Toys");
    await rep.locator("#quote-term").selectOption("36");
    await rep.locator("[aria-busy='false']").first().waitFor();
    await rep.getByRole("button", { name: "Save revision 2" }).click();
    await expect.poll(() => rep.getByTestId("quote-revision").textContent()).toBe("revision 2");
    await expect(rep.getByRole("region", { name: "Offer" }).textContent()).resolves.toContain("36 months");
    const revisions = rep.getByRole("navigation", { name: "Revisions" });
    await revisions.getByRole("link", { name: "Revision 1" }).click();
    await expect.poll(() => new URL(rep.url()).pathname).toBe(first);
    await rep.getByText("a later revision replaced it").waitFor();
    await expect(rep.getByRole("region", { name: "Offer" }).textContent()).resolves.toContain("12 months");
    await expect(rep.getByRole("button", { name: "Send to customer" }).count()).resolves.toBe(0);
    await expect(rep.getByRole("button", { name: "Revise" }).count()).resolves.toBe(0);
    await shot(rep, "32-revision-kept");
    // The list shows the latest revision only, by name, with its number.
    await rep.getByRole("link", { name: "Quote builder" }).click();
    const row = rep.getByRole("row", { name: /Tailspin Toys — Business/ });
    // The list loads after the navigation: wait for it, then check there is one row, not two.
    await row.first().waitFor();
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain("2");
    await rep.context().close();
  });
});
