export { BaseUrlError } from "@nhskit/catalogue";
export { apiErrorFromResponse } from "./api-error.js";
export { type AuthRequest, type AuthStrategy, noAuth } from "./auth.js";
export {
  type ApiClient,
  type ApiClientOptions,
  type ApiMethod,
  type ApiResult,
  type CallOptions,
  createApiClient,
  publishedRateLimit,
} from "./client.js";
export { type ApiIssue, type ParsedErrorBody, parseErrorBody } from "./error-body.js";
export {
  type CallInfo,
  NhsApiError,
  NhsError,
  NhsNetworkError,
  NhsResponseError,
  NhsTimeoutError,
  NhsValidationError,
  type ValidationIssue,
  validationError,
} from "./errors.js";
export { hintFor } from "./hints.js";
export type { LogEvent, Logger, LogLevel } from "./logger.js";
export {
  assertNhsNumber,
  isValidNhsNumber,
  NhsNumberError,
  nhsNumberProblem,
  normalizeNhsNumber,
} from "./nhs-number.js";
export {
  type BundleLike,
  DEFAULT_MAX_PAGES,
  nextLink,
  type PagedEntries,
  type PageOptions,
  paginate,
} from "./paging.js";
export { createRateLimiter, type RateLimiter, type RateLimitOptions } from "./rate-limit.js";
export { isSecretName, REDACTED, redactHeaders, redactUrl, scrub } from "./redact.js";
export { backoffDelay, DEFAULT_RETRY, parseRetryAfter, type RetryOptions, type RetryPolicy } from "./retry.js";
export type { FetchLike } from "./transport.js";
export { CORE_VERSION } from "./version.js";
