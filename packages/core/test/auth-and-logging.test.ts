import { afterEach, describe, expect, it } from "vitest";
import { type AuthStrategy, type LogEvent, NhsApiError, NhsTimeoutError } from "../src/index.js";
import { outcome, testClient } from "./support/client.js";
import { json, startServer } from "./support/server.js";

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SECRET = "s3cr3t-token-value-0123456789";

/** A stand-in strategy: a new token per attempt, refreshable after a 401. */
function countingAuth(): AuthStrategy & { attempts: number[]; invalidations: number } {
  let generation = 0;
  const strategy = {
    kind: "test-bearer",
    attempts: [] as number[],
    invalidations: 0,
    authorize({ headers, attempt }: { headers: Headers; attempt: number }) {
      strategy.attempts.push(attempt);
      headers.set("Authorization", `Bearer ${SECRET}-${generation}`);
    },
    invalidate() {
      strategy.invalidations += 1;
      generation += 1;
      return true;
    },
    secrets: () => [`${SECRET}-0`, `${SECRET}-1`],
  };
  return strategy;
}

describe("the auth hook", () => {
  it("is applied once per attempt, so a retry carries fresh credentials", async () => {
    server = await startServer((_req, res, _seen, i) => (i < 2 ? json(res, 503, {}) : json(res, 200, { id: "1" })));
    const auth = countingAuth();
    await testClient(server.url, { auth }).GET("/Patient/{id}", { params: { path: { id: "1" } } });
    expect(auth.attempts).toEqual([1, 2, 3]);
  });

  it("after a 401 refreshes once and retries once, never looping", async () => {
    server = await startServer((_req, res) =>
      json(res, 401, outcome("forbidden", "ACCESS_DENIED", "Invalid access token")),
    );
    const auth = countingAuth();
    const error = (await testClient(server.url, { auth })
      .GET("/Patient/{id}", { params: { path: { id: "1" } } })
      .catch((e: unknown) => e)) as NhsApiError;
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.status).toBe(401);
    expect(auth.invalidations).toBe(1);
    expect(server.seen).toHaveLength(2);
    expect(server.seen.map((r) => r.headers.authorization)).toEqual([`Bearer ${SECRET}-0`, `Bearer ${SECRET}-1`]);
  });

  it("succeeds when the refreshed credentials are accepted", async () => {
    server = await startServer((req, res) =>
      req.headers.authorization?.endsWith("-1") ? json(res, 200, { id: "1" }) : json(res, 401, {}),
    );
    const auth = countingAuth();
    const { data } = await testClient(server.url, { auth }).GET("/Patient/{id}", { params: { path: { id: "1" } } });
    expect(data.id).toBe("1");
    expect(auth.invalidations).toBe(1);
  });

  it("passes an error thrown by the strategy through unchanged and sends nothing", async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const broken: AuthStrategy = {
      kind: "broken",
      authorize() {
        throw new Error("token endpoint refused the assertion");
      },
    };
    await expect(
      testClient(server.url, { auth: broken }).GET("/Patient/{id}", { params: { path: { id: "1" } } }),
    ).rejects.toThrow("token endpoint refused the assertion");
    expect(server.seen).toHaveLength(0);
  });
});

describe("auth strategy edge cases", () => {
  it("tells invalidate which attempt was refused", async () => {
    server = await startServer((_req, res) => json(res, 401, {}));
    const seen: Array<string | null> = [];
    const auth: AuthStrategy = {
      kind: "t",
      authorize: ({ headers }) => headers.set("Authorization", "Bearer Tok1"),
      invalidate: (failed) => {
        seen.push(failed?.headers.get("authorization") ?? null);
        return false;
      },
    };
    await testClient(server.url, { auth })
      .GET("/Patient/{id}", { params: { path: { id: "1" } } })
      .catch(() => {});
    expect(seen).toEqual(["Bearer Tok1"]);
  });

  it("passes an error thrown by invalidate through unchanged", async () => {
    server = await startServer((_req, res) => json(res, 401, {}));
    const auth: AuthStrategy = {
      kind: "t",
      authorize: () => {},
      invalidate: () => {
        throw new Error("refresh endpoint down");
      },
    };
    await expect(
      testClient(server.url, { auth }).GET("/Patient/{id}", { params: { path: { id: "1" } } }),
    ).rejects.toThrow("refresh endpoint down");
  });

  it("reports a strategy that outlives the attempt timeout as NhsTimeoutError", async () => {
    server = await startServer((_req, res) => json(res, 200, {}));
    const auth: AuthStrategy = {
      kind: "slow",
      authorize: ({ signal }) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener("abort", () => reject(signal.reason), { once: true }),
        ),
    };
    const error = await testClient(server.url, { auth, timeoutMs: 50, retry: false })
      .GET("/Patient/{id}", { params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsTimeoutError);
    expect(server.seen).toHaveLength(0);
  });
});

describe("logging and secrets", () => {
  it("logs requests, retries and failures with credentials redacted, and no error carries a secret", async () => {
    server = await startServer((_req, res, _seen, i) =>
      i === 0
        ? json(res, 503, {})
        : // A gateway that echoes the credential back, as some do.
          json(res, 401, outcome("forbidden", "ACCESS_DENIED", `Token ${SECRET}-0 is not valid; apikey=${SECRET}-1`)),
    );
    const lines: string[] = [];
    const events: LogEvent[] = [];
    const capture = (message: string, event: LogEvent) => {
      lines.push(message);
      events.push(event);
    };
    const logger = { debug: capture, info: capture, warn: capture, error: capture };
    const auth = countingAuth();
    auth.invalidate = () => false;
    const error = (await testClient(server.url, {
      auth,
      logger,
      headers: { apikey: "header-api-key-value", "X-Plain": "visible" },
    })
      .GET("/Patient/{id}", { params: { path: { id: "1" } } })
      .catch((e: unknown) => e)) as NhsApiError;

    expect(events.map((e) => e.event)).toEqual(["request", "response", "retry", "request", "response"]);
    const request = events.find((e) => e.event === "request")!;
    expect(request.headers).toMatchObject({
      authorization: "Bearer [redacted]",
      apikey: "[redacted]",
      "x-plain": "visible",
    });
    expect(request.headers!["x-request-id"]).toBe(error.requestId);

    const everything = [
      ...lines,
      JSON.stringify(events),
      error.message,
      JSON.stringify(error),
      String(error.diagnostics),
      JSON.stringify(error.issues),
    ].join("\n");
    for (const secret of [`${SECRET}-0`, `${SECRET}-1`, "header-api-key-value"]) {
      expect(everything).not.toContain(secret);
    }
    expect(error.diagnostics).toContain("[redacted]");
  });

  it("survives a logger that throws", async () => {
    server = await startServer((_req, res) => json(res, 200, { id: "1" }));
    const logger = {
      debug() {
        throw new Error("logger down");
      },
    };
    const { data } = await testClient(server.url, { logger }).GET("/Patient/{id}", { params: { path: { id: "1" } } });
    expect(data.id).toBe("1");
  });
});
