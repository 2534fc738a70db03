/**
 * Mixed-traffic benchmark (issue 11): the shape real clients send, at 50 connections: the feed,
 * `catalogs.getVersion`, `quotes.configure` and `quotes.price` over ten selections of the SaaS
 * sample, on PGlite and (when DATABASE_URL is set) on PostgreSQL, each server in a child process
 * of its own. Reports requests/s, p99, errors (any answer but 200, and socket errors) and how much
 * the server's resident memory grew over the run. Then `/healthz` p99 while four oversized
 * validations (19,000 options in one pick-one group) keep the engine's workers busy.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { largeCatalog } from "./large-catalog.ts";

export interface MixedBenchOptions {
  /** Seconds of mixed traffic per database (default 30). */
  durationS?: number;
  connections?: number;
  /** Seconds of health checks under oversized validations (default 10). */
  healthzS?: number;
  log?: (line: string) => void;
}

interface Child {
  child: ChildProcess;
  url: string;
  token: string;
  catalogId: string;
  pid: number;
}

function startServer(postgres: boolean): Promise<Child> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(new URL("./mixed-server.ts", import.meta.url)),
      ...(postgres ? ["--postgres"] : []),
    ],
    { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, ...(JSON.parse(line) as Omit<Child, "child">) });
    });
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function stopServer(server: Child): Promise<void> {
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await exited;
}

/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Ten selections a sales team might price: the sample quote at different seat counts. */
function quotes(catalogId: string): unknown[] {
  const sample = JSON.parse(
    readFileSync(new URL("../../../schemas/examples/saas.quote.json", import.meta.url), "utf8"),
  ) as Record<string, unknown> & { quantities: Record<string, number> };
  delete sample.$schema;
  return Array.from({ length: 10 }, (_, i) => ({
    ...sample,
    catalogId,
    quantities: { ...sample.quantities, "biz-seats": 20 + 10 * i },
  }));
}

const query = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

async function mixed(
  server: Child,
  opts: Required<Omit<MixedBenchOptions, "log" | "healthzS">>,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const headers = { authorization: `Bearer ${server.token}` };
  const requests = quotes(server.catalogId).flatMap((quote) => [
    { method: "GET" as const, path: `/v1/catalogs/${server.catalogId}`, headers },
    { method: "GET" as const, path: query("catalogs.getVersion", { catalogId: server.catalogId }), headers },
    { method: "GET" as const, path: query("quotes.configure", { quote }), headers },
    { method: "GET" as const, path: query("quotes.price", { quote, asOf: "2026-11-20" }), headers },
  ]);
  // A short warm-up (JIT, compiled catalog in each worker, first results), then the measured run.
  await autocannon({ url: server.url, connections: opts.connections, duration: 3, requests });
  const before = rssMb(server.pid);
  const result = await autocannon({
    url: server.url,
    connections: opts.connections,
    duration: opts.durationS,
    requests,
  });
  const after = rssMb(server.pid);
  const codes = (result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats;
  const notOk = Object.entries(codes).reduce((n, [code, c]) => (code === "200" ? n : n + c.count), 0);
  const breakdown = Object.entries(codes)
    .filter(([code]) => code !== "200")
    .map(([code, c]) => `${c.count} × ${code}`);
  if (result.errors + result.timeouts > 0)
    breakdown.push(`${result.errors} socket errors (${result.timeouts} timeouts)`);
  if (breakdown.length > 0) log(`mixed: errors were ${breakdown.join(", ")}`);
  return {
    rps: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: notOk + result.errors,
    rssGrowthMb: Math.round((after - before) * 10) / 10,
  };
}

/**
 * `/healthz` p99 alone, then while `parallel` oversized validations run, each followed by the next
 * (the first says how noisy the machine is).
 */
async function healthzUnderLoad(
  server: Child,
  seconds: number,
  parallel = 4,
): Promise<{ idle: number; underLoad: number }> {
  const idle = (await autocannon({ url: `${server.url}/healthz`, connections: 1, duration: seconds })).latency
    .p99;
  const body = JSON.stringify({ doc: largeCatalog(19_000, 399) });
  const headers = { authorization: `Bearer ${server.token}`, "content-type": "application/json" };
  let running = true;
  const loops = Array.from({ length: parallel }, async () => {
    while (running) {
      const res = await fetch(`${server.url}/trpc/catalogs.validate`, { method: "POST", headers, body });
      await res.text();
    }
  });
  // Let the validations reach the workers before measuring.
  await new Promise((r) => setTimeout(r, 1_000));
  const result = await autocannon({ url: `${server.url}/healthz`, connections: 1, duration: seconds });
  running = false;
  await Promise.all(loops);
  return { idle, underLoad: result.latency.p99 };
}

/** Runs the measurements; returns flat metrics (`mixed.rps`, `healthz.underLoad.p99Ms`, …). */
export async function runMixedBench(options: MixedBenchOptions = {}): Promise<Record<string, number>> {
  const opts = { durationS: options.durationS ?? 30, connections: options.connections ?? 50 };
  const log = options.log ?? (() => {});
  const metrics: Record<string, number> = {};
  const databases = process.env.DATABASE_URL ? (["pglite", "postgres"] as const) : (["pglite"] as const);
  for (const database of databases) {
    const server = await startServer(database === "postgres");
    try {
      const m = await mixed(server, opts, log);
      for (const [k, v] of Object.entries(m)) metrics[`mixed.${database}.${k}`] = v;
      log(
        `mixed on ${database}: ${m.rps} req/s, p99 ${m.p99Ms} ms, ${m.errors} errors, RSS +${m.rssGrowthMb} MB`,
      );
      if (database === "pglite") {
        const healthz = await healthzUnderLoad(server, options.healthzS ?? 10);
        metrics["healthz.idle.p99Ms"] = healthz.idle;
        metrics["healthz.underLoad.p99Ms"] = healthz.underLoad;
      }
    } finally {
      await stopServer(server);
    }
  }
  // The headline figures: PostgreSQL's when it ran (the target is set on it), else PGlite's.
  const main = databases.at(-1)!;
  for (const k of ["rps", "p99Ms", "errors", "rssGrowthMb"])
    metrics[`mixed.${k}`] = metrics[`mixed.${main}.${k}`]!;
  log(
    `healthz p99: ${metrics["healthz.idle.p99Ms"]} ms alone, ${metrics["healthz.underLoad.p99Ms"]} ms under 4 oversized validations`,
  );
  return metrics;
}
