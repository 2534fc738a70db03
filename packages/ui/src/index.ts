/**
 * Tessera's React components. They take plain props (engine output mapped to view models) and
 * never compute prices or rules themselves.
 */
export { MrrChart, type MrrChartProps, type MrrPointView } from "./accounts/MrrChart.tsx";
export { DiagnosticsPanel, type DiagnosticsPanelProps } from "./catalog/DiagnosticsPanel.tsx";
export { type DiffChange, DiffView, type DiffViewProps } from "./catalog/DiffView.tsx";
export { ErrorBoundary, type ErrorBoundaryProps } from "./feedback/ErrorBoundary.tsx";
export { ErrorState, type ErrorStateProps } from "./feedback/ErrorState.tsx";
export { LoadingState, type LoadingStateProps } from "./feedback/LoadingState.tsx";
export { TokenSignIn, type TokenSignInProps } from "./feedback/TokenSignIn.tsx";
export { Tooltip, type TooltipProps } from "./feedback/Tooltip.tsx";
export { pixelOffsets } from "./format/decimalScale.ts";
export { formatInstant } from "./format/instant.ts";
export { formatDelta, formatMoney, PERIOD_LABEL } from "./format/money.ts";
export { unitFor } from "./format/units.ts";
export type { Choice, ChoiceState } from "./options/choice.ts";
export {
  OptionChoice,
  type OptionChoiceProps,
  OptionGroup,
  type OptionGroupProps,
} from "./options/OptionGroup.tsx";
export { QuantityInput, type QuantityInputProps } from "./options/QuantityInput.tsx";
export {
  type VirtualGroup,
  VirtualOptionGroups,
  type VirtualOptionGroupsProps,
} from "./options/VirtualOptionGroups.tsx";
export {
  type LadderEdge,
  LadderGraph,
  type LadderGraphProps,
  type LadderNode,
} from "./paths/LadderGraph.tsx";
export { MoveList, type MoveListProps, type MoveView, type ProrationLineView } from "./paths/MoveList.tsx";
export { type ComparedPackage, PackageCompare, type PackageCompareProps } from "./pricing/PackageCompare.tsx";
export { PriceChart, type PriceChartProps, type PricePointView } from "./pricing/PriceChart.tsx";
export { PriceNotes } from "./pricing/PriceNotes.tsx";
export {
  type PriceLineView,
  PriceSummary,
  type PriceSummaryProps,
  type PriceTotalsView,
} from "./pricing/PriceSummary.tsx";
export { AppShell, type AppShellProps, type NavLink } from "./shell/AppShell.tsx";
