/**
 * Who holds what (issue 12) in Chromium: an admin grants the approver capability to the demo
 * seller from Users & tokens (who approves is listed), the seller then finds the Approvals queue,
 * and the admin withdraws it again, then makes a new approving seller token and revokes it; a
 * seller makes a customer's portal token on the account and revokes it there, after which the
 * token no longer signs in.
 */
import type { Page } from "playwright-core";
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

const navLinks = (page: Page) => page.getByRole("navigation", { name: "Main" }).textContent();

describe("users, approvers and portal tokens in Chromium", () => {
  it("lets an admin grant and withdraw the approver capability", async () => {
    const seller = await signedInPage(h, "seller");
    await expect(navLinks(seller)).resolves.not.toContain("Approvals");

    const admin = await signedInPage(h, "admin");
    await admin.getByRole("link", { name: "Users & tokens" }).click();
    await admin.getByRole("heading", { name: "Users & tokens" }).waitFor();
    const approvers = admin.getByTestId("approvers");
    await expect(approvers.textContent()).resolves.toContain("demo sales manager");
    await expect(approvers.textContent()).resolves.not.toContain("demo seller");
    const row = admin.getByRole("row", { name: "demo seller" });
    await row.getByRole("button", { name: "Grant approver" }).click();
    await row.getByRole("button", { name: "Withdraw approver" }).waitFor();
    await expect(approvers.textContent()).resolves.toContain("demo seller");
    await shot(admin, "people-approver-granted");

    // The seller's next page load asks the server who they are: Approvals is there.
    await seller.reload();
    await seller.getByRole("link", { name: "Approvals" }).click();
    await seller
      .getByRole("heading", { name: /Approvals/ })
      .first()
      .waitFor();

    await row.getByRole("button", { name: "Withdraw approver" }).click();
    await row.getByRole("button", { name: "Grant approver" }).waitFor();
    await expect(approvers.textContent()).resolves.not.toContain("demo seller");
    await seller.reload();
    await seller.getByText(/Signed in as/).waitFor();
    await expect(navLinks(seller)).resolves.not.toContain("Approvals");
    await seller.context().close();

    // A new sales lead, approving from the start, shown once; then revoked (asked twice).
    const form = admin.getByRole("form", { name: "New token" });
    await form.getByLabel("Name", { exact: true }).fill("sales lead");
    await form.getByLabel("Role", { exact: true }).selectOption("seller");
    await form.getByLabel("Approves discounts").check();
    await form.getByRole("button", { name: "Create token" }).click();
    const made = (await form.locator("code.token-once").textContent())!.trim();
    expect(made).toMatch(/^tsr_/);
    await expect.poll(() => approvers.textContent()).toContain("sales lead");
    const lead = admin.getByRole("row", { name: "sales lead" });
    await lead.getByRole("button", { name: "Revoke" }).click();
    await lead.getByRole("button", { name: "Revoke sales lead" }).click();
    await lead.getByText(/^revoked /).waitFor();
    await expect(approvers.textContent()).resolves.not.toContain("sales lead");
    await shot(admin, "people-token-revoked");
    await admin.context().close();
  });

  it("lets a seller revoke a portal token they made", async () => {
    const seller = await signedInPage(h, "seller");
    await seller.getByRole("link", { name: "Accounts" }).click();
    await seller.getByRole("link", { name: "Northwind Traders GmbH" }).click();
    const portal = seller.getByRole("region", { name: "Customer portal" });
    await portal.getByRole("button", { name: "Create a portal token" }).click();
    const token = (await portal.locator("code.token-once").textContent())!.trim();
    expect(token).toMatch(/^tsr_/);
    const tokens = portal.getByRole("table", { name: "Portal tokens you made" });
    await tokens.getByText("active").waitFor();
    await shot(seller, "people-portal-token-made");
    await tokens.getByRole("button", { name: "Revoke" }).click();
    await tokens.getByText(/^revoked /).waitFor();
    await shot(seller, "people-portal-token-revoked");

    const customer = await h.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await customer.newPage();
    await page.goto(h.url);
    await page.getByLabel("API token").fill(token);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("That token is not valid or was revoked.").waitFor();
    await customer.close();
    await seller.context().close();
    // The refused sign-in answered 401, which the sign-in screen handles.
    h.problems.splice(0);
  });
});
