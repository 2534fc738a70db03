/**
 * Option groups: the pick bounds must be satisfiable (min ≤ max, min ≤ number of options), max
 * should not promise more picks than there are options, the defaults must fit in max, and nesting
 * (a group under a parent option) must be a tree: the parent lives in another group, and no chain
 * of parents loops back.
 */
import type { OptionGroup } from "@tessera/schema";
import { type Check, NONE } from "../check.ts";
import { flag } from "./report.ts";

export const groupsCheck: Check = {
  id: "option-groups",
  codes: [
    "group.min-above-max",
    "group.min-above-options",
    "group.max-above-options",
    "group.too-many-defaults",
    "group.parent-in-group",
    "group.nesting-cycle",
    "option.retired-default",
  ],
  run(ctx) {
    const { doc, catalog } = ctx;
    /** Group → the group of its parent option (nesting edges; at most one per group). */
    const parentGroup = new Map<OptionGroup, OptionGroup>();
    /** Pointer of each nested group (only those can be on a loop). */
    const groupAt = new Map<OptionGroup, string>();
    for (let i = 0; i < doc.packages.length; i++) {
      const groups = doc.packages[i]?.optionGroups ?? NONE;
      for (let j = 0; j < groups.length; j++) {
        const g = groups[j] as OptionGroup;
        const n = g.options.length;
        const min = g.min ?? 0;
        if (g.max !== undefined && min > g.max)
          flag(
            ctx,
            "group.min-above-max",
            "error",
            `/packages/${i}/optionGroups/${j}/min`,
            `is ${min}, above the group's max of ${g.max}, so no choice is valid.`,
          );
        else if (min > n)
          flag(
            ctx,
            "group.min-above-options",
            "error",
            `/packages/${i}/optionGroups/${j}/min`,
            `is ${min}, but the group has only ${n} option${n === 1 ? "" : "s"}, so it can never be satisfied.`,
          );
        if (g.max !== undefined && g.max > n)
          flag(
            ctx,
            "group.max-above-options",
            "warning",
            `/packages/${i}/optionGroups/${j}/max`,
            `is ${g.max}, more than the group's ${n} option${n === 1 ? "" : "s"}; lower it to ${n} or omit it.`,
          );
        let defaults = 0;
        for (let k = 0; k < n; k++) {
          const o = g.options[k];
          if (o?.default !== true) continue;
          defaults++;
          if (o.status === "retired")
            flag(
              ctx,
              "option.retired-default",
              "warning",
              `/packages/${i}/optionGroups/${j}/options/${k}/default`,
              "marks a retired option as a default, but retired options cannot be picked on new quotes.",
            );
        }
        if (g.max !== undefined && defaults > g.max)
          flag(
            ctx,
            "group.too-many-defaults",
            "error",
            `/packages/${i}/optionGroups/${j}/options`,
            `have ${defaults} defaults, more than the group's max of ${g.max}, so a new quote starts invalid.`,
          );
        if (g.parentOption !== undefined) {
          const parent = catalog.options.get(g.parentOption);
          if (parent === undefined) continue;
          if (parent.group === g)
            flag(
              ctx,
              "group.parent-in-group",
              "error",
              `/packages/${i}/optionGroups/${j}/parentOption`,
              `is \`${g.parentOption}\`, an option of this same group; a group can only be nested under an option of another group.`,
            );
          else {
            parentGroup.set(g, parent.group);
            groupAt.set(g, `/packages/${i}/optionGroups/${j}`);
          }
        }
      }
    }
    // Nesting is a functional graph (one parent per group): walk each chain once to find loops.
    const done = new Set<OptionGroup>();
    for (const start of parentGroup.keys()) {
      const path: OptionGroup[] = [];
      const onPath = new Set<OptionGroup>();
      let cur: OptionGroup | undefined = start;
      while (cur !== undefined && !done.has(cur) && !onPath.has(cur)) {
        onPath.add(cur);
        path.push(cur);
        cur = parentGroup.get(cur);
      }
      if (cur !== undefined && onPath.has(cur)) {
        const cycle = path.slice(path.indexOf(cur));
        const at = groupAt.get(cur);
        if (at !== undefined)
          flag(
            ctx,
            "group.nesting-cycle",
            "error",
            `${at}/parentOption`,
            `nests the group in a loop (${cycle.map((g) => `\`${g.id}\``).join(" → ")} → \`${cur.id}\`), so none of their options can ever be picked.`,
          );
      }
      for (const g of path) done.add(g);
    }
  },
};
