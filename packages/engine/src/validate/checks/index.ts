/**
 * The ordered table of semantic checks `validate` runs after the schema layer and `compile`.
 * Add a check by importing it here; order is the order diagnostics are reported in.
 */
import type { Check } from "../check.ts";
import { addOnOfferCheck } from "./addon-offer.ts";
import { addOnsCheck } from "./addons.ts";
import { amountsCheck } from "./amounts.ts";
import { approvalsCheck } from "./approvals.ts";
import { componentsCheck } from "./components.ts";
import { formulasCheck } from "./formulas.ts";
import { groupsCheck } from "./groups.ts";
import { idsCheck } from "./ids.ts";
import { lifecycleCheck } from "./lifecycle.ts";
import { logicCheck } from "./logic.ts";
import { modelsCheck } from "./models.ts";
import { namesCheck } from "./names.ts";
import { pathsCheck } from "./paths.ts";
import { percentageCheck } from "./percentage.ts";
import { policyCheck } from "./policy.ts";
import { portfoliosCheck } from "./portfolios.ts";
import { priceBooksCheck } from "./pricebooks.ts";
import { pricesCheck } from "./prices.ts";
import { refsCheck } from "./refs.ts";
import { terminationCheck } from "./termination.ts";
import { termsCheck } from "./terms.ts";
import { tiersCheck } from "./tiers.ts";

export const checks: Check[] = [
  idsCheck,
  namesCheck,
  refsCheck,
  formulasCheck,
  priceBooksCheck,
  pricesCheck,
  amountsCheck,
  modelsCheck,
  percentageCheck,
  tiersCheck,
  componentsCheck,
  groupsCheck,
  termsCheck,
  addOnsCheck,
  addOnOfferCheck,
  lifecycleCheck,
  terminationCheck,
  portfoliosCheck,
  pathsCheck,
  policyCheck,
  approvalsCheck,
  logicCheck,
];
