import { readFileSync } from "node:fs";
import { NhsApiError, NhsValidationError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  apigeeMessage,
  createServiceSearchClient,
  geoDistance,
  type Organisation,
  odataString,
  SERVICE_SEARCH_VERSION,
} from "../src/index.js";
import { serviceSearchHandlers } from "../src/mocks/index.js";

const server = setupServer(...serviceSearchHandlers());
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
  server.resetHandlers();
});
afterAll(() => server.close());

// Created before msw starts listening, on purpose: calls must still carry their Content-Type.
const client = createServiceSearchClient({ environment: "sandbox", retry: false });

describe("createServiceSearchClient", () => {
  it("sends api-version=3 and a User-Agent naming the package", async () => {
    await client.searchOrganisations({ search: "Y02494" });
    const url = new URL(seen[0]!.url);
    expect(url.searchParams.get("api-version")).toBe("3");
    expect(seen[0]!.headers.get("user-agent")).toContain(`nhskit-service-search/${SERVICE_SEARCH_VERSION}`);
  });

  it("joins lists with commas and sends the POST body as JSON", async () => {
    const sent: { type?: string | null; body?: unknown } = {};
    server.use(
      http.post("*/service-search-api", async ({ request }) => {
        sent.type = request.headers.get("content-type");
        sent.body = await request.json();
        return HttpResponse.json({ value: [] });
      }),
    );
    await client.searchOrganisationsWithBody({
      search: "Bletchley",
      searchFields: ["Address3", "City"],
      select: ["City"],
    });
    expect(sent).toEqual({
      type: "application/json",
      body: { search: "Bletchley", searchFields: "Address3,City", select: "City" },
    });
  });

  it("refuses bad options at construction", () => {
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createServiceSearchClient({ environment: "sandbox", postPath: "/find" as any })).toThrow(
      /postPath: must be "\/" \(the spec and sandbox\) or "\/search"/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createServiceSearchClient({ environment: "dep" as any })).toThrow(/has no "dep" environment/);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(SERVICE_SEARCH_VERSION).toBe(pkg.version);
  });

  it("types organisations from what the service returns", async () => {
    const { organisations } = await client.searchOrganisations({ search: "Y02494" });
    expectTypeOf(organisations[0]!).toEqualTypeOf<Organisation>();
    expectTypeOf(organisations[0]!.Address1).not.toBeNever();
    expectTypeOf(organisations[0]!.Geocode).toEqualTypeOf<Organisation["Geocode"]>();
  });
});

describe("odd answers become NhsApiError", () => {
  it("a 200 whose body says statusCode 404", async () => {
    server.use(
      http.get("*/service-search-api", () => HttpResponse.json({ statusCode: 404, message: "Resource not found" })),
    );
    const error = await client.searchOrganisations({ search: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsApiError);
    expect(error).toMatchObject({ status: 404, diagnostics: "Resource not found", operation: "searchOrganisations" });
    expect((error as NhsApiError).hint).toMatch(/answered HTTP 200 but its body reports 404/);
  });

  it("a 500 {error: 'something went wrong'} reads as a message", async () => {
    server.use(
      http.post("*/service-search-api", () => HttpResponse.json({ error: "something went wrong" }, { status: 500 })),
    );
    const error = (await client.searchOrganisationsWithBody({}).catch((e: unknown) => e)) as NhsApiError;
    expect([error.status, error.code, error.diagnostics]).toEqual([500, undefined, "something went wrong"]);
  });

  it("reads Apigee's unquoted payloads", () => {
    expect(apigeeMessage('{statusCode: 401, message: "API key invalid"}')).toBe("API key invalid");
    expect(apigeeMessage('{"statusCode": 404, "message": "Resource not found"}')).toBe("Resource not found");
    expect(apigeeMessage("<html>")).toBeUndefined();
  });
});

describe("OData helpers", () => {
  it("geoDistance puts longitude first and keeps string coordinates exactly", () => {
    expect(geoDistance({ latitude: 53.8, longitude: -1.52 })).toBe(
      "geo.distance(Geocode, geography'POINT(-1.52 53.8)')",
    );
    expect(geoDistance({ latitude: "52.000820159912109", longitude: "-0.76444095373153675" })).toBe(
      "geo.distance(Geocode, geography'POINT(-0.76444095373153675 52.000820159912109)')",
    );
    expect(() => geoDistance({ latitude: 91, longitude: 0 })).toThrow(
      /latitude: must be a decimal number from -90 to 90/,
    );
    expect(() => geoDistance({ latitude: "1e3", longitude: 0 })).toThrow(NhsValidationError);
    expect(() => geoDistance({ latitude: 1, longitude: 0 }, "Geo code")).toThrow(/field name/);
  });

  it("odataString doubles quotes", () => {
    expect(odataString("O'Grady")).toBe("'O''Grady'");
  });
});

describe("input checks send nothing", () => {
  it.each([
    [{ $top: 1001 }, /params\.\$top: must be a whole number from 0 to 1000/],
    [{ $top: 2.5 }, /\$top: must be a whole number/],
    [{ $skip: -1 }, /\$skip: must be a whole number from 0 to 100000/],
    [{ searchMode: "some" }, /searchMode: must be any or all/],
    [{ queryType: "lucene" }, /queryType: must be simple or full/],
    [{ $count: "yes" }, /\$count: must be true or false/],
    [{ search: "" }, /search: must not be empty/],
    [{ searchFields: [] }, /searchFields: .*must name at least one field|searchFields: must be a comma-separated/],
    [{ $select: ["ODSCode", "bad,field"] }, /is not a field name|comma-separated/],
    [{ $orderby: "a", $orderBy: "b" }, /give \$orderby or \$orderBy, not both/],
    [{ filter: "x" }, /unknown search parameter "filter"; Service Search takes search, searchMode/],
    [{ "api-version": 3 }, /unknown search parameter "api-version".*api-version is added for you/],
  ])("GET %j", async (params, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(client.searchOrganisations(params as any)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it.each([
    [{ $filter: "x" }, /unknown body key "\$filter"; the POST search takes search, searchMode/],
    [{ top: -1 }, /body\.top: must be a whole number from 0 to 1000/],
    [{ count: 1 }, /body\.count: must be true or false/],
    ["search=x", /body: must be an object of search options/],
  ])("POST %j", async (body, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(client.searchOrganisationsWithBody(body as any)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });
});
