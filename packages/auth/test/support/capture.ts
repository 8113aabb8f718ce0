import type { LogEvent, Logger } from "@nhskit/core";

/**
 * Everything the auth tests produced that a user could end up logging: core's log lines and events, and
 * every error caught (message, String(), JSON.stringify, stack). The test files run in one worker that
 * shares this module, and test/zz-no-secrets.test.ts scans it all at the end.
 */
export const captured = {
  lines: [] as string[],
  errors: [] as string[],
  files: new Set<string>(),
  /** Token endpoints the tests ran, so the scan knows every access token issued. */
  endpoints: [] as Array<{ tokenRequests(): ReadonlyArray<{ accessToken?: string }> }>,
};

const push = (message: string, event: LogEvent) => {
  captured.lines.push(message, JSON.stringify(event));
};

/** Pass as `logger` to every client in the tests. */
export const captureLogger: Logger = { debug: push, info: push, warn: push, error: push };

/** Records an error's every printable form. */
export function recordError(error: unknown): void {
  const parts = [String(error)];
  if (error instanceof Error) {
    parts.push(error.message, error.stack ?? "");
    if (error.cause !== undefined) parts.push(String(error.cause));
  }
  try {
    parts.push(JSON.stringify(error));
  } catch {
    // Circular structures cannot be stringified; the other forms are enough.
  }
  captured.errors.push(parts.join("\n"));
}

/** Awaits something that must fail, records the error, and returns it. */
export async function caught<T = Error>(work: Promise<unknown> | (() => unknown)): Promise<T> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    recordError(error);
    return error as T;
  }
  throw new Error("expected a failure, but it succeeded");
}

/** Each test file says it ran, so the scan can tell it saw the whole suite. */
export function fileRan(name: string): void {
  captured.files.add(name);
}
