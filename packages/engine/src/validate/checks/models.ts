/**
 * A price point carries the amount fields its charge's model reads: flat needs `amount`,
 * per_unit `unitAmount`, tiered/volume/usage `tiers`, stairstep `steps`, one_time `amount` or
 * `unitAmount`. Missing ones make the charge unpriceable (error); fields the model ignores are
 * almost always a mistake in the model (warning). Likewise for `blockSize` on models that do not
 * count units.
 */
import type { Charge, PricePoint } from "@tessera/schema";
import type { Check } from "../check.ts";
import { flag } from "./report.ts";

type Field = "amount" | "unitAmount" | "tiers" | "steps" | "includedUnits" | "billingPeriod";
const FIELDS: readonly Field[] = ["amount", "unitAmount", "tiers", "steps", "includedUnits"];

/** Fields each model reads; `need` lists alternatives of which one must be present. */
const MODEL: Record<Charge["model"], { reads: readonly Field[]; need: readonly Field[]; words: string }> = {
  flat: { reads: ["amount"], need: ["amount"], words: "an `amount`" },
  per_unit: { reads: ["unitAmount"], need: ["unitAmount"], words: "a `unitAmount`" },
  tiered: { reads: ["tiers"], need: ["tiers"], words: "`tiers`" },
  volume: { reads: ["tiers"], need: ["tiers"], words: "`tiers`" },
  usage: { reads: ["tiers", "includedUnits"], need: ["tiers"], words: "`tiers` (the rate card)" },
  stairstep: { reads: ["steps"], need: ["steps"], words: "`steps`" },
  one_time: {
    reads: ["amount", "unitAmount"],
    need: ["amount", "unitAmount"],
    words: "an `amount` or `unitAmount`",
  },
};

const BLOCK_MODELS = new Set<Charge["model"]>(["per_unit", "tiered", "volume", "usage"]);

export const modelsCheck: Check = {
  id: "price-models",
  codes: ["price.model-fields", "price.ignored-field", "charge.block-size-ignored"],
  run(ctx) {
    const { doc } = ctx;
    for (let i = 0; i < doc.packages.length; i++) {
      const charges = doc.packages[i]?.charges ?? [];
      for (let j = 0; j < charges.length; j++) {
        const charge = charges[j];
        if (charge === undefined) continue;
        const spec = MODEL[charge.model];
        if (!spec) continue;
        if (charge.blockSize !== undefined && !BLOCK_MODELS.has(charge.model))
          flag(
            ctx,
            "charge.block-size-ignored",
            "warning",
            `/packages/${i}/charges/${j}/blockSize`,
            `has no effect on a ${charge.model} charge; only per_unit, tiered, volume and usage charges count blocks.`,
          );
        const points = charge.pricePoints;
        for (let k = 0; k < points.length; k++) {
          const pp = points[k] as PricePoint;
          let has = false;
          for (const f of spec.need) if (pp[f as keyof PricePoint] !== undefined) has = true;
          if (!has)
            flag(
              ctx,
              "price.model-fields",
              "error",
              `/packages/${i}/charges/${j}/pricePoints/${k}`,
              `needs ${spec.words} because charge \`${charge.id}\` is priced ${charge.model}.`,
            );
          for (const f of FIELDS) {
            if (pp[f] !== undefined && !spec.reads.includes(f))
              flag(
                ctx,
                "price.ignored-field",
                "warning",
                `/packages/${i}/charges/${j}/pricePoints/${k}/${f}`,
                `is ignored because charge \`${charge.id}\` is priced ${charge.model}; remove it or change the model.`,
              );
          }
          if (charge.model === "one_time" && pp.billingPeriod !== undefined)
            flag(
              ctx,
              "price.ignored-field",
              "warning",
              `/packages/${i}/charges/${j}/pricePoints/${k}/billingPeriod`,
              "is ignored because one-time charges are not billed per period; remove it.",
            );
        }
      }
    }
  },
};
