import type { AuthStrategy } from "./auth.js";
import { type CallInfo, NhsNetworkError, NhsResponseError, NhsTimeoutError } from "./errors.js";
import { type Logger, log } from "./logger.js";
import type { RateLimiter } from "./rate-limit.js";
import { redactHeaders, redactUrl, scrub } from "./redact.js";
import { backoffDelay, mayRetryMethod, parseRetryAfter, type RetryPolicy, sleep } from "./retry.js";

export type FetchLike = (request: Request, init?: Record<string, unknown>) => Promise<Response>;

/** Settings fixed for a client. */
export interface TransportSettings {
  readonly fetch: FetchLike;
  readonly auth: AuthStrategy;
  readonly logger: Logger | undefined;
  readonly maxResponseBytes: number;
  readonly secrets: () => readonly string[];
  /** Injected in tests to make backoff predictable. */
  readonly random?: () => number;
  /** Paces attempts; absent when the client has no rate limit. */
  readonly limiter?: Pick<RateLimiter, "take" | "throttled"> | undefined;
}

/** One logical call: the same request id and budget across all of its attempts. */
export interface CallState {
  readonly operation: string;
  requestId: string;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  /** False for streamed downloads: the body is handed over unread. */
  readonly bufferBody: boolean;
  attempts: number;
  method: string;
  url: string;
  /** The last response, kept so a body that fails to parse can still be reported with its status. */
  lastStatus?: number;
}

export function callInfo(state: CallState): CallInfo {
  return {
    operation: state.operation,
    method: state.method,
    url: state.url,
    requestId: state.requestId,
    attempts: state.attempts,
  };
}

/**
 * Path keys such as `/FHIR/R4/$process-message#prescription-order` name distinct operations but the
 * fragment is not part of the wire path; openapi-fetch may even have put the query string after it.
 */
export function wireUrl(raw: string): URL {
  const url = new URL(raw);
  if (url.hash) {
    const query = url.hash.includes("?") ? url.hash.slice(url.hash.indexOf("?") + 1) : "";
    url.hash = "";
    if (query) url.search = url.search ? `${url.search}&${query}` : query;
  }
  return url;
}

class BodyTooLarge extends Error {}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Reads the whole body under the attempt's signal, so a server that stalls mid-body still times out. */
async function readBody(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!response.body) return null;
  // A declared length within the limit can be read natively in one go (encoded bodies may differ in size).
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared <= limit && !response.headers.has("content-encoding")) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength <= limit) return bytes;
    throw new BodyTooLarge();
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Not awaited: some streams never settle a cancel, and we are done with this one.
      reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Sends one logical call: per attempt it re-applies auth, arms a timeout and reads the body; between
 * attempts it waits as Retry-After or backoff says. Returns the final response (2xx or not) with its
 * body buffered; throws only when no HTTP answer could be had.
 */
