#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { JwksSource } from "@nhskit/auth/mocks";
import { createSandboxServer } from "./server.js";

const usage = `Usage: nhskit-sandbox [--port 9000] [--host 127.0.0.1] [--api <id>]... [--app <apiKey>=<jwks.json>]...
                      [--require-token] [--quiet]

Serves every nhskit API's mocks under its hosted sandbox base path, e.g.
  http://127.0.0.1:9000/personal-demographics/FHIR/R4/Patient/9000000009
GET / lists what is served. PORT in the environment also sets the port. POST /oauth2/token validates
client assertions as the platform does; --app registers an application's public keys (the TEST-ONLY
demo app is always registered); --require-token makes the API mocks demand an access token from it.`;

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
  let apps: Array<{ apiKey: string; jwks: JwksSource }>;
  try {
    apps = (args.values.app ?? []).map(readApp);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const server = await createSandboxServer({
    port,
    host: args.values.host ?? "127.0.0.1",
    apps,
    requireAccessToken: args.values["require-token"] === true,
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
      app: { type: "string", multiple: true },
      "require-token": { type: "boolean" },
      quiet: { type: "boolean", short: "q" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
}

/** `--app <apiKey>=<path to jwks.json>` */
function readApp(spec: string): { apiKey: string; jwks: JwksSource } {
  const at = spec.indexOf("=");
  if (at <= 0) throw new Error(`--app needs <apiKey>=<path to jwks.json> (got "${spec.slice(0, 40)}").`);
  const apiKey = spec.slice(0, at);
  const path = spec.slice(at + 1);
  try {
    return { apiKey, jwks: JSON.parse(readFileSync(path, "utf8")) as JwksSource };
  } catch (error) {
    throw new Error(`--app ${apiKey.slice(0, 4)}…: cannot read a JWKS from ${path} (${(error as Error).message}).`);
  }
}

await main();
