/**
 * The command table. To add a command: create `commands/<name>.ts` exporting a `Command`, then
 * list it here. The order is the order of `tessera --help`.
 */
import type { Command } from "../command.ts";
import { applyCommand } from "./apply.ts";
import { configureCommand } from "./configure.ts";
import { diffCommand } from "./diff.ts";
import { exportCommand } from "./export.ts";
import { importCommand } from "./import.ts";
import { pathsCommand } from "./paths.ts";
import { priceCommand } from "./price.ts";
import { validateCommand } from "./validate.ts";

export const commands: readonly Command[] = [
  validateCommand,
  exportCommand,
  importCommand,
  configureCommand,
  priceCommand,
  pathsCommand,
  applyCommand,
  diffCommand,
];
