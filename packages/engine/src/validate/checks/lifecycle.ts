/**
 * Lifecycle: a retired package names a successor its customers renew or migrate into (else they
 * can only stay until their term ends); a successor is sellable, of the same role, and successor
 * chains never loop; effective dates are in order, and an active package is still on sale on the
 * catalog's effective date; active packages deliver only active services.
 *
 * @see https://docs.killbill.io/latest/userguide_subscription.html (Kill Bill: retired plans
 * stay for existing subscriptions; new ones move to the current version)
 */
import type { AtomicService, Package } from "@tessera/schema";
import { type Check, type CheckContext, NONE } from "../check.ts";
import { flag } from "./report.ts";

function inactiveService(ctx: CheckContext, pkgId: string, svc: AtomicService, pointer: string): void {
  flag(
    ctx,
    "service.not-active",
    "warning",
    pointer,
    `is \`${svc.id}\`, a ${svc.status} service, inside the active package \`${pkgId}\`.`,
  );
}

export const lifecycleCheck: Check = {
  id: "lifecycle",
  codes: [
    "package.retired-without-successor",
    "successor.not-active",
    "successor.role-mismatch",
    "successor.cycle",
    "dates.out-of-order",
    "package.expired",
    "service.not-active",
  ],
  run(ctx) {
    const { doc, catalog } = ctx;
    // A version cannot reach existing customers before it is in force at all.
    if (
      doc.existingSubscriptionsFrom !== undefined &&
      doc.effectiveDate !== undefined &&
      doc.existingSubscriptionsFrom < doc.effectiveDate
    )
      flag(
        ctx,
        "dates.out-of-order",
        "error",
        "/existingSubscriptionsFrom",
        `is ${doc.existingSubscriptionsFrom}, before this version takes effect on ${doc.effectiveDate}; existing customers can only move onto it once it is in force.`,
      );
    for (let i = 0; i < doc.packages.length; i++) {
      const pkg = doc.packages[i] as Package;
      if (pkg.status === "retired" && pkg.successor === undefined)
        flag(
          ctx,
          "package.retired-without-successor",
          "warning",
          `/packages/${i}`,
          "is retired without a `successor`, so its customers cannot renew and have no package to move into.",
        );
      const next = pkg.successor === undefined ? undefined : catalog.packages.get(pkg.successor)?.value;
      if (next !== undefined && next !== pkg) {
        if (next.status !== "active")
          flag(
            ctx,
            "successor.not-active",
            "error",
            `/packages/${i}/successor`,
            `is \`${next.id}\`, which is ${next.status}, so customers cannot be moved into it.`,
          );
        if (next.role !== pkg.role)
          flag(
            ctx,
            "successor.role-mismatch",
            "error",
            `/packages/${i}/successor`,
            `is \`${next.id}\`, ${next.role === "base" ? "a base package" : "an add-on"}, but \`${pkg.id}\` is ${pkg.role === "base" ? "a base package" : "an add-on"}.`,
          );
      }
      if (
        pkg.effectiveFrom !== undefined &&
        pkg.effectiveTo !== undefined &&
        pkg.effectiveFrom > pkg.effectiveTo
      )
        flag(
          ctx,
          "dates.out-of-order",
          "error",
          `/packages/${i}/effectiveTo`,
          `is ${pkg.effectiveTo}, before the package's first day of sale ${pkg.effectiveFrom}.`,
        );
      else if (
        pkg.status === "active" &&
        pkg.effectiveTo !== undefined &&
        doc.effectiveDate !== undefined &&
        pkg.effectiveTo < doc.effectiveDate
      )
        flag(
          ctx,
          "package.expired",
          "warning",
          `/packages/${i}/effectiveTo`,
          `is ${pkg.effectiveTo}, before the catalog takes effect on ${doc.effectiveDate}, so this active package can never be sold; retire it or extend the date.`,
        );
      if (pkg.status !== "active") continue;
      const comps = pkg.components ?? NONE;
      for (let j = 0; j < comps.length; j++) {
        const id = comps[j]?.service;
        const svc = id === undefined ? undefined : catalog.services.get(id)?.value;
        if (svc !== undefined && svc.status !== "active")
          inactiveService(ctx, pkg.id, svc, `/packages/${i}/components/${j}/service`);
      }
      const groups = pkg.optionGroups ?? NONE;
      for (let j = 0; j < groups.length; j++) {
        const options = groups[j]?.options ?? NONE;
        for (let k = 0; k < options.length; k++) {
          const id = options[k]?.service;
          const svc = id === undefined ? undefined : catalog.services.get(id)?.value;
          if (svc !== undefined && svc.status !== "active")
            inactiveService(ctx, pkg.id, svc, `/packages/${i}/optionGroups/${j}/options/${k}/service`);
        }
      }
    }
    // Successor links form a functional graph: walk each chain once to find loops.
    const done = new Set<Package>();
    for (const start of doc.packages) {
      if (start.successor === undefined || done.has(start)) continue;
      const path: Package[] = [];
      const onPath = new Set<Package>();
      let cur: Package | undefined = start;
      while (cur !== undefined && !done.has(cur) && !onPath.has(cur)) {
        onPath.add(cur);
        path.push(cur);
        cur = cur.successor === undefined ? undefined : catalog.packages.get(cur.successor)?.value;
      }
      if (cur !== undefined && onPath.has(cur)) {
        const cycle = path.slice(path.indexOf(cur));
        flag(
          ctx,
          "successor.cycle",
          "error",
          `/packages/${doc.packages.indexOf(cur)}/successor`,
          `leads in a circle (${cycle.map((p) => `\`${p.id}\``).join(" → ")} → \`${cur.id}\`), so customers are never moved to a sellable package.`,
        );
      }
      for (const p of path) done.add(p);
    }
  },
};
