import type * as NodeModule from "node:module";
import type * as NodeTls from "node:tls";
import { type AuthStrategy, NhsValidationError } from "@nhskit/core";
import { type MeshTlsOptions, meshConnectOptions } from "./mesh-tls.js";
import { requireNode } from "./runtime.js";

export type { MeshTlsOptions } from "./mesh-tls.js";

export interface MeshOptions {
  /** The mailbox id, e.g. `X26ABC1` (sent upper case, as MESH expects). */
  mailboxId: string;
  /** The mailbox password. Goes into the HMAC only; never sent. */
  password: string;
  /** The environment's shared secret, the HMAC key (issued at onboarding; the mesh-sandbox Docker image uses `TestKey`). */
  sharedKey: string;
  /** Client certificate: nhskit builds a Node dispatcher that presents it on every connection. */
  tls?: MeshTlsOptions;
  /** Or your own undici dispatcher (from `meshTlsDispatcher` in `@nhskit/auth/node`, say). */
  dispatcher?: object;
  /** Clock in epoch ms, for tests. */
  now?: () => number;
  /** The nonce this instance uses (a new UUID by default). For known-answer tests. */
  nonce?: string;
}

export interface MeshHeaderInput {
  mailboxId: string;
  password: string;
  sharedKey: string;
  nonce: string;
  nonceCount: number;
  /** When the header is made (UTC minutes are used). */
  time: Date | number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** UTC `yyyyMMddHHmm`, the MESH token's timestamp. */
export function meshTimestamp(time: Date | number): string {
  const d = new Date(time);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
}

const encoder = new TextEncoder();

async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
  let hex = "";
  for (const byte of mac) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/**
 * One `Authorization` value: `NHSMESH <mailbox>:<nonce>:<count>:<timestamp>:<hmac>`, where the HMAC-SHA256
 * (lower-case hex, keyed with the shared secret) covers `<mailbox>:<nonce>:<count>:<password>:<timestamp>`.
 */
export async function meshAuthorization(input: MeshHeaderInput): Promise<string> {
  const mailbox = input.mailboxId.toUpperCase();
  const timestamp = meshTimestamp(input.time);
  const hash = await hmacSha256Hex(
    input.sharedKey,
    `${mailbox}:${input.nonce}:${input.nonceCount}:${input.password}:${timestamp}`,
  );
  return `NHSMESH ${mailbox}:${input.nonce}:${input.nonceCount}:${timestamp}:${hash}`;
}

function tlsDispatcher(tls: MeshTlsOptions, fail: (path: string, message: string) => never): object {
  const proc = globalThis.process as { getBuiltinModule: (id: string) => unknown };
  const nodeTls = proc.getBuiltinModule("node:tls") as typeof NodeTls;
  if (tls.cert === undefined || tls.key === undefined) fail("tls", "needs both cert and key (PEM)");
  try {
    // Fails here, not at the first call, when the certificate or key is unreadable or they do not match.
    nodeTls.createSecureContext(meshConnectOptions(tls) as NodeTls.SecureContextOptions);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    fail(
      "tls",
      `could not be loaded (${typeof code === "string" ? code : "unreadable certificate or key"}); check that cert and key are PEM text and belong together`,
    );
  }
  // undici is loaded only here, at run time, so browser bundles of the main entry never see it.
  const { createRequire } = proc.getBuiltinModule("node:module") as typeof NodeModule;
  const load = createRequire(import.meta.url);
  const { Agent } = load("undici") as { Agent: new (options: object) => object };
  return new Agent({ connect: meshConnectOptions(tls) });
}

/**
 * MESH mailbox authentication: a new `NHSMESH` Authorization header for every attempt (this instance's nonce,
 * a nonce count that goes up by one each time, the current UTC minute), and, with `tls`, a Node dispatcher
 * presenting the client certificate. Node-only.
 */
export function mesh(options: MeshOptions): AuthStrategy {
  const operation = "mesh";
  requireNode(
    operation,
    "it holds the mailbox password, the environment's shared secret and the client certificate key.",
  );
  const fail = (path: string, message: string): never => {
    throw new NhsValidationError(operation, [{ path, message }]);
  };
  if (!options || typeof options !== "object") fail("options", "are required: { mailboxId, password, sharedKey }");
  if (typeof options.mailboxId !== "string" || !/^[A-Za-z0-9]+$/.test(options.mailboxId)) {
    fail("mailboxId", "is required: letters and digits only, e.g. X26ABC1");
  }
  if (typeof options.password !== "string" || options.password === "") fail("password", "is required");
  if (typeof options.sharedKey !== "string" || options.sharedKey === "") {
    fail("sharedKey", "is required: the environment's shared secret for the HMAC");
  }
  if (
    options.nonce !== undefined &&
    (typeof options.nonce !== "string" || /[:\s]/.test(options.nonce) || !options.nonce)
  ) {
    fail("nonce", "must be a non-empty string without colons or spaces");
  }
  if (options.tls && options.dispatcher) fail("tls", "and dispatcher cannot both be given; pass one");
  const dispatcher = options.tls ? tlsDispatcher(options.tls, fail) : options.dispatcher;
  const nonce = options.nonce ?? crypto.randomUUID();
  const now = options.now ?? Date.now;
  let count = 0;
  const secrets = [options.password, options.sharedKey];
  if (options.tls?.passphrase) secrets.push(options.tls.passphrase);

  return {
    kind: "mesh",
    async authorize({ headers }) {
      const nonceCount = count++;
      headers.set(
        "Authorization",
        await meshAuthorization({
          mailboxId: options.mailboxId,
          password: options.password,
          sharedKey: options.sharedKey,
          nonce,
          nonceCount,
          time: now(),
        }),
      );
    },
    secrets: () => secrets,
    ...(dispatcher ? { fetchOptions: { dispatcher } } : {}),
  };
}
