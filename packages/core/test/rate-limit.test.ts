import { pds, websiteContent } from "@nhskit/catalogue";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type ApiClientOptions,
  createApiClient,
  createRateLimiter,
  type FetchLike,
  publishedRateLimit,
} from "../src/index.js";
import { testClient } from "./support/client.js";
import type { paths } from "./support/paths.js";
import { json, startServer } from "./support/server.js";

// The limits are measured where they matter: at a real HTTP server on 127.0.0.1, by arrival time.
let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

const patient = { resourceType: "Patient", id: "9000000009" };
const get = (client: ReturnType<typeof testClient>, signal?: AbortSignal) =>
  client.GET("/Patient/{id}", { params: { path: { id: "9000000009" } }, ...(signal ? { signal } : {}) });

/** A server answering 200 (or as `answer` says), noting each request's arrival on a monotonic clock. */
async function timedServer(answer?: (index: number) => { status: number; headers?: Record<string, string> }) {
  const arrivals: number[] = [];
  server = await startServer((_req, res, _seen, i) => {
    arrivals.push(performance.now());
    const { status, headers } = answer?.(i) ?? { status: 200 };
    json(res, status, status === 200 ? patient : {}, headers);
  });
  return { url: server.url, arrivals, seen: server.seen };
}

/** The most requests that arrived within any one-second window (sliding, starting at each arrival). */
function maxPerSecond(arrivals: readonly number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0; i < sorted.length; i++) {
    let n = 0;
    while (i + n < sorted.length && sorted[i + n]! < sorted[i]! + 1000) n++;
    max = Math.max(max, n);
  }
  return max;
}

/** Sends a client's calls for `https://…` to the local test server instead, over real HTTP. */
function redirectTo(url: string): FetchLike {
  return (request, init) =>
    globalThis.fetch(new Request(request.url.replace(/^https:\/\/[^/]+/, url), request), init as RequestInit);
}

function clientFor(options: Partial<ApiClientOptions> & { api?: ApiClientOptions["api"] }) {
  return createApiClient<paths>({ api: pds, retry: false, ...options } as ApiClientOptions);
}

