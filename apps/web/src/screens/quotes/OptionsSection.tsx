/**
 * The option groups of the base package and its add-ons, as the engine reports them. Picking a
 * `switch` choice replaces what configure says it replaces. On a package with many options a search
 * box filters the options by name (groups with no match are hidden); a group nested under an option
 * that is not picked folds to one line saying what to pick first (a search unfolds it); past VIRTUAL_FROM options
 * the groups are one windowed list (VirtualOptionGroups), so a click re-renders the rows in view,
 * not thousands of options.
 */
import type { Configuration } from "@tessera/engine";
import type { Package, Quote } from "@tessera/schema";
import { type Choice, OptionGroup, type VirtualGroup, VirtualOptionGroups } from "@tessera/ui";
import { useDeferredValue, useMemo, useState } from "react";
import { addOnChoice, optionChoice } from "../../engine/choices.ts";
import { toggleAddOn, togglePick } from "./quoteStore.ts";

/** Packages with more options than this get the search box. */
const SEARCH_FROM = 12;

/** Packages with more options than this list them in one windowed list. */
const VIRTUAL_FROM = 300;

export interface OptionsSectionProps {
  pkg: Package;
  configuration: Configuration;
  edit: (update: (q: Quote) => Quote) => void;
}

/**
 * The name of the option a nested group hangs under while that option is not picked (so the group
 * does not apply yet and its choices fold away); undefined when it applies, when it is a top-level
 * group, or when one of its choices is picked (the seller must see it to take it back).
 */
function awaitingParent(
  parent: string | undefined,
  states: ReadonlyMap<string, Configuration["options"][number]>,
  choices: readonly Choice[],
): string | undefined {
  if (parent === undefined) return undefined;
  const p = states.get(parent);
  if (!p || p.state === "selected" || p.state === "required") return undefined;
  if (choices.some((c) => c.state === "selected" || c.state === "required")) return undefined;
  return p.name;
}

/** The search text and a case-insensitive name filter (deferred: typing never waits for the list). */
function useOptionSearch() {
  const [text, setText] = useState("");
  const deferred = useDeferredValue(text);
  const needle = deferred.trim().toLocaleLowerCase();
  const matches = (name: string) => needle === "" || name.toLocaleLowerCase().includes(needle);
  return { text, setText, matches, filtering: needle !== "" };
}

export function OptionsSection({ pkg, configuration, edit }: OptionsSectionProps) {
  const search = useOptionSearch();
  const groups = pkg.optionGroups ?? [];
  const total = useMemo(() => groups.reduce((n, g) => n + g.options.length, 0), [groups]);
  const byGroup = useMemo(() => {
    const map = new Map<string, Configuration["options"]>();
    for (const o of configuration.options) {
      if (o.package !== pkg.id) continue;
      const list = map.get(o.group);
      if (list) list.push(o);
      else map.set(o.group, [o]);
    }
    return map;
  }, [configuration, pkg.id]);
  const replaces = useMemo(
    () => new Map(configuration.options.map((o) => [o.id, o.replaces] as const)),
    [configuration],
  );
  const states = useMemo(
    () => new Map(configuration.options.map((o) => [o.id, o] as const)),
    [configuration],
  );
  const descriptions = useMemo(
    () => new Map(groups.flatMap((g) => g.options.map((o) => [o.id, o.description] as const))),
    [groups],
  );
  let shown = 0;
  const onToggle = (id: string) => edit((q) => togglePick(q, id, replaces.get(id)));
  const visible: VirtualGroup[] = [];
  for (const g of groups) {
    const choices = (byGroup.get(g.id) ?? [])
      .filter((o) => search.matches(o.name))
      .map((o) => optionChoice(o, descriptions.get(o.id)));
    if (search.filtering && choices.length === 0) continue;
    shown += choices.length;
    visible.push({
      id: g.id,
      name: g.name,
      min: g.min ?? 0,
      ...(g.max !== undefined ? { max: g.max } : {}),
      choices,
      awaiting: search.filtering ? undefined : awaitingParent(g.parentOption, states, choices),
    });
  }
  const sections =
    total > VIRTUAL_FROM ? (
      <VirtualOptionGroups groups={visible} onToggle={onToggle} label={`Options of ${pkg.name}`} />
    ) : (
      visible.map((g) => (
        <OptionGroup
          key={g.id}
          name={g.name}
          min={g.min ?? 0}
          {...(g.max !== undefined ? { max: g.max } : {})}
          choices={g.choices}
          onToggle={onToggle}
          awaiting={g.awaiting}
        />
      ))
    );
  const addOns = configuration.addOns.filter((a) => search.matches(a.name));
  return (
    <>
      {total >= SEARCH_FROM ? (
        <search className="ts-card ts-row" aria-label="Options">
          <label className="ts-label" htmlFor="option-search">
            Find an option
          </label>
          <input
            id="option-search"
            type="search"
            className="ts-input"
            style={{ flex: 1 }}
            placeholder={`Search ${total.toLocaleString("en-US")} options by name`}
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
          />
          {search.filtering ? (
            <span className="ts-hint" role="status">
              {shown.toLocaleString("en-US")} {shown === 1 ? "match" : "matches"}
            </span>
          ) : null}
        </search>
      ) : null}
      {sections}
      {addOns.length > 0 ? (
        <OptionGroup
          name="Add-ons"
          min={0}
          choices={addOns.map(addOnChoice)}
          onToggle={(id) => edit((q) => toggleAddOn(q, id))}
        />
      ) : null}
    </>
  );
}
