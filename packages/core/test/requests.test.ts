import { pds } from "@nhskit/catalogue";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { BaseUrlError, createApiClient, NhsValidationError } from "../src/index.js";
import { testClient } from "./support/client.js";
import type { paths } from "./support/paths.js";

const BASE = "https://sandbox.example.test/personal-demographics/FHIR/R4";
const mock = setupServer();
const seen: Request[] = [];
beforeAll(() => {
  mock.listen({ onUnhandledRequest: "error" });
  mock.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  mock.resetHandlers();
  seen.length = 0;
});
afterAll(() => mock.close());

const patient = { resourceType: "Patient", id: "9000000009" };

describe("headers sent on every call", () => {
  it("mints a UUID X-Request-ID per call and sends a User-Agent naming core and the client", async () => {
    mock.use(http.get(`${BASE}/Patient/:id`, () => HttpResponse.json(patient)));
    const client = testClient(BASE, { clientName: "nhskit-pds/0.1.0" });
    const a = await client.GET("/Patient/{id}", { params: { path: { id: "9000000009" } } });
    const b = await client.GET("/Patient/{id}", { params: { path: { id: "9000000009" } } });
    expect(a.requestId).not.toBe(b.requestId);
    expect(seen[0]!.headers.get("x-request-id")).toBe(a.requestId);
    expect(seen[0]!.headers.get("user-agent")).toMatch(/^nhskit-pds\/0\.1\.0 nhskit-core\/\d+\.\d+\.\d+ node\/\d+/);
  });

  it("passes X-Correlation-ID through, the call's own value over the client's", async () => {
    mock.use(http.get(`${BASE}/Patient/:id`, () => HttpResponse.json(patient)));
    const client = testClient(BASE, { correlationId: "client-level" });
    await client.GET("/Patient/{id}", { params: { path: { id: "1" } } });
    await client.GET("/Patient/{id}", { params: { path: { id: "1" } }, nhs: { correlationId: "call-level" } });
    expect(seen.map((r) => r.headers.get("x-correlation-id"))).toEqual(["client-level", "call-level"]);
  });

  it("keeps a request id the caller chose (to repeat a write safely)", async () => {
    mock.use(http.get(`${BASE}/Patient/:id`, () => HttpResponse.json(patient)));
    const id = "60e0b220-8136-4ac5-a8fd-1a1a1a1a1a1a";
    const result = await testClient(BASE).GET("/Patient/{id}", {
      params: { path: { id: "1" } },
      nhs: { requestId: id },
    });
    expect(result.requestId).toBe(id);
    expect(seen[0]!.headers.get("x-request-id")).toBe(id);
  });

  it("strips a #fragment from the path key before sending", async () => {
    mock.use(
      http.post(`${BASE}/$process-message`, () => HttpResponse.json({ resourceType: "OperationOutcome", issue: [] })),
    );
    await testClient(BASE).POST("/$process-message#prescription-order", { body: { resourceType: "Bundle" } });
    expect(new URL(seen[0]!.url).pathname).toBe("/personal-demographics/FHIR/R4/$process-message");
    expect(seen[0]!.url).not.toContain("#");
  });

  it("serialises repeated query parameters as the FHIR APIs expect", async () => {
    mock.use(http.get(`${BASE}/Patient`, () => HttpResponse.json({ resourceType: "Bundle", type: "searchset" })));
    await testClient(BASE).GET("/Patient", {
      params: { query: { family: "Smith", birthdate: ["ge2010-01-01", "le2011-01-01"] } },
    });
    expect(new URL(seen[0]!.url).search).toBe("?family=Smith&birthdate=ge2010-01-01&birthdate=le2011-01-01");
  });
});