describe("rate limiting over real HTTP", () => {
  it("50 concurrent PDS calls with rateLimit { perSecond: 5 }: never more than 5 in any second, all succeed", async () => {
    const { url, arrivals } = await timedServer();
    const client = testClient(url, { rateLimit: { perSecond: 5 } });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 50 }, () => get(client)));
    const took = performance.now() - started;
    expect(results.every((r) => r.data.id === "9000000009")).toBe(true);
    expect(arrivals).toHaveLength(50);
    expect(maxPerSecond(arrivals)).toBe(5);
    // Evenly spread: 49 gaps of at least 210 ms (200 ms plus the 5% margin for network jitter).
    expect(took).toBeGreaterThanOrEqual(49 * 210);
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    expect(Math.min(...gaps)).toBeGreaterThan(150);
  }, 30_000);

  it("slows down for every call after a burst of 429s (not only the retried ones), then recovers", async () => {
    // Spike arrest as PDS does it: 429 with no Retry-After, here for the first four requests.
    const { url, arrivals, seen } = await timedServer((i) => ({ status: i < 4 ? 429 : 200 }));
    const limiter = createRateLimiter({ perSecond: 10 });
    const client = testClient(url, { rateLimit: limiter, retry: { maxAttempts: 6, baseDelayMs: 1 } });
    const calls = Array.from({ length: 16 }, () => get(client));
    await vi.waitUntil(() => arrivals.length >= 2, { timeout: 2000, interval: 5 });
    // Halved by the first 429 (and only once for the burst: 429s within a second count as one).
    expect(limiter.rate()).toBeGreaterThan(4.9);
    expect(limiter.rate()).toBeLessThan(6);
    const results = await Promise.all(calls);
    expect(results).toHaveLength(16);
    // Before the 429 the pace was 10 a second (100 ms apart). The next request, from a different call,
    // waited for the halved rate.
    expect(seen[1]!.headers["x-request-id"]).not.toBe(seen[0]!.headers["x-request-id"]);
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(190);
    const early = gaps.slice(0, 5).reduce((a, b) => a + b) / 5;
    expect(early).toBeGreaterThan(150);
    // ...and it climbs back (linearly, full again 10 s after a halving from nothing).
    const late = gaps.slice(-3).reduce((a, b) => a + b) / 3;
    expect(late).toBeLessThan(early);
    expect(maxPerSecond(arrivals)).toBeLessThanOrEqual(10);
  }, 20_000);

  it("a 429's Retry-After holds back every call sharing the limiter", async () => {
    const { url, arrivals } = await timedServer((i) =>
      i === 0 ? { status: 429, headers: { "Retry-After": "1" } } : { status: 200 },
    );
    const limiter = createRateLimiter({ perSecond: 10 });
    const a = testClient(url, { rateLimit: limiter });
    const b = testClient(url, { rateLimit: limiter });
    const first = get(a);
    await vi.waitUntil(() => arrivals.length === 1, { timeout: 1000, interval: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20)); // the 429 has been read by now
    await Promise.all([first, get(b)]);
    expect(arrivals).toHaveLength(3);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
  });

  it("an aborted waiting call rejects at once and frees its place for the next", async () => {
    const { url, arrivals, seen } = await timedServer();
    const client = testClient(url, { rateLimit: { perSecond: 1 } });
    const a = get(client);
    const controller = new AbortController();
    const b = get(client, controller.signal);
    const c = get(client);
    await a;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reason = new DOMException("user went away", "AbortError");
    const abortedAt = performance.now();
    controller.abort(reason);
    await expect(b).rejects.toBe(reason);
    expect(performance.now() - abortedAt).toBeLessThan(50);
    await c;
    expect(seen).toHaveLength(2); // b was never sent
    // c took b's place: one second after a, not two.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
    expect(arrivals[1]! - arrivals[0]!).toBeLessThan(1500);
  });

  it("an AbortSignal that already fired never waits", async () => {
    const { url, seen } = await timedServer();
    const client = testClient(url, { rateLimit: { perSecond: 1 } });
    const reason = new Error("cancelled");
    await expect(get(client, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(seen).toHaveLength(0);
  });

  it("two clients sharing one limiter share its budget", async () => {
    const { url, arrivals } = await timedServer();
    const limiter = createRateLimiter({ perSecond: 10 });
    const a = testClient(url, { rateLimit: limiter });
    const b = testClient(url, { rateLimit: limiter });
    const started = performance.now();
    await Promise.all([...Array.from({ length: 10 }, () => get(a)), ...Array.from({ length: 10 }, () => get(b))]);
    expect(arrivals).toHaveLength(20);
    expect(maxPerSecond(arrivals)).toBeLessThanOrEqual(10);
    expect(performance.now() - started).toBeGreaterThanOrEqual(19 * 100);
  });

  it("every attempt takes a slot, retries included", async () => {
    const { url, arrivals } = await timedServer((i) => ({ status: i < 2 ? 503 : 200 }));
    const client = testClient(url, { rateLimit: { perSecond: 5 }, retry: { baseDelayMs: 0, maxAttempts: 3 } });
    await get(client);
    expect(arrivals).toHaveLength(3);
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(190);
  });
});

