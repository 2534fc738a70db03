/**
 * Self-service and accounts (issue 12) in Chromium against the real server seeded as `pnpm start`
 * seeds it (sample catalogs, sample customers, a portal token for Blue Harbor Design): the
 * customer applies a self-service upgrade through the portal and is refused a move the catalog
 * does not mark self-service; an account manager explores an account read-only; a seller confirms
 * a move after seeing its effective date and net amount due.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { shot, signedInPage, useHarness } from "./harness.ts";

const h = useHarness();

interface Answer {
  status: number;
  body: { result?: { data: unknown }; error?: { message: string } };
}

/** Calls a tRPC procedure from inside the page with the signed-in token (what a curious customer could do). */
async function callFromPage(page: Page, path: string, input?: unknown): Promise<Answer> {
  return page.evaluate(
    async ({ path, input }) => {
      const token = sessionStorage.getItem("tessera.token");
      const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
      const res =
        input === undefined
          ? await fetch(`/trpc/${path}`, { headers })
          : await fetch(`/trpc/${path}`, { method: "POST", headers, body: JSON.stringify(input) });
      return { status: res.status, body: (await res.json()) as Answer["body"] };
    },
    { path, input },
  );
}

describe("the customer portal in Chromium", () => {
  it("applies a self-service upgrade and refuses a move that is not self-service", async () => {
    const page = await signedInPage(h, "customer");
    await page.getByRole("heading", { name: "Your subscriptions" }).waitFor();
    await expect(page.getByText("Blue Harbor Design LLC").first().isVisible()).resolves.toBe(true);
    const team = page.getByRole("region", { name: "Team" });
    const offered = team.getByRole("list", { name: "Changes you can make" });
    await offered.getByText("Upgrade to Business").waitFor();
    // A downgrade is valid for the account team but not offered here: only named as theirs to make.
    await expect(offered.getByText(/Downgrade/).count()).resolves.toBe(0);
    await expect(
      team.getByText(/account manager can help with: .*Downgrade to Starter/).isVisible(),
    ).resolves.toBe(true);
    await shot(page, "portal-before-upgrade");

    const upgrade = offered.getByRole("listitem").filter({ hasText: "Upgrade to Business" });
    await expect(upgrade.textContent()).resolves.toMatch(
      /Takes effect today\. From then on you pay \$[\d,.]+ a month/,
    );
    await upgrade.getByRole("button", { name: "Choose" }).click();
    const dialog = page.getByRole("dialog", { name: "Upgrade to Business?" });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toMatch(/You pay \$[\d,.]+ on /);
    await shot(page, "portal-confirm-upgrade");
    await dialog.getByRole("button", { name: "Confirm the change" }).click();
    await page.getByRole("status").filter({ hasText: "Done: Upgrade to Business" }).waitFor();
    await page.getByRole("region", { name: "Business" }).waitFor();
    await shot(page, "portal-after-upgrade");

    // The portal offers no button for a downgrade; asking the API directly is refused.
    const account = await callFromPage(page, "portal.account");
    const arrangement = (account.body.result!.data as { arrangements: { id: string }[] }).arrangements[0]!;
    const moves = await callFromPage(
      page,
      `portal.moves?input=${encodeURIComponent(JSON.stringify({ id: arrangement.id }))}`,
    );
    const { revision, others } = moves.body.result!.data as { revision: number; others: { id: string }[] };
    expect(others.map((o) => o.id)).toContain("downgrade:collab-team");
    const refused = await callFromPage(page, "portal.applyMove", {
      id: arrangement.id,
      revision,
      move: { id: "downgrade:collab-team" },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toMatch(/not a change you can make yourself.*account manager/);
    // Nor may the customer reach the staff procedures with the same token.
    const staff = await callFromPage(page, "arrangements.list");
    expect(staff.status).toBe(403);
    await page.reload();
    await page.getByRole("region", { name: "Business" }).waitFor();
  });
});

describe("accounts in Chromium", () => {
  it("lets an account manager explore an account and its paths without applying", async () => {
    const page = await signedInPage(h, "account_manager");
    await page.getByRole("link", { name: "Accounts" }).click();
    await page.getByRole("link", { name: "Quanta Labs Inc." }).click();
    await page.getByRole("heading", { name: "Quanta Labs Inc." }).waitFor();
    await page.getByRole("img", { name: /MRR over time/ }).waitFor();
    await expect(page.getByText(/15 of 12 seats — 3 over/).isVisible()).resolves.toBe(true);
    await shot(page, "account-view");
    await page.getByRole("link", { name: "Team" }).click();
    await page.getByRole("list", { name: "Moves" }).waitFor();
    await expect(page.getByRole("button", { name: "Apply" }).count()).resolves.toBe(0);
    await expect(page.getByText(/Explore only/).isVisible()).resolves.toBe(true);
  });

  it("asks a seller to confirm a move with its effective date and net amount due", async () => {
    const page = await signedInPage(h, "seller");
    await page.getByRole("link", { name: "Accounts" }).click();
    await page.getByRole("link", { name: "Fjord Analytics AS" }).click();
    await page.getByRole("link", { name: "Team" }).click();
    const upgrade = page
      .getByRole("listitem")
      .filter({ has: page.getByText("Upgrade to Business", { exact: true }) });
    await upgrade.getByRole("button", { name: "Apply" }).click();
    const dialog = page.getByRole("dialog", { name: /Apply “Upgrade to Business”\?/ });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toMatch(/Takes effect\d{4}-\d{2}-\d{2}Net amount/);
    await shot(page, "seller-confirm-move");
    await dialog.getByRole("button", { name: "Confirm and apply" }).click();
    await page.getByRole("status").filter({ hasText: "Applied: Upgrade to Business" }).waitFor();
  });
});
