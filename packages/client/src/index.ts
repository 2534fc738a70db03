/**
 * `@tessera/client`: read published catalogs from a Tessera feed.
 *
 * - Numbered versions are immutable, so a version read once is answered from memory forever.
 * - "Latest" is revalidated with `If-None-Match`; a `304` answers from memory without a body.
 * - With `validate: true`, every catalog received is checked against the shipped JSON Schema
 *   (the same compiled ajv validator the server uses) before it is handed to the caller.
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-if-none-match
 */

export type { Catalog } from "@tessera/schema";
export type { CatalogRead, FeedClient, FeedClientOptions, SchemaName } from "./client.ts";
export { createFeedClient, FeedError } from "./client.ts";
export { verifyWebhook, type WebhookEvent, WebhookSignatureError } from "./webhook.ts";
