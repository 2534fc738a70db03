/**
 * The Tessera engine: pure functions from catalog JSON to validated, configured, priced and
 * navigable offers. No I/O, no clocks: dates come in as `asOf` parameters.
 */

export {
  addDays,
  addMonths,
  daysBetween,
  isDate,
  monthsPerPeriod,
  PERIOD_ADJECTIVE,
  PERIOD_ADVERB,
  PERIOD_NOUN,
  PERIOD_PER,
  pricingTableTerm,
  quotedTerm,
  quoteTermOf,
  type Span,
  sameSpan,
  spanAdjective,
  spanWords,
  termEnd,
  termFields,
  termLengthOf,
  termPeriodMismatch,
} from "./calendar.ts";
export { canonicalJson } from "./canonical.ts";
export { type CompiledCatalog, compile, type IndexedOption, type Located } from "./compile.ts";
export { configure } from "./configure/configure.ts";
export { holds, isFormulaRule, ruleFormulas, ruleHolds } from "./configure/formula.ts";
export type {
  AddOnChoice,
  BillingPeriodChoice,
  ChoiceState,
  Configuration,
  DefaultsApplied,
  OptionChoice,
  QuantityChoice,
  Reason,
  TermChoice,
} from "./configure/types.ts";
export { type UnfinishedGroup, unfinishedGroups } from "./configure/unfinished.ts";
export { formulaInWords, ruleInWords } from "./configure/words.ts";
export { formatMoney, minorUnit, roundMoney } from "./currency.ts";
export { Decimal } from "./decimal.ts";
export { type Diagnostic, pointerOf, pointerToken, resolvePointer, type Severity } from "./diagnostic.ts";
export { displayMoney } from "./display.ts";
export { duplicateEntry } from "./edit/duplicate.ts";
export {
  deletion,
  eachReference,
  idsWithin,
  type Namespace,
  type Reference,
  type Referrer,
  referencesTo,
  renameId,
  type Token,
} from "./edit/references.ts";
export { findJsonSyntaxError, type JsonSyntaxError, jsonSyntaxMessage } from "./json-syntax.ts";
export {
  type AddOnFate,
  type ApplyResult,
  applyMove,
  type Insight,
  type Move,
  type MoveKind,
  type MoveRequest,
  type PathsOptions,
  type PathsResult,
  type ProrationLine,
  paths,
  type UsageLine,
} from "./paths/index.ts";
export { firstMatchingCase, impliedKind, type MatchableMove } from "./paths/match.ts";
export { mrrOf } from "./paths/recurring.ts";
export { isSelfService } from "./paths/self-service.ts";
export { type VersionChoice, versionForArrangement, versionInForce } from "./paths/versions.ts";
export { quantityInWords, type UnitWords, unitWords } from "./price/explain.ts";
export { type DiscountImpact, discountImpact } from "./price/impact.ts";
export {
  type AddOnSchedule,
  type PriceLine,
  type PriceLineKind,
  type PriceResult,
  type PriceSchedule,
  type PriceTotals,
  price,
  type SchedulePhase,
} from "./price/index.ts";
export { isCompatibleAddOn } from "./validate/checks/addons.ts";
export {
  type Check,
  type CheckContext,
  checks,
  type ValidationResult,
  validate,
  validateText,
} from "./validate/index.ts";
