/**
 * Trial and introductory phases at the start of a new subscription: a free trial of N days (with
 * or without a payment method up front), then an introductory discount for N billing periods.
 * The schema keeps at most one of each, trial first; the form writes them in that order.
 */
import type { Phase } from "@tessera/schema";
import { CheckboxField, NumberField, TextField } from "./fields.tsx";
import type { PackageCtx } from "./packageContext.ts";

/** The phases list from the trial and the intro (either may be absent), trial first. */
export function phasesOf(trial: Phase | undefined, intro: Phase | undefined): Phase[] | undefined {
  const list = [trial, intro].filter((x): x is Phase => x !== undefined);
  return list.length > 0 ? list : undefined;
}

export function PhasesSection({ ctx }: { ctx: PackageCtx }) {
  const { pkg, p, set, readOnly, at } = ctx;
  const phases: Phase[] = pkg.phases ?? [];
  const trial = phases.find((x) => x.type === "trial");
  const intro = phases.find((x) => x.type === "intro");
  const ti = trial ? phases.indexOf(trial) : -1;
  const ii = intro ? phases.indexOf(intro) : -1;
  const put = (t: Phase | undefined, i: Phase | undefined) => set([...at, "phases"], phasesOf(t, i));
  return (
    <section className="ts-card" aria-labelledby="pkg-phases">
      <h2 id="pkg-phases">Trial and introductory price</h2>
      <div className="grid-2">
        <fieldset className="ts-group" data-pointer={trial ? p("phases", ti) : undefined}>
          <legend>Free trial</legend>
          <CheckboxField
            label="Offer a free trial"
            pointer=""
            checked={trial !== undefined}
            readOnly={readOnly}
            onChange={(on) => put(on ? { type: "trial", days: 14 } : undefined, intro)}
          />
          {trial ? (
            <>
              <NumberField
                label="Trial days"
                pointer={p("phases", ti, "days")}
                value={trial.days}
                readOnly={readOnly}
                onChange={(v) => {
                  const { days: _d, ...rest } = trial;
                  put(v === undefined ? rest : { ...rest, days: Math.max(1, v) }, intro);
                }}
              />
              <CheckboxField
                label="Collect a payment method up front"
                pointer={p("phases", ti, "requiresPaymentMethod")}
                checked={trial.requiresPaymentMethod === true}
                readOnly={readOnly}
                onChange={(on) => put({ ...trial, requiresPaymentMethod: on }, intro)}
              />
            </>
          ) : null}
        </fieldset>
        <fieldset className="ts-group" data-pointer={intro ? p("phases", ii) : undefined}>
          <legend>Introductory price</legend>
          <CheckboxField
            label="Offer an introductory discount"
            pointer=""
            checked={intro !== undefined}
            readOnly={readOnly}
            onChange={(on) =>
              put(trial, on ? { type: "intro", periods: 3, discountPercent: "50" } : undefined)
            }
          />
          {intro ? (
            <>
              <NumberField
                label="Discounted billing periods"
                pointer={p("phases", ii, "periods")}
                value={intro.periods}
                readOnly={readOnly}
                onChange={(v) => {
                  const { periods: _p, ...rest } = intro;
                  put(trial, v === undefined ? rest : { ...rest, periods: Math.max(1, v) });
                }}
              />
              <TextField
                label="Introductory discount (%)"
                pointer={p("phases", ii, "discountPercent")}
                value={intro.discountPercent}
                readOnly={readOnly}
                onChange={(v) => {
                  const { discountPercent: _d, ...rest } = intro;
                  put(trial, v.trim() ? { ...rest, discountPercent: v.trim() } : rest);
                }}
              />
            </>
          ) : null}
        </fieldset>
      </div>
    </section>
  );
}
