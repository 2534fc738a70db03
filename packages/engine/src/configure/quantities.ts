/**
 * Component quantities: bounds, steps and linear quantity rules.
 *
 * Decisions:
 * - A quantity defaults to `default ?? min ?? 0`; it must lie in [min, max] and be min + k × step.
 * - A quantity rule whose `when` names picks is a conditional constraint: it applies when the
 *   condition holds on the current picks (picked = true, everything else = false). Quantities never
 *   feed back into option availability.
 * - The allowed range reported for a quantity is the range it may take with the picks and all other
 *   quantities as they are (bounds propagation of each applying rule over that one quantity), aligned
 *   to its step.
 * - An add-on's own quantity (units of the add-on) lies in [1, addOn.maxQuantity ?? 1].
 */
import type { Component, Condition, Package, QuantityRule } from "@tessera/schema";
import type { CompiledCatalog } from "../compile.ts";
import type { Diagnostic } from "../diagnostic.ts";
import { pointerToken } from "../diagnostic.ts";
import type { DefaultsApplied, QuantityChoice } from "./types.ts";

export interface QuantityScope {
  pkg: Package;
  /** JSON Pointer of the quantities object of this package in the selection. */
  pointer: string;
  given: Readonly<Record<string, number | undefined>> | undefined;
}

interface Slot {
  component: Component;
  pkg: Package;
  value: number;
  explicit: boolean;
  pointer: string;
  name: string;
  unit: string;
}

/** Whether a condition over picks holds on the picked set. */
export function conditionHolds(when: Condition | undefined, picked: ReadonlySet<string>): boolean {
  if (!when) return true;
  if (when.allOf && !when.allOf.every((id) => picked.has(id))) return false;
  if (when.anyOf && !when.anyOf.some((id) => picked.has(id))) return false;
  if (when.noneOf?.some((id) => picked.has(id))) return false;
  return true;
}

const fmt = (n: number) => String(n);

function unitText(unit: string, n: number): string {
  return n !== 1 && /^[a-z][a-z ]*$/.test(unit) && !unit.endsWith("s") ? `${unit}s` : unit;
}

function describeViolation(rule: QuantityRule, slots: Map<string, Slot>, lhs: number): string {
  const left = rule.terms.filter((t) => t.coefficient > 0);
  const right = rule.terms.filter((t) => t.coefficient < 0);
  const show = (component: string, coef: number, perUnitOf?: Slot): string => {
    const s = slots.get(component);
    const value = s?.value ?? 0;
    const name = s?.name ?? component;
    const unit = s?.unit ?? "";
    const amount = `${name} ${fmt(value)}${unit ? ` ${unitText(unit, value)}` : ""}`;
    if (perUnitOf && s) {
      return `${fmt(coef)}${perUnitOf.unit ? ` ${perUnitOf.unit}` : ""} per ${s.unit || "unit"} × ${fmt(value)} ${unitText(s.unit || "unit", value)}`;
    }
    return coef === 1 ? amount : `${fmt(coef)} × ${amount}`;
  };
  const id = `(rule \`${rule.id}\`)`;
  if (left.length === 1 && right.length >= 1 && rule.comparator !== "==") {
    const head = slots.get(left[0]!.component);
    const lText = show(left[0]!.component, left[0]!.coefficient);
    const rParts = right.map((t) => show(t.component, -t.coefficient, head));
    if (rule.bound !== 0) rParts.push(fmt(rule.bound));
    const verb = rule.comparator === "<=" ? "exceeds" : "is below";
    return `${lText} ${verb} ${rParts.join(" + ")} ${id}.`;
  }
  const terms = rule.terms.map((t) => show(t.component, t.coefficient)).join(" + ");
  const must = rule.comparator === "<=" ? "at most" : rule.comparator === ">=" ? "at least" : "exactly";
  return `${terms} comes to ${fmt(lhs)}, but must be ${must} ${fmt(rule.bound)} ${id}.`;
}

/**
 * Checks the quantities of the base and of the picked add-ons, appending violations and defaults;
 * returns the state of each quantity.
 */
