import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NhsApiError, NhsResponseError, parseErrorBody } from "../src/index.js";
import { outcome, testClient } from "./support/client.js";

const BASE = "https://sandbox.example.test/personal-demographics/FHIR/R4";
const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledRequest: "error" }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

const call = (id = "9000000001") => testClient(BASE).GET("/Patient/{id}", { params: { path: { id } } });

describe("NhsApiError", () => {
  it("carries status, Spine code, diagnostics, request id and operation, and says what to do", async () => {
    mock.use(
      http.get(`${BASE}/Patient/:id`, () =>
        HttpResponse.json(outcome("not-found", "RESOURCE_NOT_FOUND", "Resource Id '9000000001' does not exist"), {
          status: 404,
        }),
      ),
    );
    const error = (await call().catch((e: unknown) => e)) as NhsApiError;
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error.status).toBe(404);
    expect(error.code).toBe("RESOURCE_NOT_FOUND");
    expect(error.diagnostics).toBe("Resource Id '9000000001' does not exist");
    expect(error.operation).toBe("GET /Patient/{id}");
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.url).toBe(`${BASE}/Patient/9000000001`);
    expect(error.issues[0]).toMatchObject({ severity: "error", code: "not-found", spineCode: "RESOURCE_NOT_FOUND" });
    expect(error.message).toBe(
      `GET /Patient/{id} failed with 404 Not Found (RESOURCE_NOT_FOUND): Resource Id '9000000001' does not exist. Nothing exists with that id here; sandbox and integration hold test data only. [request id ${error.requestId}]`,
    );
  });

  it("serialises to safe JSON without the body or headers", async () => {
    mock.use(
      http.get(`${BASE}/Patient/:id`, () =>
        HttpResponse.json(outcome("invalid", "INVALID_RESOURCE_ID", "Invalid resource ID"), {
          status: 400,
          headers: { "set-cookie": "session=abc123secret" },
        }),
      ),
    );
    const error = (await call().catch((e: unknown) => e)) as NhsApiError;
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ name: "NhsApiError", kind: "api", status: 400, code: "INVALID_RESOURCE_ID" });
    expect(json.body).toBeUndefined();
    expect(json.headers).toBeUndefined();
    expect(JSON.stringify(error)).not.toContain("abc123secret");
    expect(error.body).toMatchObject({ resourceType: "OperationOutcome" });
  });

  it("reads the platform's OAuth error shape", async () => {
    mock.use(
      http.get(`${BASE}/Patient/:id`, () =>
        HttpResponse.json(
          { error: "invalid_request", error_description: "Missing or invalid JWT", message_id: "rrt-1" },
          { status: 401 },
        ),
      ),
    );
    const error = (await call().catch((e: unknown) => e)) as NhsApiError;
    expect(error.code).toBe("invalid_request");
    expect(error.diagnostics).toBe("Missing or invalid JWT");
    expect(error.hint).toMatch(/Token request malformed/);
  });

  it("keeps a plain-text or HTML error body short", async () => {
    mock.use(
      http.get(`${BASE}/Patient/:id`, () => new HttpResponse(`<html>${"x".repeat(5000)}</html>`, { status: 500 })),
    );
    const error = (await call().catch((e: unknown) => e)) as NhsApiError;
    expect(error.status).toBe(500);
    expect(error.diagnostics!.length).toBeLessThanOrEqual(301);
    expect(error.hint).toMatch(/Retry later/);
  });

  it("handles an error with an empty body", async () => {
    mock.use(http.get(`${BASE}/Patient/:id`, () => new HttpResponse(null, { status: 403 })));
    const error = (await call().catch((e: unknown) => e)) as NhsApiError;
    expect(error.status).toBe(403);
    expect(error.code).toBeUndefined();
    expect(error.message).toMatch(/failed with 403 Forbidden\. Your credentials do not allow this/);
  });
});

describe("misbehaving 2xx answers", () => {
  it("turns a 200 with broken JSON into NhsResponseError", async () => {
    mock.use(
      http.get(
        `${BASE}/Patient/:id`,
        () =>
          new HttpResponse('{"resourceType": "Patient", ', {
            status: 200,
            headers: { "content-type": "application/fhir+json" },
          }),
      ),
    );
    const error = (await call().catch((e: unknown) => e)) as NhsResponseError;
    expect(error).toBeInstanceOf(NhsResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/answered 200 with a body that could not be read as JSON/);
  });

  it("refuses a body larger than maxResponseBytes", async () => {
    mock.use(http.get(`${BASE}/Patient/:id`, () => HttpResponse.json({ pad: "x".repeat(10_000) })));
    const client = testClient(BASE, { maxResponseBytes: 1000, retry: false });
    const error = await client.GET("/Patient/{id}", { params: { path: { id: "1" } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsResponseError);
    expect((error as Error).message).toMatch(/larger than maxResponseBytes \(1000\)/);
  });
});

describe("parseErrorBody", () => {
  it.each([
    [{ error: { code: 400, message: "Bad Request: Invalid post code" } }, "400", "Bad Request: Invalid post code"],
    [{ statusCode: 401, message: "API key invalid" }, "401", "API key invalid"],
    ['{statusCode: 401, message: "API key invalid"}', "401", "API key invalid"],
    [{ code: "REGISTER_NOT_FOUND", message: "No register ods" }, "REGISTER_NOT_FOUND", "No register ods"],
    [{ error: "something went wrong" }, undefined, "something went wrong"],
    [
      { error: "public_key error", error_description: "JWT signature verification failed" },
      "public_key error",
      "JWT signature verification failed",
    ],
    [{ errorCode: "404", errorText: "Organisation not found" }, "404", "Organisation not found"],
    [{ errorCode: "06", errorDescription: "Malformed chunk" }, "06", "Malformed chunk"],
    [
      { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "forbidden", diagnostics: "nope" }] },
      "forbidden",
      "nope",
    ],
    [null, undefined, undefined],
  ])("reads %j", (body, code, diagnostics) => {
    const parsed = parseErrorBody(body);
    expect(parsed.code).toBe(code);
    expect(parsed.diagnostics).toBe(diagnostics);
  });
});
