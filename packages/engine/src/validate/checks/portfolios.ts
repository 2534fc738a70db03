/**
 * Portfolios: a product line holds at least one package (an empty one shows up in every picker
 * and leads nowhere), and its display order lists only its own packages, each once.
 */
import type { Check } from "../check.ts";
import { flag } from "./report.ts";

export const portfoliosCheck: Check = {
  id: "portfolios",
  codes: ["portfolio.empty", "portfolio.order-foreign-package"],
  run(ctx) {
    const { doc, catalog } = ctx;
    const used = new Set<string>();
    for (const p of doc.packages) used.add(p.portfolio);
    doc.portfolios.forEach((port, i) => {
      if (!used.has(port.id))
        flag(
          ctx,
          "portfolio.empty",
          "warning",
          `/portfolios/${i}`,
          "has no packages; add some or remove the portfolio.",
        );
      const order = port.packageOrder ?? [];
      for (let k = 0; k < order.length; k++) {
        const p = catalog.packages.get(order[k] as string)?.value;
        if (p !== undefined && p.portfolio !== port.id)
          flag(
            ctx,
            "portfolio.order-foreign-package",
            "warning",
            `/portfolios/${i}/packageOrder/${k}`,
            `lists \`${p.id}\`, which belongs to portfolio \`${p.portfolio}\`, so it is ignored here.`,
          );
      }
    });
  },
};
