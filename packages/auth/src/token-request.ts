import {
  type CallInfo,
  type FetchLike,
  hintFor,
  NhsApiError,
  NhsNetworkError,
  NhsResponseError,
  NhsTimeoutError,
  parseErrorBody,
  scrub,
} from "@nhskit/core";

/** A token response body, numbers still as the platform sent them (strings). */
export type TokenResponseBody = Record<string, unknown> & { access_token: string };

export interface TokenRequestSettings {
  /** For errors and logs, e.g. "signedJwt token request". */
  readonly operation: string;
  readonly tokenUrl: string;
  readonly fetch: FetchLike | undefined;
  readonly timeoutMs: number;
  /** Values to scrub from anything we report (the platform never echoes them, but a proxy might). */
  readonly secrets: () => readonly string[];
}

const RETRY_STATUSES = new Set([502, 503, 504]);
const RETRY_DELAY_MS = 250;

// What to do about each platform token error, keyed by the start of its error_description.
const ADVICE: ReadonlyArray<readonly [string, string]> = [
  [
    "Content-Type header must be",
    "The token request must be form encoded; nhskit sends it so, so a proxy in between may have changed it.",
  ],
  [
    "Invalid 'kid' header in client_assertion JWT - no matching public key",
    "The kid is not in the JWKS registered for this app: check that kid names the key you registered in the developer portal (the platform caches a JWKS for up to an hour, so a new key can take that long to be seen).",
  ],
  [
    "Invalid 'iss'/'sub' claims",
    "The platform does not know this API key here: use the app's Key for this environment (integration and production apps have different keys).",
  ],
  [
    "Missing or invalid 'aud' claim",
    "aud must be the exact token URL called: check environment or tokenUrl (no trailing slash, right host).",
  ],
  [
    "JWT signature verification failed",
    "The assertion was not signed by the private key whose public half is registered under this kid: check that privateKey and kid belong together.",
  ],
  [
    "You need to register a public key",
    "Register a public key for the app in the developer portal: `nhskit keys generate` writes the JWKS to publish.",
  ],
  [
    "The JWKS endpoint, for your client_assertion can't be reached",
    "The platform could not fetch the JWKS URL registered for this app: make sure it is public and serves the JWKS JSON.",
  ],
  [
    "Invalid 'exp' claim in client_assertion JWT - JWT has expired",
    "Check this machine's clock: the assertion was already expired when the platform read it.",
  ],
  [
    "Invalid 'exp' claim in client_assertion JWT - more than 5 minutes in future",
    "Check this machine's clock: exp must be at most five minutes ahead of the platform's clock.",
  ],
  [
    "Non-unique 'jti' claim",
    "Each assertion needs a jti never used before; nhskit makes a new one per request, so check nothing replays assertions.",
  ],
  [
    "you have tried to request authorization",
    "Add an API product to the app in the developer portal that allows this kind of access (application-restricted for signed JWT, user-restricted for token exchange).",
  ],
  [
    "refresh token refresh period has expired",
    "The refresh window is over: sign the user in again and exchange the new ID token.",
  ],
  [
    "refresh_token is invalid",
    "The refresh token was already used or never issued: use the newest one, or sign in again.",
  ],
  [
    "client_id or client_secret is invalid",
    "Check the app's Key and Secret for this environment in the developer portal.",
  ],
];

function adviceFor(status: number, code: string | undefined, description: string | undefined): string {
  if (description) {
    for (const [start, advice] of ADVICE) if (description.startsWith(start)) return advice;
  }
  return hintFor(status, code);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs a form to the token endpoint and returns the parsed body. `buildForm` runs once per attempt, so a
 * retried request carries a new client assertion (a jti the platform saw once cannot be sent again).
 * One retry, after a short pause, on network failures and 502/503/504; the caller's own retries do not
 * cover this request, because core hands errors from an auth strategy straight back.
 */
export async function requestToken(
  settings: TokenRequestSettings,
  buildForm: () => Promise<URLSearchParams>,
): Promise<TokenResponseBody> {
  const requestId = crypto.randomUUID();
  const info = (attempts: number): CallInfo => ({
    operation: settings.operation,
    method: "POST",
    url: settings.tokenUrl,
    requestId,
    attempts,
  });
  const doFetch: FetchLike = settings.fetch ?? ((request, init) => globalThis.fetch(request, init as RequestInit));
  const clean = (text: string) => scrub(text, settings.secrets());

  for (let attempt = 1; ; attempt++) {
    const form = await buildForm();
    const timeout = AbortSignal.timeout(settings.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(
        new Request(settings.tokenUrl, {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Accept: "application/json",
            "X-Request-ID": requestId,
          },
          body: form.toString(),
          signal: timeout,
        }),
      );
      text = await response.text();
    } catch (error) {
      if (attempt === 1 && !timeout.aborted) {
        await sleep(RETRY_DELAY_MS);
        continue;
      }
      if (timeout.aborted) {
        throw new NhsTimeoutError(
          `${settings.operation} timed out: no answer from ${settings.tokenUrl} within ${settings.timeoutMs} ms. Retry later. [request id ${requestId}]`,
          info(attempt),
          settings.timeoutMs,
        );
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const code = (cause as { code?: unknown } | null)?.code;
      const reason = clean(typeof code === "string" ? code : cause instanceof Error ? cause.message : String(cause));
      throw new NhsNetworkError(
        `${settings.operation} could not reach ${settings.tokenUrl} (${reason}). Check the environment or tokenUrl and your network; for the local sandbox, check that \`pnpm sandbox\` is running. [request id ${requestId}]`,
        info(attempt),
        error,
      );
    }

    if (RETRY_STATUSES.has(response.status) && attempt === 1) {
      await sleep(RETRY_DELAY_MS);
      continue;
    }

    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Kept as text: a gateway's HTML page, say. Reported below.
    }

    if (!response.ok) {
      const parsed = parseErrorBody(body);
      const record = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
      const messageId = typeof record.message_id === "string" ? record.message_id : undefined;
      const diagnostics = parsed.diagnostics === undefined ? undefined : clean(parsed.diagnostics);
      const advice = adviceFor(response.status, parsed.code, parsed.diagnostics);
      throw new NhsApiError({
        status: response.status,
        statusText: response.statusText,
        code: parsed.code === undefined ? undefined : clean(parsed.code),
        diagnostics,
        issues: parsed.issues.map((issue) => ({
          ...issue,
          ...(issue.diagnostics ? { diagnostics: clean(issue.diagnostics) } : {}),
        })),
        hint: messageId ? `${advice} (platform message_id ${messageId})` : advice,
        call: info(attempt),
        retryAfterSeconds: undefined,
        body,
        headers: response.headers,
      });
    }

    const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : undefined;
    if (!record || typeof record.access_token !== "string" || record.access_token === "") {
      throw new NhsResponseError(
        `${settings.operation}: ${settings.tokenUrl} answered ${response.status} without an access_token in a JSON body; check that tokenUrl points at the platform's /oauth2/token. [request id ${requestId}]`,
        info(attempt),
        response.status,
      );
    }
    return record as TokenResponseBody;
  }
}

/** `expires_in` and friends arrive as strings ("599"); numbers are accepted too. */
export function secondsField(body: Record<string, unknown>, name: string): number | undefined {
  const raw = body[name];
  const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
