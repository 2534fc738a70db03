/**
 * The ladder and path rules in Chromium against the real server, on the B2B SaaS sample: the ladder
 * laid out by dagre with no label over another label or a package box, an arrow drawn by dragging
 * from one package to another creates the case for that move, and clicking an arrow opens the case
 * that decides it, edited in place. Screenshots at 1440×900 go to test-artifacts/e2e/.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { shot, shotOf, useHarness } from "./harness.ts";

const h = useHarness();

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

/** The boxes of every package and every arrow label of the first ladder, as drawn. */
async function boxes(page: Page) {
  return page
    .locator("figure.ts-ladder svg")
    .first()
    .evaluate((svg) =>
      [...svg.querySelectorAll(".ts-ladder__node rect, .ts-ladder__label-box")].map((el) => {
        const r = el.getBoundingClientRect();
        const owner =
          el.closest("[data-node]")?.getAttribute("data-node") ??
          el.closest("[data-edge]")?.getAttribute("data-edge");
        return { x: r.x, y: r.y, w: r.width, h: r.height, what: owner ?? "" };
      }),
    );
}

describe("the ladder and path rules", () => {
  it("lays out the ladder without overlaps, draws a move, and opens a move's case", async () => {
    const page = await openDraft("Acme Collaborate");
    await page.getByRole("button", { name: "Paths & ladders" }).click();
    const ladder = page.getByRole("figure", { name: "Acme Collaborate ladder" });
    await ladder.waitFor();
    await shot(page, "50-designer-ladder");

    const drawn = await boxes(page);
    // 4 packages and 6 arrows (neighbouring tiers, both ways), every one with its label.
    expect(drawn).toHaveLength(10);
    const overlaps: string[] = [];
    for (let i = 0; i < drawn.length; i++)
      for (let j = i + 1; j < drawn.length; j++) {
        const p = drawn[i]!;
        const q = drawn[j]!;
        if (p.x < q.x + q.w - 0.5 && q.x < p.x + p.w - 0.5 && p.y < q.y + q.h - 0.5 && q.y < p.y + p.h - 0.5)
          overlaps.push(`${p.what} × ${q.what}`);
      }
    expect(overlaps).toEqual([]);

    // Clicking the Team → Starter arrow opens the case that decides it for a monthly customer.
    await ladder.getByRole("button", { name: /^downgrade Team to Starter/ }).click();
    const rules = page.getByRole("region", { name: "Path rules (first match wins)" });
    await expect(rules.getByRole("status").textContent()).resolves.toContain(
      "decided by case 5, monthly-downgrade-next-bill",
    );
    const timing = rules.getByLabel("The move takes effect (monthly-downgrade-next-bill)");
    await expect(timing.inputValue()).resolves.toBe("next_billing_date");
    // For a yearly customer the annual case decides it instead.
    await page.getByLabel("Billing period of the customer").selectOption("year");
    await ladder.getByRole("button", { name: /^downgrade Team to Starter/ }).click();
    await expect(rules.getByRole("status").textContent()).resolves.toContain(
      "decided by case 3, annual-downgrade-at-term-end",
    );
    await page.getByLabel("Billing period of the customer").selectOption("month");

    // Drag from Starter's handle onto Enterprise: a new first case for that jump.
    await ladder.scrollIntoViewIfNeeded();
    const handle = ladder.getByRole("button", { name: "Draw a move from Starter" });
    const target = ladder.locator("[data-node='collab-enterprise'] rect");
    const a = (await handle.boundingBox())!;
    const b = (await target.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
    const created = "collab-starter-to-collab-enterprise";
    await rules.getByText(`1. ${created}`).waitFor();
    await ladder
      .getByRole("button", {
        name: /^upgrade Starter to Enterprise: now case collab-starter-to-collab-enterprise/,
      })
      .waitFor();
    // Its form is open: make the jump wait for the end of the term, and explain it.
    await rules.getByLabel(`The move takes effect (${created})`).selectOption("end_of_term");
    await rules.getByLabel(`Why ${created} exists`).fill("Two-step jumps wait for the renewal.");
    await ladder.getByRole("button", { name: /^upgrade Starter to Enterprise: end of term/ }).waitFor();
    await shotOf(ladder, "51-designer-ladder-drawn");

    // Keyboard: activate Team's handle, then Business, and the move Team → Business gets a case.
    await ladder.getByRole("button", { name: "Draw a move from Team" }).press("Enter");
    await ladder
      .getByRole("button", { name: /^Business tier 3: draw the move from Team here/ })
      .press("Enter");
    await rules.getByText("1. collab-team-to-collab-business").waitFor();
    // Reorder: the Team → Business case goes below the catch-all, so it no longer decides the move.
    const count = await rules.locator("li.ts-case").count();
    for (let i = 0; i < count - 1; i++)
      await rules.getByRole("button", { name: "Move collab-team-to-collab-business down" }).click();
    await ladder
      .getByRole("button", { name: /^upgrade Team to Business: now case upgrade-now-prorated/ })
      .waitFor();
    await rules.getByRole("button", { name: "Remove collab-team-to-collab-business" }).click();
    await expect(rules.getByText("collab-team-to-collab-business").count()).resolves.toBe(0);
    await page.getByText("0 errors").waitFor();
    await shot(page, "52-designer-path-rules");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Saved as revision \d+/).waitFor();
    await page.context().close();
  });

  it("shows what publishing breaks for consuming services and asks before publishing it", async () => {
    const page = await openDraft("Acme Collaborate");
    await page.getByRole("button", { name: "Paths & ladders" }).click();
    const rules = page.getByRole("region", { name: "Path rules (first match wins)" });
    const created = "collab-starter-to-collab-enterprise";
    // The case saved by the test above: block the jump altogether, and drop the trial case.
    await rules.getByRole("button", { name: `Edit ${created}` }).click();
    await rules.getByLabel(`The move takes effect (${created})`).selectOption("illegal");
    await rules.getByLabel(`Reason shown to the customer (${created})`).fill("Move one tier at a time.");
    await page.getByText("0 errors").waitFor();
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText(/Saved as revision \d+/).waitFor();

    await page.getByRole("button", { name: "Publish…" }).click();
    const dialog = page.getByRole("dialog", { name: "Publish Acme Collaborate" });
    const changes = dialog.getByRole("table", { name: "Changes for consuming services" });
    await changes.waitFor();
    // The same list as `tessera diff`: Starter → Enterprise was allowed in version 1 and is illegal now.
    const breakingRows = changes.locator("tr[data-breaking]");
    await expect(breakingRows.count()).resolves.toBeGreaterThan(0);
    await expect(breakingRows.first().textContent()).resolves.toContain("BREAKING");
    await expect(changes.textContent()).resolves.toMatch(/collab-starter[\s\S]*collab-enterprise/);
    await expect(
      dialog.getByRole("heading", { name: /For consuming services: draft vs version 1/ }).textContent(),
    ).resolves.toMatch(/\d+ changes?, [1-9]\d* breaking/);
    const publish = dialog.getByRole("button", { name: "Publish version 2 with breaking changes" });
    await expect(publish.isDisabled()).resolves.toBe(true);
    await shot(page, "53-designer-publish-breaking");
    await dialog.getByLabel(/I understand: publish version 2 with \d+ breaking changes?/).check();
    await publish.click();
    await page.getByText(/Published version 2/).waitFor();
    await page.context().close();
  });

  it("offers, bundles and withdraws add-ons in the matrix, and adds price rows and a currency", async () => {
    const page = await openDraft("Acme Collaborate");
    await page.getByRole("button", { name: "Packaging matrix" }).click();
    const matrix = page.getByRole("table", { name: "Packaging matrix" });
    await matrix.waitFor();
    const sso = (base: string) => matrix.getByLabel(`SSO & SCIM on ${base}`, { exact: true });
    await expect(sso("Enterprise").inputValue()).resolves.toBe("included");
    await expect(sso("Business").inputValue()).resolves.toBe("available");
    await expect(sso("Team").inputValue()).resolves.toBe("none");
    // Offered on Team: the add-on's minimum tier drops to 2 (checked in the add-on's own page below).
    await sso("Team").selectOption("available");
    // Storage packs bundled into Business, three of them.
    await matrix
      .getByLabel("Extra storage (1 TB pack) on Business", { exact: true })
      .selectOption("included");
    await matrix.getByLabel("Units of Extra storage (1 TB pack) on Business included").fill("3");
    await matrix.getByLabel("Most units of Extra storage (1 TB pack) per arrangement").fill("25");
    // Withdrawing SSO from every base is refused at the last one, with the field to change.
    await sso("Team").selectOption("none");
    await sso("Business").selectOption("none");
    await sso("Enterprise").selectOption("none");
    const refusal = page.getByRole("alert").filter({ hasText: "was not changed" });
    await expect(refusal.textContent()).resolves.toContain("SSO & SCIM on Enterprise");
    await expect(sso("Enterprise").inputValue()).resolves.toBe("included");
    await sso("Team").selectOption("available");
    await sso("Business").selectOption("available");
    await page.getByText("0 errors").waitFor();
    await matrix.scrollIntoViewIfNeeded();
    await shot(page, "54-designer-matrix-add-ons");

    await page.getByRole("button", { name: "Price grid" }).click();
    await page.getByLabel("Package", { exact: true }).selectOption({ label: "Team" });
    const support = page.getByRole("region", { name: "Prices of Premium support" });
    await support.getByLabel("Price book of the new rows of Premium support").selectOption("partner");
    await support.getByLabel("Billing period of the new rows of Premium support").selectOption("month");
    await support.getByRole("button", { name: "Add rows" }).click();
    const partnerUsd = support.getByLabel(/^Premium support: USD, month, Partner price list/);
    await partnerUsd.fill("79.00");
    await support.getByLabel(/^Premium support: EUR, month, Partner price list/).fill("72.00");
    await page.getByRole("form", { name: "Add a currency" }).getByRole("textbox").fill("chf");
    await page.getByRole("button", { name: "Add currency" }).click();
    await support.getByRole("columnheader", { name: "CHF" }).waitFor();
    // The new currency needs prices everywhere: fill Premium support's column from USD at 0.88.
    await support.getByLabel("Rate from USD to CHF").fill("0.88");
    await support.getByRole("button", { name: "Fill row by rate" }).click();
    // 79.00 × 0.88 = 69.52 (CHF has 2 decimals).
    await expect(
      support.getByLabel(/^Premium support: CHF, month, Partner price list/).inputValue(),
    ).resolves.toBe("69.52");
    await shotOf(support, "55-designer-price-grid-rows");
    // The other charges still lack CHF: the diagnostics say so, each a link to its place.
    await page
      .getByText(/[1-9]\d* errors?/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(support.getByRole("columnheader", { name: "CHF" }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it("shows a package one outlined section at a time, each within two screens at 1440×900", async () => {
    const page = await openDraft("Acme Collaborate");
    await page
      .getByRole("navigation", { name: "Catalog sections" })
      .getByRole("button", { name: "Enterprise" })
      .click();
    const outline = page.getByRole("navigation", { name: "Package outline" });
    await outline.waitFor();
    const heights: Record<string, number> = {};
    for (const section of ["Basics", "Components", "Options", "Rules", "Charges", "Price preview"]) {
      await outline.getByRole("button", { name: section, exact: true }).click();
      await expect(
        outline.getByRole("button", { name: section, exact: true }).getAttribute("aria-current"),
      ).resolves.toBe("true");
      heights[section] = await page.evaluate(() => document.documentElement.scrollHeight);
    }
    // Two screens of 900 px each, for every section of the largest package of the sample.
    expect(Object.entries(heights).filter(([, h]) => h > 1800)).toEqual([]);
    await outline.getByRole("button", { name: "Charges", exact: true }).click();
    await page.mouse.wheel(0, 700);
    // The outline stays in view while the section scrolls.
    await expect(outline.evaluate((el) => el.getBoundingClientRect().top)).resolves.toBeLessThan(5);
    await shot(page, "56-designer-package-outline");
    await page.context().close();
  });
});
