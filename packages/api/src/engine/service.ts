/**
 * The engine as the server uses it: every validate, configure, price, paths and applyMove runs in
 * the worker pool, never on the event loop (design §5), within the limits of `limits.ts`.
 * Configure, price and paths results of a published version are cached by version and input
 * (versions are immutable, the engine is pure), and identical calls in flight share one run.
 * Whatever goes wrong answers as a typed tRPC error with a located diagnostic naming the limit.
 */
import type {
  ApplyResult,
  Configuration,
  Diagnostic,
  MoveRequest,
  PathsResult,
  PriceResult,
} from "@tessera/engine";
import type { Arrangement, Quote } from "@tessera/schema";
import { TRPCError } from "@trpc/server";
import type { PublishedVersion } from "../catalogs/published.ts";
import { ErrorDetails } from "../errors.ts";
import {
  defaultEngineOptions,
  durationWords,
  ENGINE_ENV,
  type EngineOptions,
  exceededLimit,
  largestPackage,
} from "./limits.ts";
import { type EngineLoad, EnginePool, PoolError } from "./pool.ts";
import type { Task } from "./protocol.ts";
import { ResultCache } from "./result-cache.ts";

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]["code"];

function refuse(code: TrpcCode, diagnostic: Diagnostic): never {
  throw new TRPCError({
    code,
    message: diagnostic.message,
    cause: new ErrorDetails(diagnostic.message, { diagnostics: [diagnostic] }),
  });
}

/** What a call was doing, for the sentence of its error and where its diagnostic points. */
interface Doing {
  /** "Validating this catalog", "Pricing this quote"… */
  what: string;
  pointer: string;
  /** More about the likely cause, when known. */
  hint?: string;
  pv?: PublishedVersion;
}

export class EngineService {
  readonly options: EngineOptions;
  readonly #pool: EnginePool;
  readonly #results: ResultCache;

  constructor(options: Partial<EngineOptions> = {}) {
    this.options = { ...defaultEngineOptions(), ...options };
    this.#pool = new EnginePool(this.options);
    this.#results = new ResultCache(this.options.resultCacheBytes);
  }

  /** Starts a worker now, so the first call does not wait for one to load the engine. */
  warm(): void {
    this.#pool.warm();
  }

  /** Calls waiting and running (for tests and the bench). */
  get load(): EngineLoad {
    return this.#pool.load;
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  /** Validates a catalog document (a draft, or one sent along) after checking its counts. */
  async validate(doc: unknown): Promise<{ valid: boolean; diagnostics: Diagnostic[] }> {
    const over = exceededLimit(doc, this.options);
    if (over) refuse("UNPROCESSABLE_CONTENT", over);
    const big = largestPackage(doc);
    return (await this.#run(
      { op: "validate", doc },
      {
        what: "Validating this catalog",
        pointer: big?.pointer ?? "",
        ...(big ? { hint: big.sentence } : {}),
      },
    )) as { valid: boolean; diagnostics: Diagnostic[] };
  }

