/**
 * Tessera's bridges to other systems: Kill Bill catalog XML (both ways), Stripe Products and
 * Prices payloads, CSV price points, and the breaking-change diff between two catalogs. Pure
 * functions over text and catalog JSON; the CLI and the API call them.
 */

export { applyPriceSheet, exportPriceSheet, PRICE_COLUMNS, type PriceSheetResult } from "./csv/prices.ts";
export { formatInteropDiagnostic, type InteropDiagnostic, type Located } from "./diagnostic.ts";
export { type CatalogChange, type CatalogDiff, diffCatalogs } from "./diff/diff.ts";
export { exportKillBill, type KillBillExport } from "./killbill/export.ts";
export { type ImportResult, importKillBill } from "./killbill/import.ts";
export { checkStructure, type StructureProblem } from "./killbill/structure.ts";
export { exportStripe, type StripeExport, type StripePrice, type StripeProduct } from "./stripe/export.ts";
export { decimalNumber, money, stringifyTmf } from "./tmf620/json.ts";
export {
  TMF620_BASE,
  type Tmf620View,
  type TmfResource,
  type TmfResourceName,
  toTmf620,
} from "./tmf620/map.ts";
export { parseTmfQuery, runTmfQuery, type TmfQuery } from "./tmf620/query.ts";
export { parseXml, type XmlElement } from "./xml/tree.ts";
