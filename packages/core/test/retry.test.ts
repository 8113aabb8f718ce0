import { afterEach, describe, expect, it } from "vitest";
import { NhsApiError, NhsNetworkError, NhsTimeoutError, parseRetryAfter } from "../src/index.js";
import { testClient } from "./support/client.js";
import { json, startServer } from "./support/server.js";

// These tests run over real HTTP on 127.0.0.1: retries, timeouts and resets behave as they do in production.
let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const patient = { resourceType: "Patient", id: "9000000009" };

describe("retries", () => {
  it("retries 503 then succeeds, sending the same X-Request-ID on every attempt", async () => {
    server = await startServer((_req, res, _seen, i) =>
      i < 2 ? json(res, 503, { message: "busy" }) : json(res, 200, patient),
    );
    const client = testClient(server.url);
    const { data, requestId } = await client.GET("/Patient/{id}", { params: { path: { id: "9000000009" } } });
    expect(data.id).toBe("9000000009");
    expect(server.seen).toHaveLength(3);
    const ids = server.seen.map((r) => r.headers["x-request-id"]);
    expect(new Set(ids)).toEqual(new Set([requestId]));
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([429, 502, 504])("retries %i", async (status) => {
    server = await startServer((_req, res, _seen, i) => (i === 0 ? json(res, status, {}) : json(res, 200, patient)));
    await testClient(server.url).GET("/Patient/{id}", { params: { path: { id: "1" } } });
    expect(server.seen).toHaveLength(2);
  });

  it.each([400, 401, 404, 500])("does not retry %i", async (status) => {
    server = await startServer((_req, res) => json(res, status, {}));
    await expect(testClient(server.url).GET("/Patient/{id}", { params: { path: { id: "1" } } })).rejects.toBeInstanceOf(
      NhsApiError,
    );
    expect(server.seen).toHaveLength(1);
  });

  it("honours Retry-After in seconds", async () => {
    server = await startServer((_req, res, _seen, i) =>
      i === 0 ? json(res, 503, {}, { "Retry-After": "1" }) : json(res, 200, patient),
    );
    await testClient(server.url).GET("/Patient/{id}", { params: { path: { id: "1" } } });
    const gap = server.seen[1]!.at - server.seen[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(950);
  });

  it("honours Retry-After as an HTTP date", async () => {
    server = await startServer((_req, res, _seen, i) =>
      i === 0
        ? json(res, 429, {}, { "Retry-After": new Date(Date.now() + 2000).toUTCString() })
        : json(res, 200, patient),
    );
    await testClient(server.url).GET("/Patient/{id}", { params: { path: { id: "1" } } });
    const gap = server.seen[1]!.at - server.seen[0]!.at;
    // HTTP dates have one-second resolution, so the wait is between 1 and 2 seconds.
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(2500);
  });

  it("gives up when Retry-After asks for longer than maxDelayMs, and says how long the API asked", async () => {
    server = await startServer((_req, res) => json(res, 503, {}, { "Retry-After": "120" }));
    const error = await testClient(server.url)
      .GET("/Patient/{id}", { params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsApiError);
    expect((error as NhsApiError).retryAfterSeconds).toBe(120);
    expect(server.seen).toHaveLength(1);
  });

  it("stops after maxAttempts and reports the attempts", async () => {
    server = await startServer((_req, res) => json(res, 503, {}));
    const error = (await testClient(server.url, { retry: { maxAttempts: 4 } })
      .GET("/Patient/{id}", { params: { path: { id: "1" } } })
      .catch((e: unknown) => e)) as NhsApiError;
    expect(server.seen).toHaveLength(4);
    expect(error.attempts).toBe(4);
    expect(error.message).toMatch(/failed with 503 .*after 4 attempts/);
  });

  it("stays within maxElapsedMs", async () => {
    server = await startServer((_req, res) => json(res, 503, {}, { "Retry-After": "1" }));
    const started = Date.now();
    await testClient(server.url, { retry: { maxAttempts: 10, maxElapsedMs: 1500 } })
      .GET("/Patient/{id}", { params: { path: { id: "1" } } })
      .catch(() => {});
    expect(Date.now() - started).toBeLessThan(1600);
    expect(server.seen).toHaveLength(2);
  });

  it("does not retry POST unless the caller opts in", async () => {
    server = await startServer((_req, res, _seen, i) => (i < 2 ? json(res, 503, {}) : json(res, 201, patient)));
    const client = testClient(server.url);
    await expect(client.POST("/Patient", { body: { nhsNumberAllocation: "Done" } })).rejects.toMatchObject({
      status: 503,
    });
    expect(server.seen).toHaveLength(1);

    const { data } = await client.POST("/Patient", {
      body: { nhsNumberAllocation: "Done" },
      nhs: { retry: { nonIdempotent: true } },
    });
    expect(data.id).toBe("9000000009");
    // The body is sent again on the retry, and the request id is unchanged.
    expect(server.seen[2]!.body).toBe(JSON.stringify({ nhsNumberAllocation: "Done" }));
    expect(server.seen[1]!.headers["x-request-id"]).toBe(server.seen[2]!.headers["x-request-id"]);
  });

  it("retries a reset connection on GET and then reports a network error", async () => {
    server = await startServer((req) => req.socket.destroy());
    const error = await testClient(server.url)
      .GET("/Patient/{id}", { params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsNetworkError);
    expect((error as NhsNetworkError).attempts).toBe(3);
    expect((error as Error).message).toMatch(/could not reach http:\/\/127\.0\.0\.1:\d+ after 3 attempts/);
    expect(server.seen).toHaveLength(3);
  });

  it("reports a refused connection clearly", async () => {
    const closed = await startServer(() => {});
    await closed.close(); // nothing listens on this port any more
    const client = testClient(closed.url, { retry: false });
    const error = await client.GET("/Patient/{id}", { params: { path: { id: "1" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsNetworkError);
    expect((error as Error).message).toContain("ECONNREFUSED");
  });
});

describe("timeouts and cancellation", () => {
  it("times out a slow attempt, retries, then throws NhsTimeoutError", async () => {
    server = await startServer((_req, res) => setTimeout(() => json(res, 200, patient), 1000));
    const error = await testClient(server.url, { timeoutMs: 100, retry: { maxAttempts: 2 } })
      .GET("/Patient/{id}", { params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsTimeoutError);
    expect((error as NhsTimeoutError).timeoutMs).toBe(100);
    expect((error as NhsTimeoutError).attempts).toBe(2);
    expect(server.seen).toHaveLength(2);
  });

  it("times out a body that stalls half-way", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/fhir+json" });
      res.write('{"resourceType":"Pat'); // and never finishes
    });
    const error = await testClient(server.url, { timeoutMs: 150, retry: false })
      .GET("/Patient/{id}", { params: { path: { id: "1" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsTimeoutError);
  });

  it("lets the caller's AbortSignal win, even during a backoff wait", async () => {
    server = await startServer((_req, res) => json(res, 503, {}, { "Retry-After": "5" }));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await testClient(server.url, { retry: { maxDelayMs: 10_000 } })
      .GET("/Patient/{id}", { params: { path: { id: "1" } }, signal: controller.signal })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.seen).toHaveLength(1);
  });

  it("rejects at once with an already-aborted signal and sends nothing", async () => {
    server = await startServer((_req, res) => json(res, 200, patient));
    const error = await testClient(server.url)
      .GET("/Patient/{id}", { params: { path: { id: "1" } }, signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(server.seen).toHaveLength(0);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates and ignores junk", () => {
    const now = Date.parse("Mon, 23 Nov 2026 10:00:00 GMT");
    expect(parseRetryAfter("5", now)).toBe(5000);
    expect(parseRetryAfter("Mon, 23 Nov 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Mon, 23 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-1", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
