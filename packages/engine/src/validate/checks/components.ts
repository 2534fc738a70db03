/**
 * Component quantities: min ≤ max; the default (`default ?? min`) lies in [min, max] on a step
 * (min + k × step); included units do not exceed max; max itself is reachable on a step.
 */
import { type Check, NONE } from "../check.ts";
import { flag } from "./report.ts";

export const componentsCheck: Check = {
  id: "components",
  codes: [
    "component.min-above-max",
    "component.default-out-of-range",
    "component.default-off-step",
    "component.max-off-step",
    "component.included-above-max",
  ],
  run(ctx) {
    const { doc } = ctx;
    for (let i = 0; i < doc.packages.length; i++) {
      const comps = doc.packages[i]?.components ?? NONE;
      for (let j = 0; j < comps.length; j++) {
        const c = comps[j];
        if (c === undefined) continue;
        const min = c.min ?? 0;
        const step = c.step ?? 1;
        const { max } = c;
        if (max !== undefined && min > max) {
          flag(
            ctx,
            "component.min-above-max",
            "error",
            `/packages/${i}/components/${j}/min`,
            `is ${min}, above the max of ${max}, so no quantity is allowed.`,
          );
          continue;
        }
        if (c.default !== undefined) {
          if (c.default < min || (max !== undefined && c.default > max))
            flag(
              ctx,
              "component.default-out-of-range",
              "error",
              `/packages/${i}/components/${j}/default`,
              `is ${c.default}, outside the allowed ${min} to ${max ?? "unlimited"}.`,
            );
          else if ((c.default - min) % step !== 0)
            flag(
              ctx,
              "component.default-off-step",
              "error",
              `/packages/${i}/components/${j}/default`,
              `is ${c.default}, but quantities go from ${min} in steps of ${step}.`,
            );
        }
        if (max !== undefined && (max - min) % step !== 0)
          flag(
            ctx,
            "component.max-off-step",
            "warning",
            `/packages/${i}/components/${j}/max`,
            `is ${max}, which quantities from ${min} in steps of ${step} never reach; the largest allowed is ${max - ((max - min) % step)}.`,
          );
        if (max !== undefined && c.included !== undefined && c.included > max)
          flag(
            ctx,
            "component.included-above-max",
            "warning",
            `/packages/${i}/components/${j}/included`,
            `is ${c.included}, more than the max of ${max}, so some included units can never be used.`,
          );
      }
    }
  },
};
