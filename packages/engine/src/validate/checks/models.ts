/**
 * A price point carries the amount fields its charge's model reads: flat needs `amount`,
 * per_unit `unitAmount`, tiered/volume/usage `tiers`, stairstep `steps`, one_time `amount` or
 * `unitAmount`. Missing ones make the charge unpriceable (error); fields the model ignores are
 * almost always a mistake in the model (warning). Likewise for `blockSize` on models that do not
 * count units.
 */
import type { Charge, PricePoint } from "@tessera/schema";
import { type Check, NONE } from "../check.ts";
import { flag } from "./report.ts";

type Field =
  | "amount"
  | "unitAmount"
  | "tiers"
  | "steps"
  | "includedUnits"
  | "billingPeriod"
  | "percent"
  | "fixedAmount"
  | "minAmount"
  | "maxAmount";
const FIELDS: readonly Field[] = [
  "amount",
  "unitAmount",
  "tiers",
  "steps",
  "includedUnits",
  "percent",
  "fixedAmount",
  "minAmount",
  "maxAmount",
];

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
  percentage: {
    reads: ["percent", "fixedAmount", "minAmount", "maxAmount"],
    need: ["percent"],
    words: "a `percent`",
  },
};

/** Bit of each amount field in a point's presence mask (FIELDS order). */
const FIELD_BIT: Record<Field, number> = {
  amount: 1,
  unitAmount: 2,
  tiers: 4,
  steps: 8,
  includedUnits: 16,
  billingPeriod: 32,
  percent: 64,
  fixedAmount: 128,
  minAmount: 256,
  maxAmount: 512,
};
const maskOf = (fields: readonly Field[]) => fields.reduce((m, f) => m | FIELD_BIT[f], 0);
const MASKS = Object.fromEntries(
  Object.entries(MODEL).map(([model, spec]) => [
    model,
    { reads: maskOf(spec.reads), need: maskOf(spec.need) },
  ]),
) as Record<Charge["model"], { reads: number; need: number }>;

const BLOCK_MODELS = new Set<Charge["model"]>(["per_unit", "tiered", "volume", "usage"]);

export const modelsCheck: Check = {
  id: "price-models",
  codes: ["price.model-fields", "price.ignored-field", "charge.block-size-ignored"],
  run(ctx) {
    const { doc } = ctx;
    for (let i = 0; i < doc.packages.length; i++) {
      const charges = doc.packages[i]?.charges ?? NONE;
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
        const masks = MASKS[charge.model];
        const points = charge.pricePoints;
        for (let k = 0; k < points.length; k++) {
          const pp = points[k] as PricePoint;
          const present =
            (pp.amount !== undefined ? 1 : 0) |
            (pp.unitAmount !== undefined ? 2 : 0) |
            (pp.tiers !== undefined ? 4 : 0) |
            (pp.steps !== undefined ? 8 : 0) |
            (pp.includedUnits !== undefined ? 16 : 0) |
            (pp.percent !== undefined ? 64 : 0) |
            (pp.fixedAmount !== undefined ? 128 : 0) |
            (pp.minAmount !== undefined ? 256 : 0) |
            (pp.maxAmount !== undefined ? 512 : 0);
          if (!(present & masks.need))
            flag(
              ctx,
              "price.model-fields",
              "error",
              `/packages/${i}/charges/${j}/pricePoints/${k}`,
              `needs ${spec.words} because charge \`${charge.id}\` is priced ${charge.model}.`,
            );
          if (present & ~masks.reads)
            for (const f of FIELDS) {
              if (present & ~masks.reads & FIELD_BIT[f])
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
