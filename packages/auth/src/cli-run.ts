import { isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { catalogue } from "@nhskit/catalogue";
import { findCatalogueApi, onboardingJson, onboardingText } from "./cli-onboarding.js";
import { generateKeyFiles, KeyFileExistsError, KID_PATTERN } from "./keygen.js";

const USAGE = `Usage: nhskit keys generate --kid <kid> [--out <dir>]
       nhskit onboarding <api> [--json]

keys generate: makes an RSA 4096 key pair for signed-JWT (application-restricted) access to NHS APIs:
  <dir>/<kid>.pem        the private key (PKCS#8 PEM, mode 0600): keep it secret, never commit it
  <dir>/<kid>.jwks.json  the public key set (JWKS) to register for your app in the NHS developer portal
Existing files are never overwritten.

onboarding: prints what going live with an API takes, from nhskit's catalogue: the assurance process, HSCN,
use case or access request, access modes and what each needs, the path from sandbox to production, the
rate limit and the rules of use. <api> is a catalogue id (e.g. pds) or a package name (@nhskit/pds).

Options:
  --kid <kid>   key id, also the file names: letters, digits, '.', '_' or '-' (e.g. int-2025-01)
  --out <dir>   folder to write to, created if missing (default: the current directory)
  --json        onboarding: print the facts as JSON
  -h, --help    show this help

Exit codes: 0 done, 1 failed (a file exists, cannot write), 2 bad arguments.`;

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Where relative paths start. Under `pnpm nhskit` that is the directory pnpm was run from. */
  readonly cwd: string;
}

/** Runs the CLI; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const usageError = (message: string) => {
    io.err(`nhskit: ${message}\n\n${USAGE}`);
    return 2;
  };
  const options = {
    kid: { type: "string" },
    out: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  } as const;
  let values: {
    kid?: string | undefined;
    out?: string | undefined;
    json?: boolean | undefined;
    help?: boolean | undefined;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }));
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length === 0) return usageError("say what to do: keys generate, or onboarding <api>");
  if (positionals[0] === "onboarding") {
    if (values.kid !== undefined || values.out !== undefined)
      return usageError("--kid and --out are for keys generate");
    const ids = catalogue.map((a) => a.id).join(", ");
    if (positionals.length !== 2) return usageError(`say which API, one of: ${ids}`);
    const api = findCatalogueApi(positionals[1]!);
    if (!api) return usageError(`unknown API "${positionals[1]}"; known APIs: ${ids}`);
    io.out(values.json ? onboardingJson(api) : onboardingText(api));
    return 0;
  }
  if (values.json) return usageError("--json is for onboarding");
  if (positionals[0] !== "keys" || positionals[1] !== "generate" || positionals.length > 2) {
    return usageError(`unknown command "${positionals.join(" ")}"`);
  }
  if (values.kid === undefined) return usageError("--kid is required");
  if (!KID_PATTERN.test(values.kid)) {
    return usageError(`--kid "${values.kid}" is not usable: letters, digits, '.', '_' or '-', at most 128`);
  }
  const outDir = resolve(io.cwd, values.out ?? ".");
  try {
    const files = await generateKeyFiles({ kid: values.kid, outDir });
    const show = (path: string) => {
      const rel = relative(io.cwd, path);
      return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
    };
    io.out(
      [
        `Wrote ${show(files.privateKeyPath)} (private key, mode 0600: keep it secret, never commit it)`,
        `Wrote ${show(files.jwksPath)} (public JWKS, kid "${files.kid}")`,
        "",
        "Next: publish the JWKS at an HTTPS URL and register that URL for your app in the NHS developer portal,",
        `then use signedJwt({ apiKey, privateKey: <contents of ${show(files.privateKeyPath)}>, kid: "${files.kid}", environment }).`,
      ].join("\n"),
    );
    return 0;
  } catch (error) {
    if (error instanceof KeyFileExistsError) {
      io.err(`nhskit: ${error.message}`);
      return 1;
    }
    const code = (error as { code?: unknown }).code;
    io.err(`nhskit: could not write the key files to ${outDir} (${typeof code === "string" ? code : String(error)})`);
    return 1;
  }
}
