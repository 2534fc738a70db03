/** Runs the CLI in-process with captured output and an optional stdin text. */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { runCli } from "../cli.ts";
import type { Io } from "../io.ts";

export const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
export const examples = `${repoRoot}schemas/examples/`;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], { stdin = "", cwd = repoRoot } = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    cwd,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile: (p) => readFile(p, "utf8"),
    writeFile: (p, t) => writeFile(p, t, "utf8"),
    readStdin: async () => stdin,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
