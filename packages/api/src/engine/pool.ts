/**
 * A small pool of engine worker threads (node:worker_threads) with a bounded FIFO queue.
 *
 * Hand-written rather than piscina or tinypool because the two things it exists for need the
 * dispatch step itself: the time budget starts when a call reaches a worker (a cheap configure
 * queued behind a long validation must not be charged for the wait), and a call goes preferably to
 * the worker already holding its compiled catalog, with the catalog's text sent only when that
 * worker lacks it. A call past its budget terminates its worker, which is replaced.
 */
import { Worker } from "node:worker_threads";
import type { EngineLimits, EnginePoolOptions } from "./limits.ts";
import type { Failure, Request, Response, Task, WorkerSetup } from "./protocol.ts";

/** Why a call did not return a value. */
export type PoolFailure =
  | Failure
  | { kind: "timeout"; budgetMs: number }
  | { kind: "busy"; waiting: number; maxQueue: number }
  | { kind: "waited"; budgetMs: number }
  | { kind: "memory" }
  | { kind: "closed" };

export class PoolError extends Error {
  constructor(readonly failure: PoolFailure) {
    super(`engine call failed: ${failure.kind}`);
    this.name = "PoolError";
  }
}

export interface EngineLoad {
  waiting: number;
  running: number;
  threads: number;
  /** Calls a worker answered (cache hits never reach the pool). */
  completed: number;
}

interface Job {
  task: Task;
  /** Refuses the call when it waited a whole budget for a worker. */
  waitTimer: NodeJS.Timeout | undefined;
  resolve(value: { value: unknown; bytes: number }): void;
  reject(error: PoolError): void;
}

interface Slot {
  worker: Worker;
  /** Hashes of the compiled catalogs the worker holds, least recently used first (a mirror). */
  holds: Map<string, true>;
  job: Job | undefined;
  /** False until the worker has loaded the engine (budgets count from then on). */
  ready: boolean;
  id: number;
  timer: NodeJS.Timeout | undefined;
}

/** Compiled catalogs each worker keeps. */
const CATALOG_CAPACITY = 8;

export class EnginePool {
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  readonly #setup: WorkerSetup;
  #nextId = 1;
  #closed = false;
  #completed = 0;

