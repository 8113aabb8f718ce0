import { NhsApiError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createServiceSearchClient,
  geoDistance,
  type OrganisationSearchResult,
  type ServiceSearchClient,
} from "../../src/index.js";
import { INDEX_CONTEXT, SANDBOX_QUERIES as Q } from "../../src/mocks/index.js";
import { type Target, testApiKey } from "./targets.js";

/** The error a call throws (fails the test if it does not throw). */
async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

const codes = (r: OrganisationSearchResult) => r.organisations.map((o) => o.ODSCode);
const MK = { longitude: "-0.76444095373153675", latitude: "52.000820159912109" };

/**
 * Every numbered fact in the Service Search sandbox-facts file, driven through @nhskit/service-search where the
 * client can send the request, and through plain fetch where it cannot or rightly refuses.
 */
export function serviceSearchSandboxFacts(name: string, start: () => Promise<Target>) {
  describe(`Service Search sandbox facts (${name})`, () => {
    let target: Target;
    let client: ServiceSearchClient;
    const get = (path: string, init?: RequestInit) => fetch(`${target.baseUrl}${path}`, init);

    beforeAll(async () => {
      target = await start();
      client = createServiceSearchClient({ baseUrl: target.baseUrl, retry: false });
    });
    afterAll(() => target.close());

    describe("general", () => {
      it("1: canned answers are Azure Search envelopes with @odata.context and value", async () => {
        const { body, organisations } = await client.searchOrganisations({ search: "Y02494" });
        expect(body["@odata.context"]).toBe(INDEX_CONTEXT);
        expect(organisations).toHaveLength(1);
        const res = await get("/?api-version=3&search=Y02494");
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      });

      it("2: the sandbox is open: no apikey is needed", async () => {
        const res = await get("/?api-version=3");
        expect(res.status).toBe(200);
        expect((await client.searchOrganisations()).organisations).toHaveLength(50);
      });

      it("3: GET / and POST / search; /_ping, /health and /_status (with the status key) answer pass", async () => {
        expect((await client.searchOrganisations({ search: "Y02494" })).organisations).toHaveLength(1);
        expect((await client.searchOrganisationsWithBody({ search: "Y02494" })).organisations).toHaveLength(1);
        for (const path of ["/_ping", "/health"]) {
          const res = await get(path);
          expect(res.status).toBe(200);
          expect(await res.json()).toMatchObject({ status: "pass", ping: "pong", service: "service-search-api" });
        }
        expect((await get("/_status")).status).toBe(401);
        const status = await get("/_status", { headers: { apikey: "nhskit-status-key" } });
        expect(status.status).toBe(200);
      });

      it("4: any other path is Express's default 404 page", async () => {
        const res = await get("/organisations/Y02494?api-version=3");
        expect(res.status).toBe(404);
        expect(res.headers.get("content-type")).toMatch(/^text\/html/);
        expect(await res.text()).toContain("<pre>Cannot GET /organisations/Y02494</pre>");
      });

      it("5: an unhandled error (a body Express cannot parse) is 500 something went wrong", async () => {
        const res = await get("/?api-version=3", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{not json",
        });
        expect(res.status).toBe(500);
        expect(await res.json()).toEqual({ error: "something went wrong" });
      });

      it("6: correlation headers are accepted (for logging) and change nothing", async () => {
        for (const header of ["X-Correlation-ID", "Correlation-ID", "CorrelationID"]) {
          const res = await get("/?api-version=3&search=Y02494", { headers: { [header]: "corr-6" } });
          expect(res.status).toBe(200);
          expect((await res.json()).value).toHaveLength(1);
        }
        const found = await client.searchOrganisations({ search: "Y02494" }, { correlationId: "corr-6" });
        expect(codes(found)).toEqual(["Y02494"]);
      });
    });

    describe("GET /", () => {
      it("7: api-version must be exactly 3, checked first; the client always sends it", async () => {
        for (const query of ["?search=Y02494", "?api-version=3.0&search=Y02494", "?api-version=2", ""]) {
          const res = await get(`/${query}`);
          expect(res.status).toBe(404);
          expect(await res.json()).toEqual({ statusCode: 404, message: "Resource not found" });
        }
        const before = target.requests().length;
        await client.searchOrganisations({ search: "Y02494" });
        expect(target.requests().slice(before)[0]).toMatch(
          /^GET \/service-search-api\/?\?api-version=3&search=Y02494$/,
        );
        const error = await failure(
          client.raw.GET("/", { params: { query: {} as never }, nhs: { retry: false } }) as Promise<unknown>,
        );
        expect([error.status, error.diagnostics]).toEqual([404, "Resource not found"]);
      });

      it("8: search=Y02494 is Shakespeare Medical Practice in Leeds, under NHS Leeds CCG", async () => {
        const { organisations, count } = await client.searchOrganisations({ search: "Y02494" });
        expect(organisations).toHaveLength(1);
        expect(count).toBeUndefined();
        expect(organisations[0]).toMatchObject({
          ODSCode: "Y02494",
          OrganisationName: "Shakespeare Medical Practice",
          OrganisationTypeId: "GPB",
          City: "Leeds",
          ParentOrganisation: { ODSCode: "15F", OrganisationName: "NHS Leeds CCG" },
        });
      });

      it("9: searchFields=ODSCode with the EPS filter is the service code list", async () => {
        const r = await client.searchOrganisations({ searchFields: "ODSCode", $filter: Q.epsEnabled });
        expect([codes(r), r.count]).toEqual([["FKH23"], 1]);
      });

      it("10: pharmacy2u by name, filtered to distance-selling EPS pharmacies", async () => {
        const r = await client.searchOrganisations({
          search: "pharmacy2u",
          searchFields: ["OrganisationName"],
          $filter: Q.distanceSelling,
        });
        expect([codes(r), r.organisations[0]?.OrganisationSubType, r.count]).toEqual([["FLM49"], "DistanceSelling", 1]);
      });

      it("11: Bletchley in Address3, City, County is the location list", async () => {
        const r = await client.searchOrganisations({
          search: "Bletchley",
          searchFields: ["Address3", "City", "County"],
        });
        expect(r.count).toBe(22);
        expect(r.organisations).toHaveLength(10);
        expect(r.organisations[0]).toMatchObject({ Postcode: "MK3 6EN", Address3: "Bletchley" });
      });

      it("12: community EPS pharmacies ordered by geo.distance; the sandbox reads $orderby (lower case)", async () => {
        const r = await client.searchOrganisations({ $filter: Q.community, $orderby: geoDistance(MK) });
        expect([r.count, r.organisations.length, codes(r)[0]]).toEqual([482, 10, "FDF16"]);
        // The spec's spelling $orderBy is accepted and sent as $orderby.
        const before = target.requests().length;
        const alias = await client.searchOrganisations({ $filter: Q.community, $orderBy: geoDistance(MK) });
        expect(alias.count).toBe(482);
        expect(target.requests().slice(before)[0]).toContain("&$orderby=geo.distance(");
        // Sent to the sandbox under the spec's name, the order is not seen and the canned list does not match.
        const spec = await get(
          `/?api-version=3&$filter=${encodeURIComponent(Q.community)}&$orderBy=${encodeURIComponent(Q.nearMiltonKeynes)}`,
        );
        expect((await spec.json()).value).toHaveLength(50);
      });

      it("13: search.ismatch on postcode B11 is the nearest-by-postcode list", async () => {
        const r = await client.searchOrganisations({ $filter: Q.postcodeB11 });
        expect([r.count, codes(r)[0], r.organisations[0]?.Postcode]).toEqual([12, "FTN75", "B11 3NQ"]);
      });

      it("14: Bletchley with wheelchair access", async () => {
        const r = await client.searchOrganisations({
          search: "Bletchley",
          searchFields: "Address3",
          $filter: Q.wheelchair,
        });
        expect(codes(r)).toEqual(["FA796", "FD207"]);
        expect(r.organisations[0]?.Facilities?.find((f) => f.Name === "Wheelchair access")?.Value).toBe("Yes");
      });

      it("15: Bletchley closing at 14:00", async () => {
        const r = await client.searchOrganisations({
          search: "Bletchley",
          searchFields: "Address3",
          $filter: Q.closesAt14,
        });
        expect(codes(r)).toEqual(["op_5CQ_14311__000002_MK22EH", "V000864"]);
        expect(r.organisations[0]?.OpeningTimes?.some((t) => t.ClosingTime === "14:00")).toBe(true);
      });

      it("16: any other search text finds nothing", async () => {
        const r = await client.searchOrganisations({ search: "no-organisation" });
        expect(r.body).toEqual({ "@odata.context": INDEX_CONTEXT, value: [] });
        expect((await client.searchOrganisations({ search: "Y99999" })).organisations).toEqual([]);
      });

      it("17: no search text lists 50 organisations", async () => {
        const r = await client.searchOrganisations();
        expect(r.organisations).toHaveLength(50);
        expect(codes(r).slice(0, 4)).toEqual(["V002072", "V017953", "OP_MK158PL_46766", "RBQ07"]);
        expect(r.nextLink).toMatch(/\$skip=50$/);
        // A filter the sandbox does not know changes nothing.
        expect((await client.searchOrganisations({ $filter: "ODSCode eq 'FV095'" })).organisations).toHaveLength(50);
      });

      it("18: values are compared as exact strings: spacing or quoting differences miss", async () => {
        expect((await client.searchOrganisations({ search: " Y02494" })).organisations).toEqual([]);
        const spaced = await client.searchOrganisations({
          searchFields: "ODSCode",
          $filter: "IsEpsEnabled  eq 'true'",
        });
        expect(spaced.organisations).toHaveLength(50);
        const quoted = await client.searchOrganisations({ searchFields: "ODSCode", $filter: 'IsEpsEnabled eq "true"' });
        expect(quoted.organisations).toHaveLength(50);
      });
    });

    describe("POST /", () => {
      const post = (body: unknown, query = "?api-version=3") =>
        get(`/${query}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });

      it("19: POST needs api-version=3 in the query too", async () => {
        const res = await post({ search: "Y02494" }, "");
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ statusCode: 404, message: "Resource not found" });
        const before = target.requests().length;
        await client.searchOrganisationsWithBody({ search: "Y02494" });
        expect(target.requests().slice(before)[0]).toMatch(/^POST \/service-search-api\/?\?api-version=3$/);
      });

      it("20: body keys search, searchFields, filter and orderby mirror the GET scenarios", async () => {
        expect(codes(await client.searchOrganisationsWithBody({ search: "Y02494" }))).toEqual(["Y02494"]);
        const named = await client.searchOrganisationsWithBody({
          search: "pharmacy2u",
          searchFields: "OrganisationName",
          filter: Q.distanceSelling,
        });
        expect(codes(named)).toEqual(["FLM49"]);
        const nearby = await client.searchOrganisationsWithBody({ filter: Q.community, orderby: geoDistance(MK) });
        expect(nearby.count).toBe(482);
        const located = await client.searchOrganisationsWithBody({
          search: "Bletchley",
          searchMode: "all",
          searchFields: ["Address3", "City", "County"],
          top: 10,
          count: true,
          select: ["Latitude", "Longitude", "Address3", "City", "County", "Postcode"],
        });
        expect(located.count).toBe(22);
      });

      it("21: no-organisation or a body that is not a JSON object finds nothing; other bodies list 50", async () => {
        expect((await client.searchOrganisationsWithBody({ search: "no-organisation" })).organisations).toEqual([]);
        expect((await (await post([1, 2])).json()).value).toEqual([]);
        const empty = await get("/?api-version=3", { method: "POST" });
        expect((await empty.json()).value).toEqual([]);
        expect((await client.searchOrganisationsWithBody({ search: "*" })).organisations).toHaveLength(50);
        expect((await client.searchOrganisationsWithBody()).organisations).toHaveLength(50);
      });

      it("22: only scenarios 9 to 13 carry @odata.count", async () => {
        const counted = [
          { searchFields: "ODSCode", $filter: Q.epsEnabled },
          { search: "pharmacy2u", searchFields: "OrganisationName", $filter: Q.distanceSelling },
          { search: "Bletchley", searchFields: "Address3,City,County" },
          { $filter: Q.community, $orderby: Q.nearMiltonKeynes },
          { $filter: Q.postcodeB11 },
        ];
        for (const params of counted) expect((await client.searchOrganisations(params)).count).toBeTypeOf("number");
        const uncounted = [
          { search: "Bletchley", searchFields: "Address3", $filter: Q.wheelchair },
          { search: "Bletchley", searchFields: "Address3", $filter: Q.closesAt14 },
          { search: "Y02494" },
          {},
          { search: "no-organisation" },
        ];
        for (const params of uncounted) {
          const r = await client.searchOrganisations(params);
          expect("@odata.count" in r.body).toBe(false);
        }
      });
    });

    describe("integration and production proxies", () => {
      const KEY = "nhskit-test-key-23";

      it("23: with a key (apikey header): 1 result for Y02494, 50 bare, 404 without api-version", async () => {
        await target.withOptions({ apiKey: KEY }, async (baseUrl) => {
          const live = createServiceSearchClient({ baseUrl, auth: testApiKey(KEY), retry: false });
          expect(
            (await live.searchOrganisations({ $filter: "ODSCode eq 'FV095'" })).organisations.length,
          ).toBeGreaterThan(0);
          expect((await live.searchOrganisations({ search: "Y02494" })).organisations).toHaveLength(1);
          expect((await live.searchOrganisations()).organisations).toHaveLength(50);
          const res = await fetch(`${baseUrl}/`, { headers: { apikey: KEY } });
          expect([res.status, await res.json()]).toEqual([404, { statusCode: 404, message: "Resource not found" }]);
        });
      });

      it("24: a missing or wrong key is 401 with Apigee's non-JSON body, surfaced as NhsApiError", async () => {
        await target.withOptions({ apiKey: KEY }, async (baseUrl) => {
          const res = await fetch(`${baseUrl}/?api-version=3`);
          expect(res.status).toBe(401);
          const text = await res.text();
          expect(text).toBe('{statusCode: 401, message: "API key invalid"}');
          expect(() => JSON.parse(text)).toThrow();
          for (const auth of [undefined, testApiKey("wrong-key")]) {
            const live = createServiceSearchClient({ baseUrl, retry: false, ...(auth ? { auth } : {}) });
            const error = await failure(live.searchOrganisations({ search: "Y02494" }));
            expect([error.status, error.diagnostics, error.code]).toEqual([401, "API key invalid", undefined]);
            expect(error.message).not.toContain("wrong-key");
          }
        });
      });

      it("25: the upstream int tests POST to /search: the sandbox has no such route, the proxies do", async () => {
        const onSearch = createServiceSearchClient({ baseUrl: target.baseUrl, postPath: "/search", retry: false });
        const error = await failure(onSearch.searchOrganisationsWithBody({ search: "Y02494" }));
        expect(error.status).toBe(404);
        expect(error.diagnostics).toContain("Cannot POST /search");
        await target.withOptions({ apiKey: KEY }, async (baseUrl) => {
          const live = createServiceSearchClient({ baseUrl, postPath: "/search", auth: testApiKey(KEY) });
          expect(codes(await live.searchOrganisationsWithBody({ search: "Y02494" }))).toEqual(["Y02494"]);
        });
      });
    });

    it("bad input is refused before sending", async () => {
      const before = target.requests().length;
      await expect(client.searchOrganisations({ $top: 5000 })).rejects.toThrow(NhsValidationError);
      expect(target.requests().length).toBe(before);
    });
  });
}
