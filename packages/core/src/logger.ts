/** One structured log event. Headers and URLs are already redacted when a logger sees them. */
export interface LogEvent {
  readonly event: "request" | "response" | "retry" | "error" | "auth";
  readonly operation: string;
  readonly requestId: string;
  readonly attempt?: number;
  readonly method?: string;
  readonly url?: string;
  readonly status?: number;
  readonly durationMs?: number;
  readonly delayMs?: number;
  readonly reason?: string;
  readonly headers?: Record<string, string>;
}

/**
 * Where core reports what it does. `console` fits; so do pino and winston. Every level is optional, so
 * `{ warn: console.warn }` logs only retries and failures.
 */
export interface Logger {
  debug?(message: string, event: LogEvent): void;
  info?(message: string, event: LogEvent): void;
  warn?(message: string, event: LogEvent): void;
  error?(message: string, event: LogEvent): void;
}

export type LogLevel = "debug" | "info" | "warn" | "error";

export function log(logger: Logger | undefined, level: LogLevel, message: string, event: LogEvent): void {
  const fn = logger?.[level];
  if (!fn) return;
  try {
    fn.call(logger, message, event);
  } catch {
    // A broken logger must never break a call.
  }
}
