import type { MeshMockMailbox } from "./fixtures.js";
import { meshError } from "./responses.js";
import type { MeshStore } from "./store.js";

/** `full` checks the HMAC; `canned` wants the nonce `VALID`; `none` checks nothing but the mailbox. */
export type MeshAuthMode = "full" | "canned" | "none";

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

// On Node (the sandbox server, tests) node:crypto's synchronous HMAC is much cheaper per request than a Web
// Crypto round trip; in a browser worker Web Crypto is used.
interface NodeCrypto {
  createHmac(algorithm: string, key: string): { update(data: string): { digest(encoding: "hex"): string } };
}
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(secret, key);
  }
  return key;
}

/** HMAC-SHA256 (lower-case hex) over `mailbox:nonce:count:password:timestamp`, keyed with the shared secret. */
export async function expectedHash(
  sharedKey: string,
  mailboxId: string,
  nonce: string,
  nonceCount: string,
  password: string,
  timestamp: string,
): Promise<string> {
  const message = `${mailboxId}:${nonce}:${nonceCount}:${password}:${timestamp}`;
  if (nodeCrypto) return nodeCrypto.createHmac("sha256", sharedKey).update(message).digest("hex");
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(sharedKey), encoder.encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

interface TokenParts {
  scheme: string;
  mailboxId: string;
  nonce: string;
  nonceCount: string;
  timestamp: string;
  hash: string;
  parts: number;
}

/** Splits `NHSMESH <mailbox>:<nonce>:<count>:<timestamp>:<hash>` the way the sandbox does (scheme case-insensitive). */
function parseToken(header: string): TokenParts {
  let token = header.trim();
  const scheme = token.toUpperCase().startsWith("NHSMESH") ? "NHSMESH" : "";
  if (scheme) token = token.slice("NHSMESH".length + 1);
  const parts = token.split(":");
  const [mailboxId = "", nonce = "", nonceCount = "", timestamp = "", hash = ""] = parts;
  return { scheme, mailboxId, nonce, nonceCount, timestamp, hash, parts: parts.length };
}

/**
 * The mailbox a request may act for, or the 403 the sandbox answers. It does not check the timestamp window or
 * refuse a repeated token, as real MESH does (the sandbox does not either).
 */
export async function authorise(
  request: Request,
  mailboxId: string,
  store: MeshStore,
  mode: MeshAuthMode,
  sharedKey: string,
): Promise<MeshMockMailbox | Response> {
  const noMailbox = () => meshError(request, 403, "No mailbox matched");
  if (mode === "none") return store.mailbox(mailboxId) ?? noMailbox();

  const header = (request.headers.get("authorization") ?? "").trim();
  if (!header) return meshError(request, 403, "Error reading from Authorization header");
  const token = parseToken(header);
  if (token.mailboxId !== mailboxId) return meshError(request, 403, "Mailbox id does not match token");

  if (mode === "canned") {
    if (token.nonce.toUpperCase() !== "VALID") return meshError(request, 403, "Invalid Authentication Token");
    return store.mailbox(mailboxId) ?? noMailbox();
  }

  const malformed = token.parts !== 5 || !/^\d+$/.test(token.nonceCount) || token.mailboxId.includes(" ");
  if (malformed) return meshError(request, 403, "Error reading from Authorization header");
  const mailbox = store.mailbox(mailboxId);
  if (!mailbox) return noMailbox();
  const hash = await expectedHash(
    sharedKey,
    token.mailboxId,
    token.nonce,
    token.nonceCount,
    mailbox.password,
    token.timestamp,
  );
  if (token.hash.toLowerCase() !== hash) return meshError(request, 403, "Invalid Authentication Token");
  return mailbox;
}
