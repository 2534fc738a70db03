/** The Tessera server: tRPC API, catalog feed and web app on one port. */
export { type BootstrapOptions, bootstrap, type Seeded } from "./bootstrap.ts";
export { etagMatches, IMMUTABLE, LATEST_MAX_AGE } from "./feed.ts";
export { openApiDocument } from "./openapi.ts";
export {
  createServer,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_WEB_DIST,
  type ServerOptions,
  type TesseraServer,
} from "./server.ts";
