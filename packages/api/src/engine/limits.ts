/**
 * The engine's limits on the server: what a catalog may hold before any solving starts (a cheap
 * count, so a 350,000-option draft is refused in microseconds instead of occupying a worker), how
 * long one engine call may run, and how the worker pool is sized. Each is configurable by an
 * environment variable, named in the error a caller gets when it is exceeded.
 */
import { availableParallelism } from "node:os";
import type { Diagnostic } from "@tessera/engine";

export interface EngineLimits {
  /** Options one package may offer, across its option groups. */
  maxOptionsPerPackage: number;
  /** Rules (pick rules and quantity rules) one package may hold. */
  maxRulesPerPackage: number;
  /** Options the whole catalog may offer. */
  maxOptions: number;
  /** Wall-clock milliseconds one engine call may run in a worker before it is stopped. */
  budgetMs: number;
}

export interface EnginePoolOptions {
  /** Worker threads running engine calls. */
  threads: number;
  /** Calls that may wait for a free worker; beyond it callers are told the engine is busy. */
  maxQueue: number;
  /** Heap limit of each worker in MB (an out-of-memory call stops that worker, not the server). */
  workerMemoryMb: number;
  /** Bytes of configure, price and paths results kept for repeated selections. */
  resultCacheBytes: number;
}

export type EngineOptions = EngineLimits & EnginePoolOptions;

/** The environment variable behind each option (they appear in error messages and the README). */
export const ENGINE_ENV = {
  maxOptionsPerPackage: "TESSERA_MAX_OPTIONS_PER_PACKAGE",
  maxRulesPerPackage: "TESSERA_MAX_RULES_PER_PACKAGE",
  maxOptions: "TESSERA_MAX_OPTIONS",
  budgetMs: "TESSERA_ENGINE_BUDGET_MS",
  threads: "TESSERA_ENGINE_THREADS",
  maxQueue: "TESSERA_ENGINE_QUEUE",
  workerMemoryMb: "TESSERA_ENGINE_MEMORY_MB",
  resultCacheBytes: "TESSERA_ENGINE_CACHE_MB",
} as const satisfies Record<keyof EngineOptions, string>;

/** Defaults: twice the largest package the design targets (10,000 options in one group). */
export function defaultEngineOptions(): EngineOptions {
  return {
    maxOptionsPerPackage: 20_000,
    maxRulesPerPackage: 20_000,
    maxOptions: 100_000,
    budgetMs: 10_000,
    // At least two, so one long validation never stalls every configure; one core stays with
    // the event loop when there are more.
    threads: Math.max(2, Math.min(availableParallelism() - 1, 8)),
    maxQueue: 1_000,
    workerMemoryMb: 2_048,
    resultCacheBytes: 64 * 1024 * 1024,
  };
}

/**
 * Engine options from the environment (unset or invalid values keep the default; an invalid one
 * is reported through `warn`).
 */
export function engineOptionsFromEnv(
  env: Record<string, string | undefined>,
  warn: (message: string) => void = () => {},
): EngineOptions {
  const options = defaultEngineOptions();
  for (const key of Object.keys(ENGINE_ENV) as (keyof EngineOptions)[]) {
    const name = ENGINE_ENV[key];
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) {
      warn(`${name}=${raw} is not a positive whole number; using ${options[key]}.`);
      continue;
    }
    options[key] = key === "resultCacheBytes" ? n * 1024 * 1024 : n;
  }
  return options;
}

const count = (n: number) => n.toLocaleString("en-US");
const counted = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? "" : "s"}`;

const arrayLength = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/** Options and rules of one package of an unchecked document (0 where the shape is wrong). */
export function packageSize(pkg: unknown): { options: number; rules: number } {
  if (pkg === null || typeof pkg !== "object") return { options: 0, rules: 0 };
  const p = pkg as { optionGroups?: unknown; rules?: unknown; quantityRules?: unknown };
  let options = 0;
  if (Array.isArray(p.optionGroups))
    for (const g of p.optionGroups)
      if (g !== null && typeof g === "object") options += arrayLength((g as { options?: unknown }).options);
  return { options, rules: arrayLength(p.rules) + arrayLength(p.quantityRules) };
}

function nameOf(pkg: unknown, index: number): string {
  const p = pkg as { name?: unknown; id?: unknown };
  if (typeof p.name === "string") return `"${p.name}"`;
  if (typeof p.id === "string") return `"${p.id}"`;
  return `number ${index + 1}`;
}

/**
 * The first limit a catalog document exceeds, as a located diagnostic, or `undefined`. Counts
 * array lengths only (no solving, no deep walk), and never throws on a document of any shape:
 * structural problems are left to `validate`.
 */
export function exceededLimit(doc: unknown, limits: EngineLimits): Diagnostic | undefined {
  if (doc === null || typeof doc !== "object") return undefined;
  const packages = (doc as { packages?: unknown }).packages;
  if (!Array.isArray(packages)) return undefined;
  let total = 0;
  for (let i = 0; i < packages.length; i++) {
    const size = packageSize(packages[i]);
    total += size.options;
    if (size.options > limits.maxOptionsPerPackage)
      return {
        code: "limit.package-options",
        severity: "error",
        pointer: `/packages/${i}/optionGroups`,
        message: `Package ${nameOf(packages[i], i)} has ${count(size.options)} options; the limit is ${count(limits.maxOptionsPerPackage)} options per package (${ENGINE_ENV.maxOptionsPerPackage}). Split it into smaller packages or ask an administrator to raise the limit.`,
      };
    if (size.rules > limits.maxRulesPerPackage) {
      const where = arrayLength((packages[i] as { rules?: unknown }).rules) > 0 ? "rules" : "quantityRules";
      return {
        code: "limit.package-rules",
        severity: "error",
        pointer: `/packages/${i}/${where}`,
        message: `Package ${nameOf(packages[i], i)} has ${count(size.rules)} rules; the limit is ${count(limits.maxRulesPerPackage)} rules per package (${ENGINE_ENV.maxRulesPerPackage}). Split it into smaller packages or ask an administrator to raise the limit.`,
      };
    }
  }
  if (total > limits.maxOptions)
    return {
      code: "limit.options",
      severity: "error",
      pointer: "/packages",
      message: `This catalog has ${count(total)} options; the limit is ${count(limits.maxOptions)} options per catalog (${ENGINE_ENV.maxOptions}). Split it into smaller catalogs or ask an administrator to raise the limit.`,
    };
  return undefined;
}

/** Where the engine most likely spends its time in a catalog: its package with the most options. */
export function largestPackage(doc: unknown): { pointer: string; sentence: string } | undefined {
  const packages = (doc as { packages?: unknown } | null)?.packages;
  if (!Array.isArray(packages) || packages.length === 0) return undefined;
  let best = 0;
  let bestSize = packageSize(packages[0]);
  for (let i = 1; i < packages.length; i++) {
    const size = packageSize(packages[i]);
    if (size.options + size.rules > bestSize.options + bestSize.rules) {
      best = i;
      bestSize = size;
    }
  }
  return {
    pointer: `/packages/${best}`,
    sentence: `Its largest package, ${nameOf(packages[best], best)}, has ${counted(bestSize.options, "option")} and ${counted(bestSize.rules, "rule")}.`,
  };
}

/** Seconds, or milliseconds below one second, for a limit named in a sentence. */
export function durationWords(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  const s = ms / 1_000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
