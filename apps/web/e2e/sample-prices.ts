/**
 * Prices a package of a sample catalog in the price grid, as a product manager copying from a
 * spreadsheet would: split the bands, add the rows for other price books, paste one block per
 * charge, then type the included units of metered charges in the charge's own form.
 */
import type { Catalog, Charge, Package, PricePoint } from "@tessera/schema";
import type { Page } from "playwright-core";

type Key = { book: string | undefined; period: PricePoint["billingPeriod"] };
const BANDED = new Set(["tiered", "volume", "usage"]);
const sameKey = (a: Key, b: Key) => a.book === b.book && a.period === b.period;

/** The value a grid cell shows for a sample point (band `b` for banded models). */
function cell(charge: Charge, p: PricePoint | undefined, b: number): string {
  if (!p) return "";
  if (BANDED.has(charge.model)) return p.tiers?.[b]?.unitAmount ?? "";
  if (charge.model === "stairstep") return p.steps?.[b]?.amount ?? "";
  return (
    (charge.model === "flat" || (charge.model === "one_time" && !charge.component)
      ? p.amount
      : p.unitAmount) ?? ""
  );
}

/**
 * Types every price of `pkg` in the grid. The charge's points start as the forms left them: one per
 * currency, in the default book, on the sample's common period (or none).
 */
export async function pricePackage(page: Page, doc: Catalog, pkg: Package): Promise<void> {
  await page
    .getByRole("navigation", { name: "Catalog sections" })
    .getByRole("button", { name: "Price grid", exact: true })
    .click();
  await page.getByLabel("Package", { exact: true }).selectOption({ label: pkg.name });
  const defaultBook = doc.priceBooks?.find((b) => b.default)?.id;
  for (const c of pkg.charges) {
    const name = c.name ?? c.id;
    const grid = page.getByRole("region", { name: `Prices of ${name}`, exact: true });
    await grid.waitFor();
    const first = c.pricePoints[0];
    const bands = BANDED.has(c.model)
      ? (first?.tiers ?? [])
      : c.model === "stairstep"
        ? (first?.steps ?? [])
        : [];
    for (const [b, band] of bands.slice(0, -1).entries()) {
      const add = grid.getByRole("form", { name: `Add a band to ${name}` });
      await add.getByLabel(`Split band ${b + 1} at unit`).fill(String(band.upTo));
      await add.getByRole("button", { name: "Add band" }).click();
    }
    // The rows the grid shows now, then those the sample needs in its order.
    const keys: Key[] = c.pricePoints.some((p) => p.billingPeriod === undefined)
      ? [{ book: undefined, period: undefined }]
      : pkg.billingPeriods.map((period) => ({ book: undefined, period }));
    for (const p of c.pricePoints) {
      const k: Key = { book: p.priceBook, period: p.billingPeriod };
      if (keys.some((x) => sameKey(x, k))) continue;
      const form = grid.getByRole("form", { name: `Add price rows to ${name}` });
      await form
        .getByLabel(`Price book of the new rows of ${name}`)
        .selectOption(k.book ?? defaultBook ?? "");
      await form.getByLabel(`Billing period of the new rows of ${name}`).selectOption(k.period ?? "");
      await form.getByRole("button", { name: "Add rows" }).click();
      keys.push(k);
    }
    const lines: string[] = [];
    for (const k of keys)
      for (let b = 0; b < Math.max(1, bands.length); b++)
        lines.push(
          doc.currencies
            .map((cur) =>
              cell(
                c,
                c.pricePoints.find(
                  (p) =>
                    p.currency === cur &&
                    (p.priceBook ?? undefined) === k.book &&
                    p.billingPeriod === k.period,
                ),
                b,
              ),
            )
            .join("\t"),
        );
    await grid
      .locator("input.grid-cell")
      .first()
      .evaluate(
        (el, text) => {
          const data = new DataTransfer();
          data.setData("text/plain", text);
          el.dispatchEvent(
            new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
          );
        },
        `${lines.join("\n")}\n`,
      );
  }
}

/** Types the included units of metered charges' points, in the charge forms of the package page. */
export async function includedUnits(page: Page, doc: Catalog, pkg: Package): Promise<void> {
  const metered = pkg.charges.filter((c) => c.pricePoints.some((p) => p.includedUnits !== undefined));
  if (metered.length === 0) return;
  await page
    .getByRole("navigation", { name: "Catalog sections" })
    .getByRole("button", { name: pkg.name, exact: true })
    .click();
  await page
    .getByRole("navigation", { name: "Package outline" })
    .getByRole("button", { name: "Charges" })
    .click();
  const defaultBook = doc.priceBooks?.find((b) => b.default)?.id;
  for (const c of metered) {
    // Charges are folded to one line each: unfold this one.
    const fold = page.locator(`details[data-fold='${c.id}']`);
    if (!(await fold.evaluate((d) => (d as HTMLDetailsElement).open)))
      await fold.locator("summary").first().click();
    const region = page.getByRole("region", { name: `Charge ${c.name ?? c.id}`, exact: true });
    // Many price points are folded under their own summary too.
    const points = region.locator("details.price-points");
    if (!(await points.evaluate((d) => (d as HTMLDetailsElement).open)))
      await points.locator("summary").click();
    const cards = region
      .locator("div.ts-card[data-pointer]")
      .filter({ has: page.getByLabel("Included units") });
    const n = await cards.count();
    for (let k = 0; k < n; k++) {
      const card = cards.nth(k);
      const currency = await card.getByLabel("Currency").inputValue();
      const period = await card.getByLabel("Billing period").inputValue();
      const book = await card.getByLabel("Price book").inputValue();
      const p = c.pricePoints.find(
        (x) =>
          x.currency === currency &&
          (x.billingPeriod ?? "") === period &&
          (x.priceBook ?? defaultBook ?? "") === (book || defaultBook || ""),
      );
      if (p?.includedUnits !== undefined)
        await card.getByLabel("Included units").fill(String(p.includedUnits));
    }
  }
}
