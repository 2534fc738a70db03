/**
 * Tessera usage charges → Kill Bill CONSUMABLE, ALL_TIERS usage sections. Tessera bands are
 * cumulative block counts shared by nothing (each currency has its own); Kill Bill tiers count the
 * blocks within each tier and carry a price per currency, so the bands of the first currency are
 * used and other currencies must agree. An included allowance becomes a free first tier of single
 * units (exact when the block size is 1).
 */
import type { BillingPeriod, Package, Tier } from "@tessera/schema";
import type { ExportContext, Node } from "./export.ts";
import { pointFor } from "./export.ts";
import { TO_KB_PERIOD } from "./vocabulary.ts";

const bandsKey = (tiers: Tier[]) => tiers.map((t) => `${t.from}-${t.upTo ?? ""}`).join(",");

/** The usage sections of one plan. */
export function usageXml(
  ctx: ExportContext,
  pkg: Package,
  period: BillingPeriod,
  book: string,
  planName: string,
  at: string,
): Node[] {
  const out: Node[] = [];
  pkg.charges.forEach((charge, i) => {
    if (charge.model !== "usage") return;
    const component = pkg.components?.find((c) => c.id === charge.component);
    if (!component) {
      ctx.lose(
        "killbill.export.usage-no-component",
        `${at}/charges/${i}`,
        `Usage charge ${charge.id} meters no component, so Kill Bill has no unit to bill it by; it is not exported.`,
      );
      return;
    }
    const points = ctx.catalog.currencies
      .map((currency) => ({ currency, found: pointFor(ctx, charge, currency, period, book) }))
      .filter((p) => p.found !== undefined);
    if (points.length === 0) return;
    const scaled = points.map(({ currency, found }) => {
      const { point, scale } = found!;
      const tiers = (point.tiers ?? [{ from: 0, unitAmount: point.unitAmount ?? "0" }]).map((t) => ({
        ...t,
        from: t.from * scale,
        ...(t.upTo === undefined || t.upTo === null ? {} : { upTo: t.upTo * scale }),
      }));
      return { currency, tiers, included: (point.includedUnits ?? 0) * scale };
    });
    const shape = scaled[0]!;
    if (scaled.some((s) => bandsKey(s.tiers) !== bandsKey(shape.tiers) || s.included !== shape.included))
      ctx.lose(
        "killbill.export.usage-bands",
        `${at}/charges/${i}`,
        `Usage charge ${charge.id} has different bands per currency; Kill Bill tiers are shared by all currencies, so ${shape.currency}'s bands are used.`,
      );
    if (shape.tiers.some((t) => t.flatAmount !== undefined))
      ctx.lose(
        "killbill.export.usage-flat",
        `${at}/charges/${i}`,
        `Usage charge ${charge.id} has flat amounts on its bands; Kill Bill tiered blocks price per block only, so they are not exported.`,
      );
    const size = String(charge.blockSize ?? 1);
    if (shape.included > 0 && size !== "1")
      ctx.lose(
        "killbill.export.usage-included",
        `${at}/charges/${i}`,
        `Usage charge ${charge.id} includes ${shape.included} units and bills blocks of ${size}; the free first tier Kill Bill gets counts single units, so blocks straddling it bill slightly differently.`,
      );
    const block = (unitSize: string, max: string, price: (currency: string) => string) => ({
      blocks: {
        tieredBlock: {
          unit: component.service,
          size: unitSize,
          prices: { price: scaled.map((s) => ({ currency: s.currency, value: price(s.currency) })) },
          max,
        },
      },
    });
    const tiers: Node[] = [];
    if (shape.included > 0) tiers.push(block("1", String(shape.included), () => "0"));
    shape.tiers.forEach((t, k) => {
      const max = t.upTo === undefined || t.upTo === null ? "-1" : String(t.upTo - t.from);
      tiers.push(
        block(
          size,
          max,
          (currency) => scaled.find((s) => s.currency === currency)!.tiers[k]?.unitAmount ?? "0",
        ),
      );
    });
    out.push({
      "@_name": `${planName}.${component.id}`,
      "@_prettyName": charge.name ?? component.name ?? component.id,
      "@_billingMode": "IN_ARREAR",
      "@_usageType": "CONSUMABLE",
      "@_tierBlockPolicy": "ALL_TIERS",
      billingPeriod: TO_KB_PERIOD[period]!,
      tiers: { tier: tiers },
    });
  });
  return out;
}
