/**
 * The path explorer on a weekly arrangement in its discount phase: the arrangement in the engine's
 * words (the same sentence the CLI prints and the API returns), weekly proration, a renewal in
 * weeks. The arrangement comes from a quote accepted through the API, as a seller's would.
 */
import { appRouter, createCallerFactory, createContext } from "@tessera/api";
import type { Quote } from "@tessera/schema";
import { describe, expect, it } from "vitest";
import { shot, shotOf, signedInPage, useHarness } from "./harness.ts";

const h = useHarness();

describe("the path explorer on week-based billing", () => {
  it("shows a weekly box's term, phase and moves in words that agree with the engine", async () => {
    const caller = createCallerFactory(appRouter)(
      await createContext(h.server.services, `Bearer ${h.tokens.admin}`),
    );
    const quote = {
      catalogId: "brewline",
      catalogVersion: 1,
      customer: "Ines Duarte",
      package: "brew-beans-weekly",
      termWeeks: 6,
      billingPeriod: "week",
      currency: "USD",
      quantities: { "weekly-beans": 2 },
      startDate: "2026-12-07",
    } as Quote;
    const saved = await caller.quotes.save({ idempotencyKey: "e2e-weekly-box", quote });
    await caller.quotes.transition({ id: saved.id, to: "sent" });
    const accepted = await caller.quotes.transition({ id: saved.id, to: "accepted" });
    const id = accepted.arrangementId!;

    const page = await signedInPage(h, "seller");
    await page.goto(`${h.url}/arrangements/${id}`);
    await page.getByRole("list", { name: "Moves" }).waitFor();
    await page.getByLabel("As of").fill("2026-12-10");
    const summary = page.getByTestId("arrangement-summary");
    await expect
      .poll(() => summary.textContent())
      .toBe(
        "Weekly bean box, billed weekly; 6-week term 2026-12-07 to 2027-01-18; in its discount phase (First two weeks: 2 weeks 50% off) until 2026-12-21.",
      );
    const api = await caller.arrangements.paths({ id, asOf: "2026-12-10" });
    await expect(summary.textContent()).resolves.toBe(api.current.summary);
    await expect(page.getByText(/6-week term 2026-12-07 → 2027-01-18/).count()).resolves.toBe(1);
    // Renewing the 6-week term starts a new 6-week term at its end (2027-01-18 + 42 days).
    const renew = page.getByRole("listitem", { name: /^Renew for 6 weeks/ });
    await renew.waitFor();
    await expect(renew.textContent()).resolves.toContain("New 6-week term 2027-01-18 to 2027-03-01.");
    await shot(page, "20-path-explorer-weekly");
    await shotOf(page.getByRole("region", { name: "Current arrangement" }), "21-path-explorer-weekly-now");
    await page.context().close();
  });
});
