/**
 * Service benchmark: requests/s and p99 latency of the catalog feed (200 and 304) and of quote
 * pricing over HTTP, each beside a bare `node:http` server answering the same bytes, measured in the
 * same run with autocannon on loopback. The servers run in a child process so the load generator
 * does not share their event loop. Ratios are Tessera ÷ baseline requests/s.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

export interface ServiceBenchOptions {
  /** Seconds of measurement per side and endpoint, split into alternating rounds (default 6). */
  durationS?: number;
  connections?: number;
  log?: (line: string) => void;
}

interface Target {
  url: string;
  baselineUrl: string;
  token: string;
  feedPath: string;
  feedEtag: string;
  feedBytes: number;
  pricePath: string;
}

function startServers(): Promise<{ child: ChildProcess; target: Target }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./servers.ts", import.meta.url))],
    {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, target: JSON.parse(line) as Target });
    });
    child.once("exit", (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
}

interface Load {
  rps: number;
  p99Ms: number;
  ok: number;
  bad: number;
}

async function load(
  url: string,
  path: string,
  headers: Record<string, string>,
  expected: number,
  opts: Required<Omit<ServiceBenchOptions, "log">>,
): Promise<Load> {
  const result = await autocannon({
    url: `${url}${path}`,
    connections: opts.connections,
    duration: opts.durationS,
    headers,
  });
  const codes = (result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats;
  const ok = codes[String(expected)]?.count ?? 0;
  const all = Object.values(codes).reduce((n, c) => n + c.count, 0);
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    ok,
    bad: all - ok + result.errors + result.timeouts,
  };
}

const ROUNDS = 3;

/** The round with the median requests/s (its p99 goes with it). */
function medianOf(loads: Load[]): Load {
  return [...loads].sort((a, b) => a.rps - b.rps)[loads.length >> 1]!;
}

/** Runs the measurements and returns flat metrics (`feed.ratio`, `quotePrice.rps`, …). */
export async function runServiceBench(options: ServiceBenchOptions = {}): Promise<Record<string, number>> {
  const opts = { durationS: options.durationS ?? 6, connections: options.connections ?? 10 };
  const log = options.log ?? (() => {});
  const { child, target } = await startServers();
  try {
    const auth = { authorization: `Bearer ${target.token}` };
    const metrics: Record<string, number> = {};
    const pair = async (key: string, path: string, headers: Record<string, string>, expected: number) => {
      // A short untimed run on each warms the JIT and the caches, so neither side pays for it.
      const warm = { ...opts, durationS: 1 };
      await load(target.baselineUrl, path, headers, expected, warm);
      await load(target.url, path, headers, expected, warm);
      // Alternate short rounds and keep the median of each side, so a burst of load from other
      // processes on the machine hits both sides alike instead of skewing one of them.
      const round = { ...opts, durationS: Math.max(1, Math.round(opts.durationS / ROUNDS)) };
      const bases: Load[] = [];
      const runs: Load[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        bases.push(await load(target.baselineUrl, path, headers, expected, round));
        runs.push(await load(target.url, path, headers, expected, round));
      }
      const bad = [...bases, ...runs].reduce((n, l) => n + l.bad, 0);
      if (bad > 0) throw new Error(`${key}: ${bad} unexpected answers`);
      const base = medianOf(bases);
      const tessera = medianOf(runs);
      metrics[`${key}.rps`] = Math.round(tessera.rps);
      metrics[`${key}.p99Ms`] = tessera.p99Ms;
      metrics[`${key}.baselineRps`] = Math.round(base.rps);
      metrics[`${key}.baselineP99Ms`] = base.p99Ms;
      metrics[`${key}.ratio`] = Math.round((tessera.rps / base.rps) * 1000) / 1000;
      log(
        `${key}: ${Math.round(tessera.rps)} req/s (baseline ${Math.round(base.rps)}), p99 ${tessera.p99Ms} ms`,
      );
    };
    await pair("feed", target.feedPath, auth, 200);
    await pair("feed304", target.feedPath, { ...auth, "if-none-match": target.feedEtag }, 304);
    await pair("quotePrice", target.pricePath, auth, 200);
    metrics["feed.bytes"] = target.feedBytes;
    return metrics;
  } finally {
    child.kill("SIGTERM");
  }
}
