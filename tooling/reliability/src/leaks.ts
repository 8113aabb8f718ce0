/** Counts live timers, so a test can show a call left none running after it settled. */
export function liveTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
}

/** Collects unhandled rejections while a test runs. */
export function watchUnhandledRejections() {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on("unhandledRejection", listener);
  return {
    seen,
    stop: () => process.off("unhandledRejection", listener),
  };
}
