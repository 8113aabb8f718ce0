import { type AuthStrategy, NhsValidationError } from "@nhskit/core";

const invalid = (operation: string, path: string, message: string): never => {
  throw new NhsValidationError(operation, [{ path, message }]);
};

/** No credentials: open-access APIs (ODS ORD) and the hosted sandboxes. Works in browsers. */
export function openAccess(): AuthStrategy {
  return { kind: "open-access", authorize() {} };
}

export interface BasicAuthOptions {
  username: string;
  password: string;
}

/** Bytes of UTF-8 text as base64, without Buffer, so this works in browsers too. */
function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** HTTP Basic (RFC 7617), as the Directory of Services REST API uses. Works in browsers. */
export function basicAuth(options: BasicAuthOptions): AuthStrategy {
  const operation = "basicAuth";
  if (!options || typeof options.username !== "string" || options.username === "") {
    invalid(operation, "username", "is required (the DoS account's user name)");
  }
  if (options.username.includes(":"))
    invalid(operation, "username", "must not contain ':' (Basic auth cannot carry it)");
  if (typeof options.password !== "string" || options.password === "") {
    invalid(operation, "password", "is required (the DoS account's password)");
  }
  const encoded = base64Utf8(`${options.username}:${options.password}`);
  const header = `Basic ${encoded}`;
  return {
    kind: "basic",
    authorize({ headers }) {
      headers.set("Authorization", header);
    },
    secrets: () => [options.password, encoded],
  };
}

export interface ApiKeyOptions {
  /** The app's Key from the NHS developer portal. */
  key: string;
}

/** Application-restricted access with an API key, sent in the `apikey` header. Works in browsers. */
export function apiKey(options: ApiKeyOptions): AuthStrategy {
  if (!options || typeof options.key !== "string" || options.key.trim() === "") {
    invalid("apiKey", "key", "is required: the app's Key from the NHS developer portal");
  }
  if (/[\r\n]/.test(options.key)) invalid("apiKey", "key", "must be a single line");
  const key = options.key.trim();
  return {
    kind: "api-key",
    authorize({ headers }) {
      headers.set("apikey", key);
    },
    secrets: () => [key],
  };
}
