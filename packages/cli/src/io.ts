/**
 * The CLI's only window on the world. Commands receive an `Io` instead of touching `process`, so
 * tests run them in-process with captured output and a fake file system.
 */
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";

export interface Io {
  /** Directory relative paths given by the user resolve from. */
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 file; `path` is already resolved. Rejects with a Node error (`code`) on failure. */
  readFile(path: string): Promise<string>;
  /** Writes a UTF-8 file; `path` is already resolved. */
  writeFile(path: string, text: string): Promise<void>;
  /** Reads all of standard input as UTF-8. */
  readStdin(): Promise<string>;
}

/**
 * The directory the user typed the command in. `pnpm tessera` runs the CLI through the `tessera`
 * package script, and pnpm runs scripts from the package's directory (the repo root, or
 * packages/cli), not from where the user stood; pnpm (like npm) keeps that directory in INIT_CWD.
 * Only the `tessera` script is trusted: another script that spawns the CLI has its own cwd.
 */
export function userCwd(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return env.npm_lifecycle_event === "tessera" && env.INIT_CWD ? env.INIT_CWD : cwd;
}

/** The real process: stdout, stderr, the file system and stdin. */
export function processIo(): Io {
  return {
    cwd: userCwd(),
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    readFile: (path) => readFile(path, "utf8"),
    writeFile: (path, text) => writeFile(path, text, "utf8"),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin)
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}

/** Resolves a user-given path against the user's directory. */
export function resolvePath(io: Io, path: string): string {
  return resolve(io.cwd, path);
}
