import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anyOrigin, fhirResponse, operationOutcome, outcomeResponse } from "../src/index.js";
import { createMockServer, type MockServer } from "../src/server.js";

let server: MockServer;
const lines: string[] = [];
beforeAll(async () => {
  server = await createMockServer({
    handlers: [
      http.get(anyOrigin("/demo/FHIR/R4", "/Thing/:id"), ({ request, params }) =>
        params.id === "1"
          ? fhirResponse(request, { resourceType: "Thing", id: "1" }, { headers: { ETag: 'W/"1"' } })
          : outcomeResponse(request, 404, { code: "not-found", spineCode: "RESOURCE_NOT_FOUND" }),
      ),
      http.post(anyOrigin("/demo/FHIR/R4", "/Echo"), async ({ request }) => HttpResponse.text(await request.text())),
    ],
    basePaths: ["/demo/FHIR/R4"],
    index: () => ({ apis: ["demo"] }),
    log: (line) => lines.push(line),
  });
});
afterAll(() => server.close());

describe("createMockServer", () => {
  it("answers through the msw handlers over real HTTP, mirroring request ids", async () => {
    const res = await fetch(`${server.url}/demo/FHIR/R4/Thing/1`, {
      headers: { "X-Request-ID": "abc", Origin: "http://127.0.0.1:5173" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/fhir+json");
    expect(res.headers.get("x-request-id")).toBe("abc");
    expect(res.headers.get("etag")).toBe('W/"1"');
    expect(res.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
    expect(res.headers.get("access-control-expose-headers")).toContain("ETag");
    expect(await res.json()).toEqual({ resourceType: "Thing", id: "1" });
    expect(lines.at(-1)).toMatch(/^GET \/demo\/FHIR\/R4\/Thing\/1 200 \d+ms$/);
  });

  it("passes request bodies through", async () => {
    const res = await fetch(`${server.url}/demo/FHIR/R4/Echo`, { method: "POST", body: "hello" });
    expect(await res.text()).toBe("hello");
  });

  it("answers CORS preflights", async () => {
    const res = await fetch(`${server.url}/demo/FHIR/R4/Thing/1`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:5173",
        "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "if-match,x-request-id",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-headers")).toBe("if-match,x-request-id");
    expect(res.headers.get("access-control-allow-methods")).toContain("PATCH");
  });

  it("lists what it serves at / and for unknown paths", async () => {
    expect(await (await fetch(server.url)).json()).toEqual({ apis: ["demo"] });
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ served: ["/demo/FHIR/R4"], message: "Nothing is served at GET /nope." });
  });

  it("builds OperationOutcomes", () => {
    expect(operationOutcome({ code: "invalid", spineCode: "INVALID_VALUE", diagnostics: "bad" })).toEqual({
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "invalid",
          details: {
            coding: [
              {
                system: "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode",
                code: "INVALID_VALUE",
                display: "INVALID_VALUE",
              },
            ],
          },
          diagnostics: "bad",
        },
      ],
    });
  });
});

describe("request URLs", () => {
  it("keep the host the client called", async () => {
    const seen: string[] = [];
    const echo = await createMockServer({
      handlers: [
        http.get("*/where", ({ request }) => {
          seen.push(request.url);
          return HttpResponse.text("ok");
        }),
      ],
    });
    await fetch(`http://localhost:${echo.port}/where`);
    await echo.close();
    expect(seen).toEqual([`http://localhost:${echo.port}/where`]);
  });
});

describe("CORS", () => {
  it("lets a handler's own Access-Control-Allow-Origin replace the default", async () => {
    const strict = await createMockServer({
      handlers: [
        http.get("*/strict", () =>
          HttpResponse.text("ok", { headers: { "Access-Control-Allow-Origin": "https://digital.nhs.uk" } }),
        ),
      ],
    });
    const res = await fetch(`${strict.url}/strict`, { headers: { Origin: "https://example.org" } });
    await strict.close();
    expect(res.headers.get("access-control-allow-origin")).toBe("https://digital.nhs.uk");
  });
});
