/**
 * Messages between the engine pool (main thread) and its workers. A published catalog travels by
 * content hash: its body is sent only to a worker that does not hold its compiled form yet.
 */
import type { Diagnostic, MoveRequest } from "@tessera/engine";
import type { Arrangement, Quote } from "@tessera/schema";
import type { EngineLimits } from "./limits.ts";

/** A published version, as the worker compiles it. */
export interface CatalogRef {
  /** Content hash of `body`: the cache key of the compiled catalog. */
  hash: string;
  /** The published JSON text; absent when the worker is believed to hold the compiled catalog. */
  body?: string;
}

export type Task =
  | { op: "validate"; doc: unknown }
  | { op: "packages"; catalog: CatalogRef }
  | { op: "configure"; catalog: CatalogRef; quote: Quote }
  | { op: "price"; catalog: CatalogRef; quote: Quote; asOf: string }
  | { op: "paths"; catalog: CatalogRef; arrangement: Arrangement; asOf: string; newest?: CatalogRef }
  | {
      op: "applyMove";
      catalog: CatalogRef;
      arrangement: Arrangement;
      move: MoveRequest;
      asOf: string;
      /** The newest version in force, offered as the change_version move. */
      newest?: CatalogRef;
    };

export interface Request {
  id: number;
  task: Task;
}

/** Why a task failed in the worker (each becomes a typed tRPC error on the main thread). */
export type Failure =
  /** The worker does not hold the catalog and no body came with the task: send it again with one. */
  | { kind: "missing" }
  /** The published version no longer validates with this engine. */
  | { kind: "invalid" }
  /** The catalog exceeds a count limit. */
  | { kind: "limit"; diagnostic: Diagnostic }
  /** An unexpected exception (the engine is meant never to throw). */
  | { kind: "crash"; message: string };

export type Response =
  | { id: number; ok: true; value: unknown; bytes: number }
  | { id: number; ok: false; failure: Failure };

/** What each worker is started with. */
export interface WorkerSetup {
  limits: EngineLimits;
  /** Compiled catalogs a worker keeps (the pool mirrors this to know which worker holds what). */
  catalogCapacity: number;
}