  configure(pv: PublishedVersion, quote: Quote): Promise<Configuration> {
    return this.#cached(
      `configure\n${pv.contentHash}\n${JSON.stringify(quote)}`,
      { op: "configure", catalog: ref(pv), quote },
      { what: "Configuring this quote", pointer: "/quote", pv },
    ) as Promise<Configuration>;
  }

  price(pv: PublishedVersion, quote: Quote, asOf: string): Promise<PriceResult> {
    return this.#cached(
      `price\n${pv.contentHash}\n${asOf}\n${JSON.stringify(quote)}`,
      { op: "price", catalog: ref(pv), quote, asOf },
      { what: "Pricing this quote", pointer: "/quote", pv },
    ) as Promise<PriceResult>;
  }

  /** `newest`: a newer version in force, offered as the change_version move. */
  paths(
    pv: PublishedVersion,
    arrangement: Arrangement,
    asOf: string,
    newest?: PublishedVersion,
  ): Promise<PathsResult> {
    return this.#cached(
      `paths\n${pv.contentHash}\n${newest?.contentHash ?? ""}\n${asOf}\n${JSON.stringify(arrangement)}`,
      { op: "paths", catalog: ref(pv), arrangement, asOf, ...(newest ? { newest: ref(newest) } : {}) },
      { what: "Listing the moves of this arrangement", pointer: "", pv },
    ) as Promise<PathsResult>;
  }

  applyMove(
    pv: PublishedVersion,
    arrangement: Arrangement,
    move: MoveRequest,
    asOf: string,
    newest?: PublishedVersion,
  ): Promise<ApplyResult> {
    return this.#run(
      {
        op: "applyMove",
        catalog: ref(pv),
        arrangement,
        move,
        asOf,
        ...(newest ? { newest: ref(newest) } : {}),
      },
      { what: "Applying this move", pointer: "/move", pv },
    ) as Promise<ApplyResult>;
  }

  /** Whether a published version offers a package (its ids are cached with the results). */
  async hasPackage(pv: PublishedVersion, packageId: string): Promise<boolean> {
    const ids = (await this.#cached(
      `packages\n${pv.contentHash}`,
      { op: "packages", catalog: ref(pv) },
      { what: "Reading this catalog", pointer: "", pv },
    )) as string[];
    return ids.includes(packageId);
  }

  #cached(key: string, task: Task, doing: Doing): Promise<unknown> {
    return this.#results.get(key, () =>
      this.#pool.run(task).then(
        (r) => r,
        (e: unknown) => this.#explain(e, doing),
      ),
    );
  }

  async #run(task: Task, doing: Doing): Promise<unknown> {
    try {
      return (await this.#pool.run(task)).value;
    } catch (e) {
      return this.#explain(e, doing);
    }
  }

  /** Turns a pool failure into the typed error the caller gets. */
  #explain(e: unknown, doing: Doing): never {
    if (!(e instanceof PoolError)) throw e;
    const f = e.failure;
    const on = doing.pv ? ` on version ${doing.pv.version} of catalog "${doing.pv.catalogId}"` : "";
    const hint = doing.hint ? ` ${doing.hint}` : "";
    const stopped = (limit: string) =>
      refuse("UNPROCESSABLE_CONTENT", {
        code: f.kind === "timeout" ? "limit.time" : "limit.memory",
        severity: "error",
        pointer: doing.pointer,
        message: `${doing.what}${on} ${limit}, so it was stopped.${hint} Make the package smaller or ask an administrator to raise the limit.`,
      });
    const busy = (message: string) =>
      refuse("TOO_MANY_REQUESTS", { code: "engine.busy", severity: "error", pointer: "", message });
    switch (f.kind) {
      case "limit":
        return refuse("UNPROCESSABLE_CONTENT", f.diagnostic);
      case "timeout":
        return stopped(
          `took longer than ${durationWords(f.budgetMs)}, the limit for one engine call (${ENGINE_ENV.budgetMs})`,
        );
      case "memory":
        return stopped(
          `needed more than ${this.options.workerMemoryMb} MB, the memory limit of one engine worker (${ENGINE_ENV.workerMemoryMb})`,
        );
      case "busy":
        return busy(
          `The server's engine is busy: ${f.waiting.toLocaleString("en-US")} calls are already waiting, the limit (${ENGINE_ENV.maxQueue}); try again in a moment.`,
        );
      case "waited":
        return busy(
          `The server's engine stayed busy for ${durationWords(f.budgetMs)} (${ENGINE_ENV.budgetMs}) before this call could start; try again in a moment.`,
        );
      case "invalid":
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: `Version ${doing.pv?.version} of catalog "${doing.pv?.catalogId}" no longer validates; quote from a newer one.`,
        });
      case "closed":
        throw new TRPCError({
          code: "SERVICE_UNAVAILABLE",
          message: "The server is shutting down; try again.",
        });
      default:
        throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The engine failed.", cause: e });
    }
  }
}

function ref(pv: PublishedVersion) {
  return { hash: pv.contentHash, body: pv.body };
}
