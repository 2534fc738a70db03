/**
 * Percentage charges and block rounding:
 * - a percentage charge prices either a transaction volume (a `component`) or other charges of its
 *   package (`percentOf`), never both and never neither;
 * - `percentOf` names other, non-percentage charges of the same package (a percentage of a
 *   percentage would depend on the order they are priced in);
 * - a fee per transaction or per-transaction bounds need `eventsComponent`, a component of the
 *   package counting the transactions; on `percentOf` they mean nothing;
 * - a minimum above the maximum can never be met;
 * - `blockRounding` only matters with a block size on a model that counts blocks.
 */
import type { Charge, Package, PricePoint } from "@tessera/schema";
import { Decimal } from "../../decimal.ts";
import { type Check, NONE } from "../check.ts";
import { flag } from "./report.ts";

const BLOCK_MODELS = new Set<Charge["model"]>(["per_unit", "tiered", "volume", "usage"]);
const PER_EVENT = ["fixedAmount", "minAmount", "maxAmount"] as const;

export const percentageCheck: Check = {
  id: "percentage",
  codes: [
    "charge.percentage-target",
    "charge.percent-of-invalid",
    "charge.events-component",
    "price.min-above-max",
    "price.ignored-field",
    "charge.block-rounding-ignored",
  ],
  run(ctx) {
    const { doc } = ctx;
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i] as Package;
      const charges = pkg.charges ?? NONE;
      for (let j = 0; j < charges.length; j++) {
        const charge = charges[j] as Charge;
        const at = `/packages/${i}/charges/${j}`;
        if (
          charge.blockRounding !== undefined &&
          (!BLOCK_MODELS.has(charge.model) || (charge.blockSize ?? 1) <= 1)
        )
          flag(
            ctx,
            "charge.block-rounding-ignored",
            "warning",
            `${at}/blockRounding`,
            `has no effect: only a per_unit, tiered, volume or usage charge with a blockSize above 1 counts blocks.`,
          );
        if (charge.model !== "percentage") {
          for (const key of ["percentOf", "eventsComponent"] as const)
            if (charge[key] !== undefined)
              flag(
                ctx,
                "price.ignored-field",
                "warning",
                `${at}/${key}`,
                `is ignored because charge \`${charge.id}\` is priced ${charge.model}; it only applies to percentage charges.`,
              );
          continue;
        }
        const onVolume = charge.component !== undefined;
        if (onVolume === (charge.percentOf !== undefined))
          flag(
            ctx,
            "charge.percentage-target",
            "error",
            at,
            onVolume
              ? `sets both \`component\` and \`percentOf\`; a percentage charge takes a percent of a transaction volume or of other charges, not both.`
              : `needs a \`component\` (the metered transaction volume) or \`percentOf\` (the charges it takes a percent of), or it has nothing to take a percent of.`,
          );
        (charge.percentOf ?? []).forEach((id, k) => {
          const other = charges.find((c) => c.id === id);
          const why =
            id === charge.id
              ? "is the charge itself"
              : other === undefined
                ? `is not a charge of package \`${pkg.id}\``
                : other.model === "percentage"
                  ? "is itself a percentage charge, so the result would depend on the order they are priced in"
                  : undefined;
          if (why)
            flag(
              ctx,
              "charge.percent-of-invalid",
              "error",
              `${at}/percentOf/${k}`,
              `names \`${id}\`, which ${why}.`,
            );
        });
        if (charge.eventsComponent !== undefined) {
          const c = ctx.catalog.components.get(charge.eventsComponent);
          if (c === undefined || c.package !== pkg)
            flag(
              ctx,
              "charge.events-component",
              "error",
              `${at}/eventsComponent`,
              `names \`${charge.eventsComponent}\`, which is not a component of package \`${pkg.id}\`.`,
            );
        }
        charge.pricePoints.forEach((pp: PricePoint, k) => {
          const perEvent = PER_EVENT.filter((f) => pp[f] !== undefined);
          if (charge.percentOf !== undefined)
            for (const f of perEvent)
              flag(
                ctx,
                "price.ignored-field",
                "warning",
                `${at}/pricePoints/${k}/${f}`,
                `is ignored: a percentage of other charges has no transactions to charge a fee on or to bound.`,
              );
          else if (perEvent.length > 0 && charge.eventsComponent === undefined)
            flag(
              ctx,
              "charge.events-component",
              "error",
              `${at}/pricePoints/${k}/${perEvent[0]}`,
              `is charged per transaction, but charge \`${charge.id}\` names no \`eventsComponent\` counting the transactions.`,
            );
          const min = pp.minAmount !== undefined ? Decimal.tryParse(pp.minAmount) : undefined;
          const max = pp.maxAmount !== undefined ? Decimal.tryParse(pp.maxAmount) : undefined;
          if (min && max && min.gt(max))
            flag(
              ctx,
              "price.min-above-max",
              "error",
              `${at}/pricePoints/${k}/minAmount`,
              `(${pp.minAmount}) is above the maximum per transaction (${pp.maxAmount}), so no fee can satisfy both.`,
            );
        });
      }
    }
  },
};
