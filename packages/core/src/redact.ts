/** What a redacted value is replaced with in logs and errors. */
export const REDACTED = "[redacted]";

// Header names whose values are credentials on some NHS API.
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "apikey", "x-api-key", "cookie", "set-cookie"]);
// Names that smell of secrets in headers, query strings and form fields (client_assertion, access_token, password...).
const SECRET_NAME =
  /(token|secret|password|passwd|assertion|api[-_]?key|credential|private|signature|session[-_]?key)/i;

export function isSecretName(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase()) || SECRET_NAME.test(name);
}

/** A plain object of headers safe to log: credential-bearing values replaced. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    if (!isSecretName(name)) {
      out[name] = value;
    } else if (name.toLowerCase() === "authorization") {
      // Keep the scheme (Bearer, Basic, NHSMESH): it tells a reader which auth was used, and is no secret.
      const scheme = value.split(" ")[0];
      out[name] = scheme && scheme !== value ? `${scheme} ${REDACTED}` : REDACTED;
    } else {
      out[name] = REDACTED;
    }
  }
  return out;
}

/** The URL with secret-looking query parameters and any userinfo replaced. */
export function redactUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return String(input);
  }
  if (url.username) url.username = "redacted";
  if (url.password) url.password = "redacted";
  for (const name of [...url.searchParams.keys()]) {
    if (isSecretName(name)) url.searchParams.set(name, REDACTED);
  }
  return url.href;
}

/**
 * Replaces every occurrence of the given secrets in a text. Applied to anything that reaches a log line
 * or an error message, in case a server echoes a credential back (some gateways quote the bad key).
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; auth strategies only register real secrets.
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
