/**
 * The Tessera service core: tRPC routers, auth, storage and migrations. `apps/server` puts it on
 * HTTP; the web app imports only its types (`AppRouter`, `RouterInputs`, `RouterOutputs`).
 */

export type { CustomerSummary } from "./accounts/router.ts";
export type { Account, AccountArrangement, AccountEvent, MrrPoint, Upcoming } from "./accounts/summary.ts";
export { type Principal, ROLES, type Role } from "./auth/roles.ts";
export { bearerToken, generateToken, hashToken, insertToken, type TokenRecord } from "./auth/tokens.ts";
export type { Change } from "./catalogs/diff.ts";
export { contentHashOf, PublishedCatalogs, type PublishedVersion } from "./catalogs/published.ts";
export type { CatalogSummary, Draft, VersionInfo } from "./catalogs/router.ts";
export { appendAudit } from "./data/audit.ts";
export { isCatalogPublic } from "./data/catalogs.ts";
export { activeAdmins, countTokens, findTokenByHash } from "./data/tokens.ts";
export type { WebhookDelivery, WebhookEndpoint } from "./data/webhooks.ts";
export type { Db, Queryable } from "./db/db.ts";
export { migrate, readMigrations } from "./db/migrate.ts";
export { type OpenDbOptions, openDb } from "./db/open.ts";
export { openPglite, type PgliteOptions } from "./db/pglite.ts";
export { ensurePgliteTemplate, openPgliteFromTemplate } from "./db/template.ts";
export {
  defaultEngineOptions,
  ENGINE_ENV,
  type EngineLimits,
  type EngineOptions,
  engineOptionsFromEnv,
} from "./engine/limits.ts";
export { ResultCache } from "./engine/result-cache.ts";
export { EngineService } from "./engine/service.ts";
export { type ErrorExtras, fail } from "./errors.ts";
export { inspectJson, MAX_DEPTH } from "./input/guard.ts";
export type { PortalMove, PortalMoves } from "./portal/router.ts";
export { type QuoteRequestReceipt, REQUESTS_PER_HOUR } from "./public/router.ts";
export { type PublicView, publicView, publicViewOf } from "./public/view.ts";
export { type AppRouter, appRouter, type RouterInputs, type RouterOutputs } from "./router.ts";
export { SAMPLE_CATALOG, SAMPLE_CUSTOMERS, type SeededCustomer, seedCustomers } from "./seed/customers.ts";
export { type ApiHooks, createServices, type Services, type ServicesOptions } from "./services.ts";
export { type Context, can, createCallerFactory, createContext } from "./trpc.ts";
export { type DispatcherOptions, WebhookDispatcher } from "./webhooks/dispatcher.ts";
export { signatureHeader } from "./webhooks/sign.ts";