  constructor(private readonly options: EngineLimits & Omit<EnginePoolOptions, "resultCacheBytes">) {
    this.#setup = {
      limits: {
        maxOptionsPerPackage: options.maxOptionsPerPackage,
        maxRulesPerPackage: options.maxRulesPerPackage,
        maxOptions: options.maxOptions,
        budgetMs: options.budgetMs,
      },
      catalogCapacity: CATALOG_CAPACITY,
    };
  }

  /** Starts one worker ahead of the first call, so it does not pay the start-up. */
  warm(): void {
    if (this.#slots.length === 0 && !this.#closed) this.#slots.push(this.#spawn());
  }

  /** Calls waiting for a worker, calls running, workers, and calls completed so far. */
  get load(): EngineLoad {
    return {
      waiting: this.#queue.length,
      running: this.#slots.filter((s) => s.job).length,
      threads: this.#slots.length,
      completed: this.#completed,
    };
  }

  /** Runs one task in a worker; rejects with a `PoolError` saying why it did not finish. */
  run(task: Task): Promise<{ value: unknown; bytes: number }> {
    if (this.#closed) return Promise.reject(new PoolError({ kind: "closed" }));
    if (this.#queue.length >= this.options.maxQueue)
      return Promise.reject(
        new PoolError({ kind: "busy", waiting: this.#queue.length, maxQueue: this.options.maxQueue }),
      );
    return new Promise((resolve, reject) => {
      const job: Job = { task, resolve, reject, waitTimer: undefined };
      this.#queue.push(job);
      this.#drain();
      if (this.#queue.includes(job)) this.#armWait(job);
    });
  }

  /**
   * Refuses a call that waited a whole budget for a worker. A worker still loading the engine is
   * not busy: the wait starts again until it is ready.
   */
  #armWait(job: Job): void {
    job.waitTimer = setTimeout(() => {
      const at = this.#queue.indexOf(job);
      if (at === -1) return;
      if (this.#slots.some((s) => !s.ready)) return this.#armWait(job);
      this.#queue.splice(at, 1);
      job.reject(new PoolError({ kind: "waited", budgetMs: this.options.budgetMs }));
    }, this.options.budgetMs);
  }

  /** Stops every worker; calls in flight or waiting are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) {
      clearTimeout(job.waitTimer);
      job.reject(new PoolError({ kind: "closed" }));
    }
    const slots = this.#slots.splice(0);
    for (const slot of slots) {
      clearTimeout(slot.timer);
      slot.job?.reject(new PoolError({ kind: "closed" }));
      slot.job = undefined;
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #spawn(): Slot {
    const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
      workerData: this.#setup,
      // The worker loads tsx itself (worker.mjs); inheriting the parent's loader flags would load it twice.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.options.workerMemoryMb },
    });
    const slot: Slot = { worker, holds: new Map(), job: undefined, ready: false, id: 0, timer: undefined };
    worker.on("message", (message: Response | { ready: true }) => {
      if ("ready" in message) {
        slot.ready = true;
        this.#drain();
      } else this.#settle(slot, message);
    });
    // An exception outside a task, running out of memory, or an exit: the call in flight fails and
    // the worker is replaced.
    worker.on("error", (error: Error & { code?: string }) =>
      this.#lose(
        slot,
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? { kind: "memory" }
          : { kind: "crash", message: error.message },
      ),
    );
    worker.on("exit", (code) =>
      this.#lose(slot, { kind: "crash", message: `the worker exited with ${code}` }),
    );
    // Idle workers must not keep the process alive; a busy one is ref'd while it works.
    worker.unref();
    return slot;
  }

  #drain(): void {
    while (this.#queue.length > 0) {
      const job = this.#queue[0]!;
      const hash = "catalog" in job.task ? job.task.catalog.hash : undefined;
      const idle = this.#slots.filter((s) => s.ready && !s.job);
      const slot = (hash !== undefined ? idle.find((s) => s.holds.has(hash)) : undefined) ?? idle[0];
      if (!slot) break;
      this.#queue.shift();
      clearTimeout(job.waitTimer);
      this.#dispatch(slot, job, false);
    }
    // Start workers for the calls still waiting, up to the pool's size.
    const starting = this.#slots.filter((s) => !s.ready).length;
    const wanted = Math.min(this.#queue.length - starting, this.options.threads - this.#slots.length);
    for (let i = 0; i < wanted; i++) this.#slots.push(this.#spawn());
  }

  #dispatch(slot: Slot, job: Job, withBody: boolean): void {
    let task = job.task;
    if ("catalog" in task) {
      const { hash } = task.catalog;
      const held = slot.holds.has(hash);
      slot.holds.delete(hash);
      slot.holds.set(hash, true);
      if (slot.holds.size > CATALOG_CAPACITY) slot.holds.delete(slot.holds.keys().next().value!);
      task = { ...task, catalog: held && !withBody ? { hash } : task.catalog };
    }
    const first = slot.job === undefined;
    slot.job = job;
    slot.id = this.#nextId++;
    if (first) {
      slot.worker.ref();
      slot.timer = setTimeout(() => this.#timeout(slot), this.options.budgetMs);
    }
    slot.worker.postMessage({ id: slot.id, task } satisfies Request);
  }

  #settle(slot: Slot, response: Response): void {
    const job = slot.job;
    if (!job || response.id !== slot.id) return;
    if (!response.ok && response.failure.kind === "missing") {
      // The mirror was wrong (the worker was replaced or evicted differently): send the text.
      this.#dispatch(slot, job, true);
      return;
    }
    this.#free(slot);
    this.#completed++;
    if (response.ok) job.resolve({ value: response.value, bytes: response.bytes });
    else job.reject(new PoolError(response.failure));
    this.#drain();
  }

  #free(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
    slot.worker.unref();
  }

  #timeout(slot: Slot): void {
    const job = slot.job;
    this.#replace(slot);
    job?.reject(new PoolError({ kind: "timeout", budgetMs: this.options.budgetMs }));
  }

  #lose(slot: Slot, failure: PoolFailure): void {
    const index = this.#slots.indexOf(slot);
    if (index === -1) return;
    if (!slot.ready) {
      // The engine does not load: refuse what waits rather than restart it in a loop.
      this.#slots.splice(index, 1);
      for (const job of this.#queue.splice(0)) {
        clearTimeout(job.waitTimer);
        job.reject(new PoolError(failure));
      }
      return;
    }
    const job = slot.job;
    this.#replace(slot);
    job?.reject(new PoolError(failure));
  }

  /** Terminates a worker (stopping whatever it runs) and puts a fresh one in its place. */
  #replace(slot: Slot): void {
    const index = this.#slots.indexOf(slot);
    if (index === -1) return;
    this.#free(slot);
    this.#slots.splice(index, 1);
    slot.worker.removeAllListeners("exit");
    slot.worker.removeAllListeners("error");
    slot.worker.on("error", () => {});
    void slot.worker.terminate();
    if (!this.#closed) {
      this.#slots.push(this.#spawn());
      this.#drain();
    }
  }
}
