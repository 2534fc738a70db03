/**
 * `pnpm bench [--json] [--only suite[,suite]] [--scales 1,4,16] [--seed n]`: runs the suites of
 * `suites/index.ts` on generated catalogs. Human tables by default; `--json` prints one flat JSON
 * object with every suite's metrics. Progress goes to stderr so stdout stays machine-readable.
 *
 * The `bench` scripts start node with `--expose-gc` (a full collection before each timed run of
 * big inputs, outside the timer), a 6 GB old space (scale 16 is a 70 MB document) and 64 MB
 * semi-spaces, so young-generation collections of freshly parsed objects do not dominate either
 * the JSON.parse or the validate timings.
 */
import { createContext, DEFAULT_SCALES } from "./context.ts";
import type { Metrics } from "./suite.ts";
import { suites } from "./suites/index.ts";

const USAGE = `Usage: pnpm bench [--json] [--only suite[,suite…]] [--scales 1,4,16] [--seed n]

Suites: ${suites.map((s) => s.name).join(", ")}
  --json      print one flat JSON object of metrics (e.g. "validate.s1.ratio") instead of tables
  --only      run only these suites
  --scales    catalog scales to measure (default ${DEFAULT_SCALES.join(",")})
  --seed      generator seed (default 42)`;

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(argv: readonly string[]) {
  let json = false;
  let only: string[] | undefined;
  let scales: number[] = [...DEFAULT_SCALES];
  let seed = 42;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const [name, inline] = word.startsWith("--") ? word.slice(2).split("=", 2) : [undefined, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`--${name} needs a value`);
    if (name === "json") json = true;
    else if (name === "help" || word === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (name === "only") only = value().split(",");
    else if (name === "scales") {
      scales = value()
        .split(",")
        .map((s) => Number(s));
      if (scales.some((s) => !Number.isInteger(s) || s < 1))
        fail("--scales takes positive integers, e.g. 1,4");
    } else if (name === "seed") {
      seed = Number(value());
      if (!Number.isInteger(seed)) fail("--seed takes an integer");
    } else if (word === "--") continue;
    else fail(`unknown argument ${word}`);
  }
  const unknown = only?.filter((n) => !suites.some((s) => s.name === n)) ?? [];
  if (unknown.length > 0) fail(`unknown suite ${unknown.join(", ")}`);
  return { json, only, scales, seed };
}

const options = parse(process.argv.slice(2));
const ctx = createContext({ scales: options.scales, seed: options.seed });
const selected = suites.filter((s) => options.only === undefined || options.only.includes(s.name));
const all: Metrics = {};
const started = performance.now();
for (const suite of selected) {
  ctx.log(`— ${suite.name}: ${suite.description}`);
  const metrics = await suite.run(ctx);
  Object.assign(all, metrics);
  if (!options.json) {
    const body = suite.format
      ? suite.format(metrics, ctx)
      : Object.entries(metrics)
          .map(([k, v]) => `${k}  ${v}`)
          .join("\n");
    process.stdout.write(`\n${suite.name}: ${suite.description}\n${body}\n`);
  }
}
ctx.log(`bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (options.json) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
