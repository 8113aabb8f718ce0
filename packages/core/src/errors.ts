import type { ApiIssue } from "./error-body.js";

/** What every nhskit error says about the call it came from. Safe to log: no secrets, no bodies. */
export interface CallInfo {
  /** `GET /Patient/{id}` or an operation name given by the API package. */
  readonly operation: string;
  readonly method: string;
  /** The URL with secret-looking query parameters redacted. */
  readonly url: string;
  /** The X-Request-ID sent (the same on every attempt). */
  readonly requestId: string;
  readonly attempts: number;
}

/** Base class: `error instanceof NhsError` catches everything nhskit throws on purpose. */
export abstract class NhsError extends Error {
  abstract readonly kind: "api" | "network" | "timeout" | "validation" | "response";
  readonly operation: string | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, call: Partial<CallInfo> | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.operation = call?.operation;
    this.requestId = call?.requestId;
  }

  /** Only plain, safe fields: `JSON.stringify(error)` never carries headers, bodies or credentials. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      operation: this.operation,
      requestId: this.requestId,
    };
  }
}

/** The API answered with a non-2xx status. */
export class NhsApiError extends NhsError {
  override readonly name = "NhsApiError";
  readonly kind = "api";
  readonly status: number;
  /** Spine / platform error code from the body (`RESOURCE_NOT_FOUND`, `invalid_request`...), when there is one. */
  readonly code: string | undefined;
  readonly diagnostics: string | undefined;
  readonly issues: readonly ApiIssue[];
  /** What the caller can do about it. Also the last sentence of `message`. */
  readonly hint: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  /** Seconds the API asked us to wait (Retry-After), if it said. */
  readonly retryAfterSeconds: number | undefined;
  /** The parsed error body, for callers who need more than the fields above. Not part of toJSON. */
  declare readonly body: unknown;
  /** Response headers (no credentials are ever in them). Not part of toJSON. */
  declare readonly headers: Headers;

  constructor(init: {
    status: number;
    statusText: string;
    code: string | undefined;
    diagnostics: string | undefined;
    issues: readonly ApiIssue[];
    hint: string;
    call: CallInfo;
    retryAfterSeconds: number | undefined;
    body: unknown;
    headers: Headers;
  }) {
    const what = [`${init.call.operation} failed with ${init.status}${init.statusText ? ` ${init.statusText}` : ""}`];
    if (init.code) what.push(`(${init.code})`);
    const diagnostics = init.diagnostics ? `: ${init.diagnostics}` : "";
    const retried = init.call.attempts > 1 ? ` after ${init.call.attempts} attempts` : "";
    super(`${what.join(" ")}${retried}${diagnostics}. ${init.hint} [request id ${init.call.requestId}]`, init.call);
    this.status = init.status;
    this.code = init.code;
    this.diagnostics = init.diagnostics;
    this.issues = init.issues;
    this.hint = init.hint;
    this.method = init.call.method;
    this.url = init.call.url;
    this.attempts = init.call.attempts;
    this.retryAfterSeconds = init.retryAfterSeconds;
    // Non-enumerable so that console.log / util.inspect of the error stay short and safe.
    Object.defineProperty(this, "body", { value: init.body, enumerable: false });
    Object.defineProperty(this, "headers", { value: init.headers, enumerable: false });
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      code: this.code,
      diagnostics: this.diagnostics,
      issues: this.issues,
      hint: this.hint,
      method: this.method,
      url: this.url,
      attempts: this.attempts,
      retryAfterSeconds: this.retryAfterSeconds,
    };
  }
}

/** The request never got an HTTP answer: DNS, refused or reset connection, TLS failure. */
export class NhsNetworkError extends NhsError {
  override readonly name = "NhsNetworkError";
  readonly kind = "network";
  readonly attempts: number;
  constructor(message: string, call: CallInfo, cause: unknown) {
    super(message, call, { cause });
    this.attempts = call.attempts;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), attempts: this.attempts };
  }
}

/** An attempt took longer than `timeoutMs` (the caller's own AbortSignal is rethrown as is, not as this). */
export class NhsTimeoutError extends NhsError {
  override readonly name = "NhsTimeoutError";
  readonly kind = "timeout";
  readonly timeoutMs: number;
  readonly attempts: number;
  constructor(message: string, call: CallInfo, timeoutMs: number) {
    super(message, call);
    this.timeoutMs = timeoutMs;
    this.attempts = call.attempts;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs, attempts: this.attempts };
  }
}

/** One problem with the caller's input, found before anything was sent. */
export interface ValidationIssue {
  /** Where: `path.id`, `header.X-Correlation-ID`, `query.birthdate`, `body.patches[0].op`... */
  readonly path: string;
  readonly message: string;
}

/** Bad input, found before anything was sent. */
export class NhsValidationError extends NhsError {
  override readonly name: string = "NhsValidationError";
  readonly kind = "validation";
  readonly issues: readonly ValidationIssue[];
  constructor(operation: string, issues: readonly ValidationIssue[]) {
    const list = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    super(`Invalid input for ${operation}, nothing was sent. ${list}`, { operation });
    this.issues = issues;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/**
 * Builds an NhsValidationError from zod-style issues (`{ path, message }`) without core depending on
 * zod: every API package checks its inputs with zod and reports through this.
 */
export function validationError(
  operation: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix?: string,
): NhsValidationError {
  return new NhsValidationError(
    operation,
    issues.map((issue) => ({
      path: [prefix, ...issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p)))]
        .filter((p) => p !== undefined && p !== "")
        .join(".")
        .replace(/\.\[/g, "["),
      message: issue.message,
    })),
  );
}

/** A 2xx answer we could not read: invalid JSON, too large, or cut off. */
export class NhsResponseError extends NhsError {
  override readonly name = "NhsResponseError";
  readonly kind = "response";
  readonly status: number;
  constructor(message: string, call: CallInfo, status: number, cause?: unknown) {
    super(message, call, { cause });
    this.status = status;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status };
  }
}
