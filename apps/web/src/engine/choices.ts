/** Maps the engine's configuration to the UI's choice view models (no rule logic here). */
import type { AddOnChoice, OptionChoice } from "@tessera/engine";
import type { Choice } from "@tessera/ui";

export function optionChoice(o: OptionChoice, description?: string): Choice {
  return {
    id: o.id,
    name: o.name,
    state: o.state,
    ...(o.reason ? { reason: o.reason.message } : {}),
    ...(description ? { description } : {}),
  };
}

export function addOnChoice(a: AddOnChoice): Choice {
  return {
    id: a.id,
    name: a.name,
    state: a.included ? "required" : a.state,
    ...(a.included ? { reason: "Included with this package: free and not removable." } : {}),
    ...(!a.included && a.reason ? { reason: a.reason.message } : {}),
  };
}
