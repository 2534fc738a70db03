import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";
import { examples, run } from "./harness.ts";

describe("tessera runner", () => {
  it("lists every command in --help and exits 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(`  ${c.name}`);
  });

  it("prints a command's usage with help <command>", async () => {
    const r = await run(["help", "export"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: tessera export");
  });

  it("exits 2 on no command or an unknown one", async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });

  it("turns a crashing command into exit 2 with one line", async () => {
    const { runCli } = await import("../cli.ts");
    let stderr = "";
    const io = {
      cwd: "/",
      stdout: () => {},
      stderr: (t: string) => {
        stderr += t;
      },
      readFile: async () => "",
      writeFile: async () => {},
      readStdin: async () => "",
    };
    const boom = {
      name: "boom",
      summary: "",
      usage: "",
      run: async () => {
        throw new Error("disk on fire");
      },
    };
    expect(await runCli(["boom"], io, [boom])).toBe(2);
    expect(stderr).toBe("tessera boom: unexpected failure: disk on fire\n");
  });
});

describe("the tessera process", () => {
  const cliDir = fileURLToPath(new URL("../../", import.meta.url));
  const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
  const { INIT_CWD: _i, npm_lifecycle_event: _e, ...env } = process.env;
  const spawn = (args: string[], input?: string) =>
    spawnSync(tsx, ["src/main.ts", ...args], { cwd: cliDir, env, input, encoding: "utf8", timeout: 60_000 });

  it("exits 0, 1 and 2 for valid, invalid and unreadable catalogs, with no stack trace", () => {
    const ok = spawn(["validate", `${examples}connectivity.catalog.json`]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("connectivity.catalog.json: valid (0 errors, 0 warnings)\n");

    const invalid = spawn(["validate", "-", "--json"], '{"id":"x"}');
    expect(invalid.status).toBe(1);
    expect(JSON.parse(invalid.stdout).valid).toBe(false);

    const missing = spawn(["validate", "no/such/catalog.json"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("tessera: cannot read no/such/catalog.json: no such file\n");
  }, 120_000);
});