describe("bad input fails before anything is sent", () => {
  const fetch = vi.fn<(r: Request) => Promise<Response>>();
  const client = () => createApiClient<paths>({ api: pds, baseUrl: BASE, fetch });

  it.each([
    ["a slash", "9000/000009", /path\.id: "9000\/000009" must not contain "\/"/],
    ["dot-dot", "..", /path\.id: "\.\." must not contain "\.\."/],
    ["a traversal", "../admin", /must not contain "\.\."/],
    ["a backslash", "a\\b", /must not contain "\/" or "\\"/],
    ["a query", "1?x=2", /must not contain "\?" or "#"/],
    ["nothing", "", /path\.id: must not be empty/],
  ])("a path parameter with %s", async (_what, id, message) => {
    const error = await client()
      .GET("/Patient/{id}", { params: { path: { id } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsValidationError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^Invalid input for GET \/Patient\/\{id\}, nothing was sent\./);
    expect(fetch).not.toHaveBeenCalled();
    expect(seen).toHaveLength(0);
  });

  it("a header value with CR/LF, without echoing the value", async () => {
    const error = (await client()
      .GET("/Patient/{id}", {
        params: { path: { id: "1" }, header: { "NHSD-Session-URID": "555\r\nX-Evil: 1" } },
      })
      .catch((e: unknown) => e)) as NhsValidationError;
    expect(error).toBeInstanceOf(NhsValidationError);
    expect(error.issues).toEqual([{ path: "header.NHSD-Session-URID", message: expect.stringMatching(/line break/) }]);
    expect(error.message).not.toContain("X-Evil");
    const viaHeaders = await client()
      .GET("/Patient/{id}", { params: { path: { id: "1" } }, headers: { Authorization: "Bearer a\nb" } })
      .catch((e: unknown) => e);
    expect(viaHeaders).toBeInstanceOf(NhsValidationError);
    const viaCorrelation = await client()
      .GET("/Patient/{id}", { params: { path: { id: "1" } }, nhs: { correlationId: "x\r\ny" } })
      .catch((e: unknown) => e);
    expect(viaCorrelation).toBeInstanceOf(NhsValidationError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    [{ environment: "staging" }, BaseUrlError, /Unknown environment "staging"/],
    [{ baseUrl: "http//missing-colon" }, BaseUrlError, /is not an absolute URL/],
    [{ baseUrl: "javascript:alert(1)" }, BaseUrlError, /must use https/],
    [{ environment: "dep" }, BaseUrlError, /has no "dep" environment/],
    [
      { baseUrl: BASE, headers: { "X-Extra": "a\r\nb" } },
      NhsValidationError,
      /headers\.X-Extra: contains a line break/,
    ],
    [{ baseUrl: BASE, correlationId: "a\nb" }, NhsValidationError, /correlationId/],
    [{ baseUrl: BASE, timeoutMs: -1 }, TypeError, /timeoutMs must be a positive number/],
    [{ baseUrl: BASE, retry: { maxAttempts: 0 } }, TypeError, /retry\.maxAttempts must be a number of at least 1/],
  ])("client options %o", (options, type, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong options, as from untyped JavaScript
    const make = () => createApiClient<paths>({ api: pds, fetch, ...(options as any) });
    expect(make).toThrow(type);
    expect(make).toThrow(message);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("resolves environments through the catalogue", () => {
    expect(createApiClient<paths>({ api: pds, environment: "local" }).baseUrl).toBe(
      "http://127.0.0.1:9000/personal-demographics/FHIR/R4",
    );
    expect(createApiClient<paths>({ api: pds, environment: "int" }).baseUrl).toBe(
      "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4",
    );
  });
});

describe("interceptors started after the client", () => {
  it("still see the client's headers (Request is looked up per call)", async () => {
    const early = createApiClient<paths>({
      api: pds,
      baseUrl: "https://late.example.test",
      headers: { "X-Early": "yes" },
    });
    const late = setupServer(
      http.get("https://late.example.test/Patient/:id", ({ request }) =>
        HttpResponse.json({ early: request.headers.get("x-early") }),
      ),
    );
    mock.close();
    late.listen({ onUnhandledRequest: "error" });
    try {
      const { data } = await early.GET("/Patient/{id}", { params: { path: { id: "1" } } });
      expect(data).toEqual({ early: "yes" });
    } finally {
      late.close();
      mock.listen({ onUnhandledRequest: "error" });
    }
  });
});
