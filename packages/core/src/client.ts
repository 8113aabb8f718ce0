import { type ApiEntry, type Environment, resolveBaseUrl } from "@nhskit/catalogue";
import createClient, { type FetchResponse, type MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import { type AuthStrategy, noAuth } from "./auth.js";
import { type NhsApiError, NhsError, NhsResponseError, NhsValidationError, type ValidationIssue } from "./errors.js";
import type { Logger } from "./logger.js";
import type { RateLimiter } from "./rate-limit.js";
import { checkRateLimit, type RateLimitOptions } from "./rate-limit-options.js";
import { isSecretName } from "./redact.js";
import { DEFAULT_RETRY, type RetryOptions, type RetryPolicy, resolveRetryPolicy } from "./retry.js";
import { type CallState, callInfo, type FetchLike, send, type TransportSettings } from "./transport.js";
import { userAgent } from "./user-agent.js";
import { checkHeaders, checkPathParams } from "./validate-input.js";

export interface ApiClientOptions {
  /** The API's catalogue entry, e.g. `pds` from `@nhskit/catalogue`. */
  api: ApiEntry;
  /** Which of the API's OpenAPI documents (NRL: "consumer" or "producer"). Default: the first. */
  document?: string;
  /** Where calls go. Required unless `baseUrl` is given. */
  environment?: Environment;
  /** Any base URL; wins over `environment`. */
  baseUrl?: string | URL;
  /** Default: no credentials (hosted sandboxes and open-access APIs). */
  auth?: AuthStrategy;
  /** `false` turns retries off. */
  retry?: RetryOptions | false;
  /** Per attempt, body included. Default 30 s. */
  timeoutMs?: number;
  /** Largest response body read into memory. Default 64 MiB. */
  maxResponseBytes?: number;
  logger?: Logger;
  /** Sent as X-Correlation-ID on every call (a call's own value wins). */
  correlationId?: string;
  /** Extra headers on every call. */
  headers?: Record<string, string>;
  /** Replaces fetch (tests, proxies). Looked up at call time, so msw installed later still sees calls. */
  fetch?: FetchLike;
  /** The API package's name and version for the User-Agent, e.g. "nhskit-pds/0.1.0". */
  clientName?: string;
  /** Backoff randomness; tests pass `() => 0` for deterministic timing. */
  random?: () => number;
  /**
   * Paces requests (every attempt, retries included) and slows down after a 429. Default: the API's published
   * limit from the catalogue (`api.rateLimit`) when `environment` is one of its NHS environments; none for
   * `local` or an explicit `baseUrl`. `{ perSecond }` gives this client its own limit; a limiter from
   * `createRateLimiter` is shared by every client given it (one application, one budget); `false` turns it off.
   */
  rateLimit?: RateLimitOptions | RateLimiter | false;
}

/** Options for one call, passed as `nhs` beside openapi-fetch's own init. */
export interface CallOptions {
  /** Name for errors and logs. Default `GET /Patient/{id}`. */
  operation?: string;
  timeoutMs?: number;
  retry?: RetryOptions | false;
  /** Sent as X-Request-ID; minted (UUID) when absent. Reuse one to make a repeated write safe on PDS. */
  requestId?: string;
  correlationId?: string;
}

type InitWithCall<Init> = Init & { nhs?: CallOptions };
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [InitWithCall<Init>?] : [InitWithCall<Init>];

/** A successful call: the typed body, the raw response, and the request id that was sent. */
export type ApiResult<R> = R extends { data: infer D; error?: never; response: Response }
  ? { data: D; response: Response; requestId: string }
  : never;

export type ApiMethod<Paths extends {}, Method extends HttpMethod, Media extends MediaType> = <
  Path extends PathsWithMethod<Paths, Method>,
  Init extends MaybeOptionalInit<Paths[Path], Method & keyof Paths[Path]>,
>(
  path: Path,
  ...init: InitParam<Init>
) => Promise<
  ApiResult<FetchResponse<Paths[Path][Method & keyof Paths[Path]] & Record<string | number, unknown>, Init, Media>>
>;

export interface ApiClient<Paths extends {}, Media extends MediaType = MediaType> {
  readonly api: ApiEntry;
  readonly baseUrl: string;
  GET: ApiMethod<Paths, "get", Media>;
  PUT: ApiMethod<Paths, "put", Media>;
  POST: ApiMethod<Paths, "post", Media>;
  DELETE: ApiMethod<Paths, "delete", Media>;
  PATCH: ApiMethod<Paths, "patch", Media>;
  HEAD: ApiMethod<Paths, "head", Media>;
  OPTIONS: ApiMethod<Paths, "options", Media>;
  /**
   * GET an absolute URL the API handed back (a Bundle's next link) through the same pipeline. Only
   * URLs on the client's own origin are followed, so credentials never leave for another host.
   */
  getUrl<T = unknown>(
    url: string,
    call?: CallOptions & { signal?: AbortSignal; headers?: Record<string, string> },
  ): Promise<{ data: T; response: Response; requestId: string }>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * The catalogue's published limit for an API in an environment, as limiter options; undefined for `local` and
 * where NHS England publishes none. Clients apply it themselves when created with `environment`; a tool that
 * passes `baseUrl` for an NHS environment can use it to do the same (e.g. one shared limiter per API).
 */
export function publishedRateLimit(
  { rateLimit }: ApiEntry,
  environment: Environment | undefined,
): RateLimitOptions | undefined {
  if (rateLimit && environment && environment !== "local")
    return { perSecond: rateLimit.environments?.[environment] ?? rateLimit.perSecond };
}

/**
 * A client's own limiter. The limiter code is loaded on first need (a separate chunk in browser bundles), so a
 * client without a limit never downloads it; the options are checked now, so bad ones fail here.
 */
function ownLimiter(options: RateLimitOptions): Pick<RateLimiter, "take" | "throttled"> {
  checkRateLimit(options);
  const ready = import("./rate-limit.js").then((m) => m.createRateLimiter(options));
  const ignore = () => {};
  ready.catch(ignore); // a chunk that fails to load is reported by the next call waiting for a slot
  return {
    take: (signal) => ready.then((limiter) => limiter.take(signal)),
    throttled: (ms) => void ready.then((limiter) => limiter.throttled(ms), ignore),
  };
}

function checkTimeout(value: number | undefined, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !(value > 0))
    throw new TypeError(`${where} must be a positive number of milliseconds (got ${String(value)}).`);
  return value;
}

/** Builds the typed client every API package wraps. Bad configuration fails here, before any call. */
export function createApiClient<Paths extends {}, Media extends MediaType = MediaType>(
  options: ApiClientOptions,
): ApiClient<Paths, Media> {
  if (!options || typeof options !== "object" || !options.api) {
    throw new TypeError("createApiClient needs options with the API's catalogue entry as `api`.");
  }
  const baseUrl = resolveBaseUrl(options.api, options);
  const origin = new URL(baseUrl).origin;
  const auth = options.auth ?? noAuth;
  if (typeof auth.authorize !== "function") throw new TypeError("auth must be an auth strategy from @nhskit/auth.");
  const retry = resolveRetryPolicy(options.retry, DEFAULT_RETRY);
  const timeoutMs = checkTimeout(options.timeoutMs, "timeoutMs") ?? DEFAULT_TIMEOUT_MS;
  const fixedHeaders = new Headers();
  {
    const issues: ValidationIssue[] = [];
    checkHeaders(options.headers, "headers", issues);
    if (options.correlationId !== undefined)
      checkHeaders({ "X-Correlation-ID": options.correlationId }, "correlationId", issues);
    if (issues.length) throw new NhsValidationError("createApiClient", issues);
    for (const [k, v] of Object.entries(options.headers ?? {})) fixedHeaders.set(k, v);
    if (options.correlationId) fixedHeaders.set("X-Correlation-ID", options.correlationId);
    const ua = userAgent(options.clientName);
    if (ua && !fixedHeaders.has("user-agent")) fixedHeaders.set("User-Agent", ua);
  }
  const headerSecrets = Object.entries(options.headers ?? {})
    .filter(([k]) => isSecretName(k))
    .map(([, v]) => v);
  const secrets = () => [...(auth.secrets?.() ?? []), ...headerSecrets];

  // An explicit baseUrl (a proxy, a mock, another host) gets no default: the caller knows its limits.
  const rateLimit =
    options.rateLimit ??
    (options.baseUrl === undefined ? publishedRateLimit(options.api, options.environment) : undefined);
  const settings: TransportSettings = {
    limiter: rateLimit ? ("take" in rateLimit ? rateLimit : ownLimiter(rateLimit)) : undefined,
    fetch: options.fetch ?? ((request, init) => globalThis.fetch(request, init as RequestInit)),
    auth,
    logger: options.logger,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    secrets,
    ...(options.random ? { random: options.random } : {}),
  };
  const raw = createClient<Paths, Media>({ baseUrl });

  function newState(method: string, operation: string, call: CallOptions | undefined, parseAs: unknown): CallState {
    let policy: RetryPolicy = retry;
    if (call?.retry !== undefined) policy = resolveRetryPolicy(call.retry, retry);
    return {
      operation,
      requestId: call?.requestId ?? crypto.randomUUID(),
      retry: policy,
      timeoutMs: checkTimeout(call?.timeoutMs, "nhs.timeoutMs") ?? timeoutMs,
      bufferBody: parseAs !== "stream",
      attempts: 0,
      method,
      url: baseUrl,
    };
  }

  /** Sets the once-per-call headers; a retry inside `send` reuses them unchanged. */
  function perCallFetch(state: CallState, call: CallOptions | undefined) {
    return (request: Request) => {
      const headers = request.headers;
      for (const [k, v] of fixedHeaders) if (!headers.has(k)) headers.set(k, v);
      if (call?.correlationId) headers.set("X-Correlation-ID", call.correlationId);
      // A request id the caller put in the headers wins; otherwise ours is sent.
      const given = headers.get("x-request-id");
      if (given) state.requestId = given;
      else headers.set("X-Request-ID", state.requestId);
      return send(request, state, settings);
    };
  }

  /**
   * Error bodies are read, and hints chosen, by a module loaded on the first failure: bundlers put it in its
   * own chunk, which keeps the first download of every client small.
   */
  async function apiError(state: CallState, response: Response, body: unknown): Promise<NhsApiError> {
    const { apiErrorFromResponse } = await import("./api-error.js");
    return apiErrorFromResponse(callInfo(state), response, body, secrets());
  }

  function unreadable(state: CallState, error: unknown): NhsResponseError {
    const status = state.lastStatus ?? 0;
    return new NhsResponseError(
      `${state.operation} answered ${status} with a body that could not be read as ${error instanceof SyntaxError ? "JSON" : "expected"}; the API or a proxy in between sent something unexpected. [request id ${state.requestId}]`,
      callInfo(state),
      status,
      error,
    );
  }

  function method(name: Uppercase<HttpMethod>) {
    return async (path: string, init?: Record<string, unknown> & { nhs?: CallOptions }) => {
      const { nhs: call, ...rest } = init ?? {};
      const operation = call?.operation ?? `${name} ${path}`;
      const params = rest.params as { path?: unknown; header?: unknown } | undefined;
      const issues: ValidationIssue[] = [];
      checkPathParams(params?.path, issues);
      checkHeaders(params?.header, "header", issues);
      checkHeaders(rest.headers, "headers", issues);
      if (call?.correlationId !== undefined)
        checkHeaders({ "X-Correlation-ID": call.correlationId }, "nhs.correlationId", issues);
      if (call?.requestId !== undefined) checkHeaders({ "X-Request-ID": call.requestId }, "nhs.requestId", issues);
      if (issues.length) throw new NhsValidationError(operation, issues);

      const state = newState(name, operation, call, rest.parseAs);
      let result: { data?: unknown; error?: unknown; response: Response };
      try {
        // Request and fetch are looked up per call: msw (and other interceptors) replace both globals when they
        // start, which may be after this client was created.
        // biome-ignore lint/suspicious/noExplicitAny: the typed surface is ApiMethod; this is the untyped inside
        result = await (raw[name] as any)(path, {
          ...rest,
          Request: globalThis.Request,
          fetch: perCallFetch(state, call),
        });
      } catch (error) {
        // openapi-fetch parses the body after our transport returned it: a SyntaxError here is a bad body.
        if (error instanceof SyntaxError && state.lastStatus !== undefined && !(error instanceof NhsError)) {
          throw unreadable(state, error);
        }
        throw error;
      }
      if (!result.response.ok) throw await apiError(state, result.response, result.error);
      return { data: result.data, response: result.response, requestId: state.requestId };
    };
  }

  async function getUrl<T>(
    url: string,
    call?: CallOptions & { signal?: AbortSignal; headers?: Record<string, string> },
  ) {
    const target = new URL(url, `${baseUrl}/`);
    const operation = call?.operation ?? "GET next page";
    if (target.origin !== origin) {
      throw new NhsValidationError(operation, [
        {
          path: "url",
          message: `points to ${target.origin}, not ${origin}; nhskit only follows links on the API's own origin so credentials are not sent elsewhere`,
        },
      ]);
    }
    const issues: ValidationIssue[] = [];
    checkHeaders(call?.headers, "headers", issues);
    if (issues.length) throw new NhsValidationError(operation, issues);
    const state = newState("GET", operation, call, "json");
    const request = new Request(target, {
      method: "GET",
      headers: { Accept: "application/fhir+json, application/json", ...call?.headers },
      ...(call?.signal ? { signal: call.signal } : {}),
    });
    const response = await perCallFetch(state, call)(request);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch (error) {
      if (response.ok) throw unreadable(state, error);
    }
    if (!response.ok) throw await apiError(state, response, body);
    return { data: body as T, response, requestId: state.requestId };
  }

  return {
    api: options.api,
    baseUrl,
    GET: method("GET") as ApiClient<Paths, Media>["GET"],
    PUT: method("PUT") as ApiClient<Paths, Media>["PUT"],
    POST: method("POST") as ApiClient<Paths, Media>["POST"],
    DELETE: method("DELETE") as ApiClient<Paths, Media>["DELETE"],
    PATCH: method("PATCH") as ApiClient<Paths, Media>["PATCH"],
    HEAD: method("HEAD") as ApiClient<Paths, Media>["HEAD"],
    OPTIONS: method("OPTIONS") as ApiClient<Paths, Media>["OPTIONS"],
    getUrl,
  };
}
