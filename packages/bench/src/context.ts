/**
 * What every benchmark suite receives: the generated catalogs per scale (generated once, then
 * cached), their JSON text, the compiled catalogs, and the `measure` helper.
 */
import { type CompiledCatalog, compile } from "@tessera/engine";
import type { Catalog } from "@tessera/schema";
import { generateCatalog } from "./generate.ts";
import { type Measurement, type MeasureOptions, measure } from "./measure.ts";

export interface GeneratedCatalog {
  readonly scale: number;
  /**
   * The generated document, parsed from `text` on first use and then kept. Suites must not
   * mutate it. Lazy, so suites that only need the text do not keep big documents alive (a large
   * live heap slows every garbage collection, and so every timing).
   */
  readonly doc: Catalog;
  /** `JSON.stringify` of the generated document, made once. */
  readonly text: string;
  /** Size of the text in bytes (UTF-8). */
  readonly bytes: number;
}

export interface BenchContext {
  /** The scales to report, ascending (1, 4 and 16 by default). */
  readonly scales: readonly number[];
  readonly seed: number;
  /** The generated catalog at `scale` (cached). */
  catalog(scale: number): GeneratedCatalog;
  /**
   * The compiled catalog at `scale` (cached): `compile` of the generated document, without the
   * validator's checks — the generator's catalogs are valid (its tests check it, and the validate
   * suite fails loudly otherwise), and full validation of scale 16 takes far longer than compiling.
   */
  compiled(scale: number): CompiledCatalog;
  measure<T = undefined>(fn: (input: T) => unknown, options?: MeasureOptions<T>): Measurement;
  /** A progress line on stderr (stdout is kept for the results). */
  log(line: string): void;
}

export const DEFAULT_SCALES = [1, 4, 16] as const;

export function createContext({
  scales = DEFAULT_SCALES,
  seed = 42,
  log = (line: string) => process.stderr.write(`${line}\n`),
}: {
  scales?: readonly number[];
  seed?: number;
  log?: (line: string) => void;
} = {}): BenchContext {
  const catalogs = new Map<number, GeneratedCatalog>();
  const compiled = new Map<number, CompiledCatalog>();
  const ctx: BenchContext = {
    scales: [...scales].sort((a, b) => a - b),
    seed,
    log,
    measure,
    catalog(scale) {
      let c = catalogs.get(scale);
      if (c === undefined) {
        const start = performance.now();
        const generated = generateCatalog({ seed, scale });
        const text = JSON.stringify(generated);
        const summary = `${generated.services.length} services, ${generated.packages.length} packages`;
        let doc: Catalog | undefined;
        c = {
          scale,
          text,
          bytes: Buffer.byteLength(text),
          get doc() {
            doc ??= JSON.parse(text) as Catalog;
            return doc;
          },
        };
        catalogs.set(scale, c);
        log(
          `generated scale ${scale}: ${summary}, ${(c.bytes / 1e6).toFixed(1)} MB in ` +
            `${Math.round(performance.now() - start)} ms`,
        );
      }
      return c;
    },
    compiled(scale) {
      let c = compiled.get(scale);
      if (c === undefined) {
        c = compile(ctx.catalog(scale).doc);
        compiled.set(scale, c);
      }
      return c;
    },
  };
  return ctx;
}