describe("default limits from the catalogue", () => {
  it("apply in the NHS environments (PDS: 5 a second in the sandbox)", async () => {
    const { url, arrivals } = await timedServer();
    const client = clientFor({ environment: "sandbox", fetch: redirectTo(url) });
    await Promise.all(Array.from({ length: 6 }, () => get(client)));
    expect(maxPerSecond(arrivals)).toBe(5);
    expect(arrivals[5]! - arrivals[0]!).toBeGreaterThanOrEqual(990);
  });

  it("apply in integration and production too", async () => {
    const { url, arrivals } = await timedServer();
    const client = clientFor({ environment: "int", fetch: redirectTo(url) });
    await Promise.all(Array.from({ length: 3 }, () => get(client)));
    expect(arrivals[2]! - arrivals[0]!).toBeGreaterThanOrEqual(390);
  });

  it("follow per-environment figures (website content: 60 a minute in the sandbox)", async () => {
    const { url, arrivals } = await timedServer();
    const client = clientFor({ api: websiteContent, environment: "sandbox", fetch: redirectTo(url) });
    await Promise.all(Array.from({ length: 2 }, () => get(client)));
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(990);
  });

  it.each([
    ["local", { environment: "local" as const }],
    ["a custom baseUrl", { baseUrl: "https://proxy.example.test/pds" }],
    ["a baseUrl, even the catalogue's own", { baseUrl: pds.documents[0].baseUrls.sandbox }],
    ["rateLimit: false", { environment: "sandbox" as const, rateLimit: false as const }],
  ])("do not apply to %s", async (_name, options) => {
    const { url, arrivals } = await timedServer();
    const redirect: FetchLike = (request, init) =>
      globalThis.fetch(new Request(request.url.replace(/^https?:\/\/[^/]+/, url), request), init as RequestInit);
    const client = clientFor({ ...options, fetch: redirect });
    const started = performance.now();
    await Promise.all(Array.from({ length: 20 }, () => get(client)));
    expect(arrivals).toHaveLength(20);
    expect(maxPerSecond(arrivals)).toBe(20);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("publishedRateLimit gives the figure for tools that pass baseUrl", () => {
    expect(publishedRateLimit(pds, "prod")).toEqual({ perSecond: 5 });
    expect(publishedRateLimit(websiteContent, "sandbox")).toEqual({ perSecond: 1 });
    expect(publishedRateLimit(websiteContent, "prod")).toEqual({ perSecond: 20 });
    expect(publishedRateLimit(pds, "local")).toBeUndefined();
    expect(publishedRateLimit({ ...pds, rateLimit: undefined }, "prod")).toBeUndefined();
  });

  it("bad options fail when the client is made", () => {
    expect(() => clientFor({ environment: "sandbox", rateLimit: { perSecond: 0 } })).toThrow(TypeError);
    expect(() => clientFor({ environment: "sandbox", rateLimit: { perSecond: 5, burst: 0 } })).toThrow(/burst/);
    expect(() => createRateLimiter({ perSecond: Number.NaN })).toThrow(/perSecond/);
  });
});

describe("createRateLimiter (clock faked)", () => {
  const fake = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });

  it("spreads requests evenly and leaves no timer when idle", async () => {
    fake();
    const limiter = createRateLimiter({ perSecond: 5 });
    const times: number[] = [];
    const t0 = performance.now();
    const all = Array.from({ length: 6 }, () => limiter.take().then(() => times.push(performance.now() - t0)));
    expect(vi.getTimerCount()).toBe(1); // one timer for the head of the queue, not one per waiter
    await vi.advanceTimersByTimeAsync(1050);
    await Promise.all(all);
    // 5 a second, spread over 1.05 s: 210 ms apart.
    expect(times).toEqual([0, 210, 420, 630, 840, 1050]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("lets `burst` requests start together after a quiet spell", async () => {
    fake();
    const limiter = createRateLimiter({ perSecond: 2, burst: 3 });
    const times: number[] = [];
    const t0 = performance.now();
    const all = Array.from({ length: 4 }, () => limiter.take().then(() => times.push(performance.now() - t0)));
    await vi.advanceTimersByTimeAsync(600);
    await Promise.all(all);
    expect(times).toEqual([0, 0, 0, 525]);
  });

  it("halves after a 429 (once per second) and recovers by a tenth of the full rate a second", async () => {
    fake();
    const limiter = createRateLimiter({ perSecond: 16 });
    limiter.throttled();
    expect(limiter.rate()).toBe(8);
    limiter.throttled(); // same burst of 429s
    expect(limiter.rate()).toBe(8);
    vi.advanceTimersByTime(1000);
    expect(limiter.rate()).toBeCloseTo(9.6); // +1.6 a second (a tenth of 16)
    limiter.throttled();
    expect(limiter.rate()).toBeCloseTo(4.8);
    // A 429 every second: it settles near a tenth of the full rate.
    for (let i = 0; i < 8; i++) {
      vi.advanceTimersByTime(1000);
      limiter.throttled();
    }
    const low = limiter.rate();
    expect(low).toBeGreaterThan(1.6);
    expect(low).toBeLessThan(1.7);
    vi.advanceTimersByTime(5000);
    expect(limiter.rate()).toBeCloseTo(low + 8);
    vi.advanceTimersByTime(10_000);
    expect(limiter.rate()).toBe(16);
  });

  it("pauses for Retry-After, then paces at the lowered rate", async () => {
    fake();
    const limiter = createRateLimiter({ perSecond: 10 });
    await limiter.take();
    limiter.throttled(2000);
    const t0 = performance.now();
    let at = -1;
    const next = limiter.take().then(() => {
      at = performance.now() - t0;
    });
    await vi.advanceTimersByTimeAsync(1999);
    expect(at).toBe(-1);
    await vi.advanceTimersByTimeAsync(1);
    await next;
    expect(at).toBe(2000);
  });

  it("an abort while waiting rejects at once, frees the place and clears the timer", async () => {
    fake();
    const limiter = createRateLimiter({ perSecond: 1 });
    await limiter.take();
    const controller = new AbortController();
    const waiting = limiter.take(controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(vi.getTimerCount()).toBe(0);
    const t0 = performance.now();
    const next = limiter.take();
    await vi.advanceTimersByTimeAsync(1050);
    await next;
    expect(performance.now() - t0).toBe(1050);
  });
});
