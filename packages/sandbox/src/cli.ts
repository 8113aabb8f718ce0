#!/usr/bin/env node
import { parseArgs } from "node:util";
import { createSandboxServer } from "./server.js";

const usage = `Usage: nhskit-sandbox [--port 9000] [--host 127.0.0.1] [--api <id>]... [--quiet]

Serves every nhskit API's mocks under its hosted sandbox base path, e.g.
  http://127.0.0.1:9000/personal-demographics/FHIR/R4/Patient/9000000009
GET / lists what is served. PORT in the environment also sets the port.`;

async function main() {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (args.values.help) {
    console.log(usage);
    return;
  }
  const port = Number(args.values.port ?? process.env.PORT ?? 9000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535 (got ${args.values.port ?? process.env.PORT}).`);
    process.exit(2);
  }
  const server = await createSandboxServer({
    port,
    host: args.values.host ?? "127.0.0.1",
    ...(args.values.api ? { apis: args.values.api } : {}),
    log: args.values.quiet ? false : (line) => console.log(line),
  }).catch((error: NodeJS.ErrnoException) => {
    console.error(
      error.code === "EADDRINUSE"
        ? `Port ${port} is in use: is a sandbox already running? Pick another with --port.`
        : `The sandbox could not start: ${error.message}`,
    );
    process.exit(1);
  });
  console.log(`nhskit sandbox listening on ${server.url} (GET ${server.url}/ lists the APIs)`);
  const stop = (signal: string) => {
    console.log(`${signal}: stopping the sandbox`);
    server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

function parse() {
  return parseArgs({
    options: {
      port: { type: "string", short: "p" },
      host: { type: "string" },
      api: { type: "string", multiple: true },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
}

await main();