export function configureQuantities(
  catalog: CompiledCatalog,
  scopes: readonly QuantityScope[],
  picked: ReadonlySet<string>,
  violations: Diagnostic[],
  defaults: DefaultsApplied,
): QuantityChoice[] {
  const slots = new Map<string, Slot>();
  for (const scope of scopes) {
    const own = new Set((scope.pkg.components ?? []).map((c) => c.id));
    for (const key of Object.keys(scope.given ?? {})) {
      if (!own.has(key)) {
        violations.push({
          code: "config.unknown-component",
          severity: "error",
          pointer: `${scope.pointer}/${pointerToken(key)}`,
          message: `${scope.pkg.name} has no component \`${key}\`; remove this quantity.`,
        });
      }
    }
    for (const c of scope.pkg.components ?? []) {
      const given = scope.given?.[c.id];
      const service = catalog.services.get(c.service)?.value;
      const value = given ?? c.default ?? c.min ?? 0;
      if (given === undefined) defaults.quantities.push({ component: c.id, package: scope.pkg.id, value });
      slots.set(c.id, {
        component: c,
        pkg: scope.pkg,
        value,
        explicit: given !== undefined,
        pointer: `${scope.pointer}/${pointerToken(c.id)}`,
        name: c.name ?? service?.name ?? c.id,
        unit: service?.unit ?? "",
      });
    }
  }

  for (const s of slots.values()) {
    const { component: c, value } = s;
    const min = c.min ?? 0;
    const step = c.step ?? 1;
    const at = (message: string) =>
      violations.push({ code: "config.quantity-bounds", severity: "error", pointer: s.pointer, message });
    if (!Number.isFinite(value)) at(`${s.name} must be a number.`);
    else if (value < min) at(`${s.name} ${fmt(value)} is below the minimum of ${fmt(min)}.`);
    else if (c.max !== undefined && value > c.max)
      at(`${s.name} ${fmt(value)} is above the maximum of ${fmt(c.max)}.`);
    else if (!onStep(value, min, step))
      at(`${s.name} must be ${fmt(min)} plus a multiple of ${fmt(step)}; ${fmt(value)} is not.`);
  }

  const rules: QuantityRule[] = [];
  for (const scope of scopes) {
    for (const r of scope.pkg.quantityRules ?? []) if (conditionHolds(r.when, picked)) rules.push(r);
  }
  const quantityOf = (id: string) => slots.get(id)?.value ?? 0;
  for (const r of rules) {
    const lhs = r.terms.reduce((sum, t) => sum + t.coefficient * quantityOf(t.component), 0);
    const ok =
      r.comparator === "<=" ? lhs <= r.bound : r.comparator === ">=" ? lhs >= r.bound : lhs === r.bound;
    if (ok) continue;
    const target =
      r.terms.map((t) => slots.get(t.component)).find((s) => s?.explicit) ?? slots.get(r.terms[0]!.component);
    violations.push({
      code: "config.quantity-rule",
      severity: "error",
      pointer: target?.pointer ?? "/quantities",
      message: describeViolation(r, slots, lhs),
    });
  }

  const out: QuantityChoice[] = [];
  for (const s of slots.values()) {
    const c = s.component;
    const min = c.min ?? 0;
    const step = c.step ?? 1;
    let lo = min;
    let hi = c.max ?? Number.POSITIVE_INFINITY;
    const binding = new Set<string>();
    const whenPicks = new Set<string>();
    for (const r of rules) {
      const mine = r.terms.filter((t) => t.component === c.id).reduce((a, t) => a + t.coefficient, 0);
      if (mine === 0) continue;
      const rest = r.terms
        .filter((t) => t.component !== c.id)
        .reduce((sum, t) => sum + t.coefficient * quantityOf(t.component), 0);
      const limit = (r.bound - rest) / mine;
      const upper = (r.comparator === "<=") === mine > 0 || r.comparator === "==";
      const lower = (r.comparator === ">=") === mine > 0 || r.comparator === "==";
      const before = [lo, hi];
      if (upper) hi = Math.min(hi, Math.floor(limit + 1e-9));
      if (lower) lo = Math.max(lo, Math.ceil(limit - 1e-9));
      if (before[0] !== lo || before[1] !== hi) {
        binding.add(r.id);
        for (const id of [...(r.when?.allOf ?? []), ...(r.when?.anyOf ?? [])])
          if (picked.has(id)) whenPicks.add(id);
      }
    }
    lo = min + Math.ceil((lo - min) / step - 1e-9) * step;
    if (Number.isFinite(hi)) hi = min + Math.floor((hi - min) / step + 1e-9) * step;
    const choice: QuantityChoice = {
      component: c.id,
      package: s.pkg.id,
      name: s.name,
      value: s.value,
      min: lo,
      max: Number.isFinite(hi) ? hi : null,
      step,
      state: s.explicit ? "selected" : "available",
    };
    const rulesList = [...binding];
    const picks = [...whenPicks];
    if (rulesList.length > 0 && lo <= hi) {
      const said = rulesList.map((id) => {
        const r = rules.find((x) => x.id === id);
        return r?.description?.trim() || `rule \`${id}\``;
      });
      const bounds = [
        ...(lo > min ? [`at least ${fmt(lo)}`] : []),
        ...(hi < (c.max ?? Number.POSITIVE_INFINITY) ? [`at most ${fmt(hi)}`] : []),
      ].join(" and ");
      if (bounds)
        choice.limits = `${bounds[0]!.toUpperCase()}${bounds.slice(1)} with the other quantities as they are: ${said.join(" ")}`;
    }
    const tail = rulesList.length ? ` (${rulesList.map((r) => `rule \`${r}\``).join(", ")})` : "";
    if (lo > hi) {
      if (!s.explicit) choice.state = "disabled";
      choice.reason = {
        rules: rulesList,
        picks,
        message: `Disabled: no value of ${s.name} fits the other quantities${tail}.`,
      };
    } else if (lo === hi && !s.explicit) {
      choice.state = "required";
      choice.reason = {
        rules: rulesList,
        picks,
        message: rulesList.length
          ? `Required: ${s.name} must be ${fmt(lo)}${tail}.`
          : `Required: ${s.name} is fixed at ${fmt(lo)} in ${s.pkg.name}.`,
      };
    }
    out.push(choice);
  }
  return out;
}

function onStep(value: number, min: number, step: number): boolean {
  if (step <= 0) return true;
  const k = (value - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}
