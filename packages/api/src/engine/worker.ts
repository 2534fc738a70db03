/**
 * The engine worker: runs validate, configure, price, paths and applyMove off the server's event
 * loop (design §5), keeping the compiled form of the published versions it was sent, least
 * recently used first out. Loaded by worker.mjs (which registers tsx, so it runs from source as
 * the server does).
 */
import { parentPort, workerData } from "node:worker_threads";
import { applyMove, type CompiledCatalog, configure, paths, price, validate } from "@tessera/engine";
import { exceededLimit } from "./limits.ts";
import type { CatalogRef, Failure, Request, Response, Task, WorkerSetup } from "./protocol.ts";

const setup = workerData as WorkerSetup;
const compiled = new Map<string, CompiledCatalog>();

class TaskFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
  }
}

/** The compiled catalog of a published version: from this worker's cache, or compiled from its body. */
function catalogOf(ref: CatalogRef): CompiledCatalog {
  const hit = compiled.get(ref.hash);
  if (hit) {
    // Re-inserting keeps the Map in least-recently-used order; the pool mirrors the same order.
    compiled.delete(ref.hash);
    compiled.set(ref.hash, hit);
    return hit;
  }
  if (ref.body === undefined) throw new TaskFailure({ kind: "missing" });
  const doc: unknown = JSON.parse(ref.body);
  const over = exceededLimit(doc, setup.limits);
  if (over) throw new TaskFailure({ kind: "limit", diagnostic: over });
  const result = validate(doc);
  if (!result.catalog) throw new TaskFailure({ kind: "invalid" });
  if (compiled.size >= setup.catalogCapacity) compiled.delete(compiled.keys().next().value!);
  compiled.set(ref.hash, result.catalog);
  return result.catalog;
}

function run(task: Task): unknown {
  switch (task.op) {
    case "validate": {
      const { valid, diagnostics } = validate(task.doc);
      return { valid, diagnostics };
    }
    case "packages":
      return [...catalogOf(task.catalog).packages.keys()];
    case "configure":
      return configure(catalogOf(task.catalog), task.quote);
    case "price":
      return price(catalogOf(task.catalog), task.quote, task.asOf);
    case "paths":
      return paths(
        catalogOf(task.catalog),
        task.arrangement,
        task.asOf,
        task.newest ? { newest: catalogOf(task.newest) } : {},
      );
    case "applyMove":
      return applyMove(
        catalogOf(task.catalog),
        task.arrangement,
        task.move,
        task.asOf,
        task.newest ? { newest: catalogOf(task.newest) } : {},
      );
  }
}

/** Results kept by the pool's cache are measured here, off the event loop. */
const CACHED: ReadonlySet<Task["op"]> = new Set(["configure", "price", "paths", "packages"]);

parentPort!.on("message", ({ id, task }: Request) => {
  let response: Response;
  try {
    const value = run(task);
    response = { id, ok: true, value, bytes: CACHED.has(task.op) ? JSON.stringify(value).length : 0 };
  } catch (e) {
    response = {
      id,
      ok: false,
      failure:
        e instanceof TaskFailure
          ? e.failure
          : { kind: "crash", message: e instanceof Error ? e.message : String(e) },
    };
  }
  parentPort!.postMessage(response);
});

// Budgets count from here: loading the engine is not part of any call.
parentPort!.postMessage({ ready: true });
