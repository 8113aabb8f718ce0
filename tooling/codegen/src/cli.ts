// pnpm codegen [--check] [--api <id>]...
// Exit codes: 0 ok, 1 stale outputs (--check) or a document failed, 2 usage error or no specs folder.

import { runCodegen } from "./codegen.js";
import { locateSpecsDir, repoRoot } from "./repo.js";
import { API_DOCUMENTS } from "./sources.js";

const USAGE = "usage: pnpm codegen [--check] [--api <id>]...";

interface Args {
  check: boolean;
  apis: string[];
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { check: false, apis: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") continue; // pnpm may pass a separator through
    if (arg === "--check") args.check = true;
    else if (arg === "--api") {
      const id = argv[++i];
      if (!id || id.startsWith("--")) return "--api needs an API id";
      args.apis.push(id);
    } else if (arg.startsWith("--api=")) args.apis.push(arg.slice("--api=".length));
    else if (arg === "--help" || arg === "-h") return "";
    else return `unknown argument: ${arg}`;
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") {
    if (args) console.error(args);
    console.error(USAGE);
    return args ? 2 : 0;
  }
  const knownIds = [...new Set(API_DOCUMENTS.map((source) => source.id))];
  const unknown = args.apis.filter((id) => !knownIds.includes(id));
  if (unknown.length > 0) {
    console.error(`unknown API id(s): ${unknown.join(", ")}\nknown: ${knownIds.join(", ")}`);
    return 2;
  }
  const sources = args.apis.length > 0 ? API_DOCUMENTS.filter((s) => args.apis.includes(s.id)) : API_DOCUMENTS;

  const root = repoRoot();
  let specsDir: string | undefined;
  // Hand-written documents need no upstream specs, so `--api dos` works without them.
  if (sources.some((source) => source.kind === "upstream")) {
    const located = locateSpecsDir(root);
    if (!located.ok) {
      console.error(located.message);
      return 2;
    }
    specsDir = located.dir;
  }
  const summary = await runCodegen({ sources, ctx: { specsDir, outRoot: root }, check: args.check });
  return summary.exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
