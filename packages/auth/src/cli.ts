#!/usr/bin/env node
import { runCli } from "./cli-run.js";

// Relative paths start where the user ran the command: pnpm and npm run scripts from the package root
// but pass the original directory as INIT_CWD.
const cwd = process.env.INIT_CWD ?? process.cwd();
runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`nhskit: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