export async function send(request: Request, state: CallState, settings: TransportSettings): Promise<Response> {
  const method = request.method.toUpperCase();
  const url = wireUrl(request.url);
  state.method = method;
  state.url = url.search ? redactUrl(url) : url.href;
  const debug = settings.logger?.debug !== undefined;
  const callerSignal = request.signal;
  // Read the body once so that every attempt can send it again.
  const body = method === "GET" || method === "HEAD" || !request.body ? undefined : await request.arrayBuffer();
  let started = Date.now();
  const scrubbed = (text: string) => scrub(text, settings.secrets());
  let retries = 0;
  let reauthorized = false;

  for (;;) {
    // Every attempt, retries included, waits for the rate limiter (an abort while waiting wins at once).
    // Queueing for the first slot is not time spent at the API, so the call's budget starts after it.
    if (settings.limiter) {
      await settings.limiter.take(callerSignal);
      if (!state.attempts) started = Date.now();
    }
    state.attempts += 1;
    const attempt = state.attempts;
    const headers = new Headers(request.headers);
    const timeout = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      timeout.abort(new DOMException("nhskit attempt timeout", "TimeoutError"));
    }, state.timeoutMs);
    // One controller per attempt, aborted by its timer or by the caller (cheaper than AbortSignal.any).
    if (callerSignal.aborted) {
      clearTimeout(timer);
      throw callerSignal.reason;
    }
    const onCallerAbort = () => timeout.abort(callerSignal.reason);
    callerSignal.addEventListener("abort", onCallerAbort, { once: true });
    const signal = timeout.signal;
    const event = () => ({ operation: state.operation, requestId: state.requestId, attempt, method, url: state.url });

    let response: Response | undefined;
    let failure: "timeout" | "network" | "too-large" | undefined;
    let cause: unknown;
    const authRequest = { method, url, headers, attempt, signal };
    let authorized = false;
    try {
      // Errors from the auth strategy (a refused token request, say) are already typed: pass them on,
      // unless this attempt's own timeout fired while the strategy waited (that is a timeout like any other).
      await settings.auth.authorize(authRequest);
      authorized = true;
    } catch (error) {
      if (callerSignal.aborted) {
        clearTimeout(timer);
        throw callerSignal.reason;
      }
      if (!timedOut) {
        clearTimeout(timer);
        callerSignal.removeEventListener("abort", onCallerAbort);
        throw error;
      }
      failure = "timeout";
      cause = error;
    }
    if (authorized) {
      try {
        if (debug) {
          log(settings.logger, "debug", `→ ${method} ${state.url} (attempt ${attempt})`, {
            ...event(),
            event: "request",
            headers: redactHeaders(headers),
          });
        }
        const sent = new Request(url, { method, headers, body, signal, redirect: request.redirect });
        const extra = settings.auth.fetchOptions;
        response = await (extra ? settings.fetch(sent, { ...extra }) : settings.fetch(sent));
        if (state.bufferBody) {
          const bytes = NULL_BODY_STATUSES.has(response.status)
            ? null
            : await readBody(response, settings.maxResponseBytes);
          response = new Response(bytes, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          });
        }
      } catch (error) {
        response = undefined;
        cause = error;
        if (callerSignal.aborted) throw callerSignal.reason; // the caller's AbortSignal always wins
        failure = timedOut ? "timeout" : error instanceof BodyTooLarge ? "too-large" : "network";
      } finally {
        clearTimeout(timer);
      }
    }
    callerSignal.removeEventListener("abort", onCallerAbort);

    const elapsed = Date.now() - started;
    if (response) {
      state.lastStatus = response.status;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      // A 429 slows every call sharing the limiter, not only this call's retry.
      if (response.status === 429) settings.limiter?.throttled(retryAfter);
      if (debug) {
        log(settings.logger, "debug", `← ${response.status} ${method} ${state.url} in ${elapsed} ms`, {
          ...event(),
          event: "response",
          status: response.status,
          durationMs: elapsed,
        });
      }
      if (response.status === 401 && !reauthorized && settings.auth.invalidate) {
        reauthorized = true;
        if (await settings.auth.invalidate(authRequest)) {
          log(settings.logger, "info", "401: credentials refreshed, trying once more", { ...event(), event: "auth" });
          continue;
        }
      }
      if (!state.retry.statuses.has(response.status) || !mayRetryMethod(method, state.retry)) return response;
      if (attempt - (reauthorized ? 1 : 0) >= state.retry.maxAttempts) return response;
      const delay = retryAfter ?? backoffDelay(retries + 1, state.retry, settings.random);
      if (delay > state.retry.maxDelayMs || elapsed + delay > state.retry.maxElapsedMs) return response;
      retries += 1;
      log(settings.logger, "warn", `${response.status} from ${method} ${state.url}: retrying in ${delay} ms`, {
        ...event(),
        event: "retry",
        status: response.status,
        delayMs: delay,
        reason: `status ${response.status}`,
      });
      await sleep(delay, callerSignal);
      continue;
    }

    const info = callInfo(state);
    if (failure === "too-large") {
      throw new NhsResponseError(
        `${state.operation}: the response was larger than maxResponseBytes (${settings.maxResponseBytes}); raise the limit if this is expected. [request id ${state.requestId}]`,
        info,
        0,
        cause,
      );
    }
    const canRetry =
      mayRetryMethod(method, state.retry) &&
      attempt - (reauthorized ? 1 : 0) < state.retry.maxAttempts &&
      elapsed < state.retry.maxElapsedMs;
    if (canRetry) {
      const delay = backoffDelay(retries + 1, state.retry, settings.random);
      if (elapsed + delay <= state.retry.maxElapsedMs) {
        retries += 1;
        log(settings.logger, "warn", `${failure} on ${method} ${state.url}: retrying in ${delay} ms`, {
          ...event(),
          event: "retry",
          delayMs: delay,
          reason: failure ?? "network",
        });
        await sleep(delay, callerSignal);
        continue;
      }
    }
    const tries = attempt > 1 ? ` after ${attempt} attempts` : "";
    if (failure === "timeout") {
      const message = `${state.operation} timed out${tries}: no complete answer from ${url.origin} within ${state.timeoutMs} ms. Retry later or raise timeoutMs. [request id ${state.requestId}]`;
      log(settings.logger, "error", message, { ...event(), event: "error", reason: "timeout" });
      throw new NhsTimeoutError(message, info, state.timeoutMs);
    }
    const reason = scrubbed(describeNetworkError(cause));
    const message = `${state.operation} could not reach ${url.origin}${tries} (${reason}). Check the base URL, your network and, for the local sandbox, that \`pnpm sandbox\` is running. [request id ${state.requestId}]`;
    log(settings.logger, "error", message, { ...event(), event: "error", reason: "network" });
    throw new NhsNetworkError(message, info, cause);
  }
}
