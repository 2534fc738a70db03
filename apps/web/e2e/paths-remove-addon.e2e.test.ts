/**
 * The path explorer removes an add-on on the end date the seller picks (issue 13: add-on cancel
 * policies — at once, end of billing period, end of term, a chosen date), and the confirmation
 * shows the amounts the API works out for that date, which are the amounts applying gives. The
 * arrangement comes from the saas sample quote accepted through the API (yearly billing from
 * 2026-12-01, with SSO, Audit log and two storage packs).
 */

import { readFileSync } from "node:fs";
import { appRouter, createCallerFactory, createContext } from "@tessera/api";
import type { Quote } from "@tessera/schema";
import { formatMoney } from "@tessera/ui";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Harness, shot, shotOf, signedInPage, startHarness } from "./harness.ts";

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

describe("removing an add-on in the path explorer", () => {
  it("picks an end date other than the policy's and confirms with the API's numbers for it", async () => {
    const caller = createCallerFactory(appRouter)(
      await createContext(h.server.services, `Bearer ${h.tokens.admin}`),
    );
    const sample = JSON.parse(
      readFileSync(new URL("../../../schemas/examples/saas.quote.json", import.meta.url), "utf8"),
    ) as Quote;
    const quote = { ...sample, discounts: [], customer: "Removal Test GmbH" } as Quote;
    const saved = await caller.quotes.save({ idempotencyKey: "e2e-remove-addon", quote });
    await caller.quotes.transition({ id: saved.id, to: "sent" });
    const id = (await caller.quotes.transition({ id: saved.id, to: "accepted" })).arrangementId!;
    const asOf = "2027-02-10";
    const api = await caller.arrangements.paths({ id, asOf });
    const remove = api.moves.find((m) => m.id === "remove_add_on:collab-audit-log")!;
    expect(remove.valid).toBe(true);

    const page = await signedInPage(h, "seller");
    await page.goto(`${h.url}/arrangements/${id}`);
    await page.getByRole("list", { name: "Moves" }).waitFor();
    await page.getByLabel("As of").fill(asOf);
    const item = page.getByRole("listitem", { name: remove.label });
    await item.waitFor();
    await item.getByRole("button", { name: "Remove…" }).click();
    const panel = item.getByRole("region", { name: /^When .* ends$/ });
    await panel.waitFor();
    // The policy's own date comes first; the term's end is one of the choices.
    await expect(panel.getByRole("radio").first().isChecked()).resolves.toBe(true);
    await expect(panel.getByRole("radio").first().getAttribute("name")).resolves.toBeTruthy();
    await expect(panel.textContent()).resolves.toContain(`As the policy says: ${remove.effectiveDate}`);
    // Billed yearly from 2027-01-01, the term ends 2027-12-01, before the billing period does: the
    // policy (end of the billing period) ends it with the term, and no later date is offered.
    const termEnd = (await caller.arrangements.get({ id })).doc.term.end;
    expect(remove.effectiveDate).toBe(termEnd);
    await expect(panel.textContent()).resolves.not.toContain("At the end of the billing period");
    const chosen = asOf;
    await panel.getByRole("radio", { name: `At once: ${chosen}` }).check();
    await shotOf(item, "30-path-explorer-remove-add-on");
    await panel.getByRole("button", { name: `Remove on ${chosen}` }).click();

    const preview = await caller.arrangements.previewMove({
      id,
      move: { id: remove.id, date: chosen },
      asOf,
    });
    if (!preview.ok) throw new Error(preview.reasons.join(" "));
    const confirm = page.getByRole("dialog", { name: `Apply “${remove.label}”?` });
    await confirm.waitFor();
    await expect.poll(() => confirm.textContent()).toContain(`Takes effect${chosen}`);
    const net = preview.move.prorationNet ?? "0";
    const due = /^-/.test(net)
      ? `${formatMoney(net.slice(1), "EUR")} credited`
      : /^0*(\.0*)?$/.test(net)
        ? "Nothing due because of this move"
        : `${formatMoney(net, "EUR")} due`;
    await expect.poll(() => confirm.textContent()).toContain(due);
    await expect(confirm.textContent()).resolves.toContain(
      `New recurring price${formatMoney(preview.move.newRecurring!, "EUR")}`,
    );
    await shot(page, "31-path-explorer-remove-add-on-confirm");
    await confirm.getByRole("button", { name: "Confirm and apply" }).click();
    await page.getByText(`Applied: ${remove.label}.`).waitFor();
    const history = await caller.arrangements.history({ id });
    expect(history.at(-1)?.move).toEqual(preview.move);
    await page.context().close();
  });
});

describe("an add-on's phases on a quote", () => {
  it("the printed quote shows the add-on's trial and its first prorated bill, as the base's phases are shown", async () => {
    // The connectivity sample: Home Trio from 2026-12-10 billed on the 1st, with the Sports pack
    // (30.00 a month) in a 14-day trial until 2026-12-24; it is billed from then to 2027-01-01,
    // 8 of December's 31 days: 30.00 × 8/31 = 7.74.
    const caller = createCallerFactory(appRouter)(
      await createContext(h.server.services, `Bearer ${h.tokens.admin}`),
    );
    const quote = JSON.parse(
      readFileSync(new URL("../../../schemas/examples/connectivity.quote.json", import.meta.url), "utf8"),
    ) as Quote;
    // The published version, whichever number the sample catalog carries.
    const { catalogVersion: _sampleVersion, ...unversioned } = quote;
    const saved = await caller.quotes.save({ idempotencyKey: "e2e-addon-phases", quote: unversioned });
    const page = await signedInPage(h, "seller");
    await page.goto(`${h.url}/quotes/${saved.id}/print`);
    const lines = page.getByRole("table");
    await lines.waitFor();
    await expect
      .poll(() => lines.textContent())
      .toContain("Sports pack: 14 days free trial (2026-12-10 to 2026-12-24)");
    const rest = lines.getByRole("row", {
      name: /Sports pack from the end of its trial, 2026-12-24 to 2027-01-01/,
    });
    await expect(rest.textContent()).resolves.toContain("€7.74");
    await expect(page.getByRole("region", { name: "Notes" }).textContent()).resolves.toContain(
      "Sports pack: 14 days free trial from 2026-12-10 to 2026-12-24: not billed on the invoices of that time, then billed from 2026-12-24",
    );
    await shot(page, "32-printed-quote-add-on-phases");
    await page.context().close();
  });
});
