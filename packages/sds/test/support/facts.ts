import { type AuthStrategy, NhsApiError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSdsClient, type SdsClient } from "../../src/index.js";
import type { Target } from "./targets.js";

const ORG = "https://fhir.nhs.uk/Id/ods-organization-code";
const SERVICE = "https://fhir.nhs.uk/Id/nhsServiceInteractionId";
const PARTY = "https://fhir.nhs.uk/Id/nhsMhsPartyKey";
const REPC = "urn:nhs:names:services:psis:REPC_IN150016UK05";
const COPC = "urn:nhs:names:services:gp2gp:COPC_IN000001UK01";
const INTERMEDIARY = "https://msg.int.spine2.ncrs.nhs.uk/reliablemessaging/intermediary";
const CORRELATION = "6d3d3674-7ce5-11ec-90d6-0242ac120003";
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

const anyKey: AuthStrategy = {
  kind: "api-key",
  authorize: ({ headers }) => headers.set("apikey", "whatever-you-like"),
};

/** The error a call throws (fails the test if it does not throw). */
async function failure<E extends Error>(promise: Promise<unknown>, type: new (...a: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(type);
  return error as E;
}

/**
 * Every numbered fact in the SDS sandbox-facts file, driven through @nhskit/sds where the client can send
 * the request, and through plain fetch where the client (rightly) refuses to.
 */
export function sdsSandboxFacts(name: string, start: () => Promise<Target>) {
  describe(`SDS sandbox facts (${name})`, () => {
    let target: Target;
    let sds: SdsClient;
    const get = (pathAndQuery: string, init: RequestInit = {}) => fetch(`${target.baseUrl}${pathAndQuery}`, init);
    const q = (params: Array<[string, string]>) => `?${new URLSearchParams(params).toString()}`;
    const deviceQuery = (org: string, ...identifiers: string[]) =>
      `/Device${q([["organization", `${ORG}|${org}`], ...identifiers.map((i): [string, string] => ["identifier", i])])}`;

    /** Asserts the client refused before sending, then returns the body the mock gives the raw request. */
    async function refusedThenRaw(call: () => Promise<unknown>, pathAndQuery: string, init?: RequestInit) {
      const before = target.received();
      await failure(call(), NhsValidationError);
      expect(target.received(), "the client sent nothing").toBe(before);
      const res = await get(pathAndQuery, init);
      return { res, body: await res.json() };
    }

    beforeAll(async () => {
      target = await start();
      sds = createSdsClient({ baseUrl: target.baseUrl, retry: false });
    });
    afterAll(() => target.close());

    describe("headers and auth", () => {
      it("1: the apikey header is not checked: any value or none is accepted", async () => {
        const withKey = createSdsClient({ baseUrl: target.baseUrl, auth: anyKey, retry: false });
        const found = await withKey.findDevices({ odsCode: "YES", interactionId: REPC });
        expect(found.total).toBe(1);
        expect((await sds.findDevices({ odsCode: "YES", interactionId: REPC })).total).toBe(1);
        const res = await get(deviceQuery("YES", `${SERVICE}|${REPC}`));
        expect(res.status).toBe(200);
      });

      it("2: X-Correlation-Id must be a UUID; it is echoed, or generated when absent", async () => {
        const echoed = await sds.findDevices({ odsCode: "YES", interactionId: REPC }, { correlationId: CORRELATION });
        expect(echoed.correlationId).toBe(CORRELATION);
        const generated = await sds.findDevices({ odsCode: "YES", interactionId: REPC });
        expect(generated.correlationId).toMatch(UUID);

        const { res, body } = await refusedThenRaw(
          () => sds.findDevices({ odsCode: "YES", interactionId: REPC }, { correlationId: "not-a-uuid" }),
          deviceQuery("YES", `${SERVICE}|${REPC}`),
          { headers: { "X-Correlation-Id": "not-a-uuid" } },
        );
        expect(res.status).toBe(400);
        expect(res.headers.get("x-correlation-id")).toMatch(UUID);
        expect(res.headers.get("x-correlation-id")).not.toBe("not-a-uuid");
        expect(body.issue[0].details.coding[0].code).toBe("BAD_REQUEST");
        expect(body.issue[0].diagnostics).toContain("Invalid X-Correlation-ID header. Should be an UUIDv4");
        expect(() => createSdsClient({ baseUrl: target.baseUrl, correlationId: "abc" })).toThrow(/not a UUID/);
      });

      it("3: Accept decides the content type; anything else is 406 MISSING_OR_INVALID_HEADER", async () => {
        const path = deviceQuery("YES", `${SERVICE}|${REPC}`);
        for (const accept of [undefined, "*/*", "application/fhir+json", "application/xml, application/fhir+json"]) {
          const res = await get(path, accept ? { headers: { Accept: accept } } : {});
          expect([accept, res.status, res.headers.get("content-type")]).toEqual([accept, 200, "application/fhir+json"]);
        }
        const json = await get(path, { headers: { Accept: "application/json" } });
        expect(json.headers.get("content-type")).toBe("application/json");
        const viaClient = createSdsClient({ baseUrl: target.baseUrl, accept: "application/json", retry: false });
        const { bundle } = await viaClient.findDevices({ odsCode: "YES", interactionId: REPC });
        expect(bundle.resourceType).toBe("Bundle");

        // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
        expect(() => createSdsClient({ baseUrl: target.baseUrl, accept: "text/xml" as any })).toThrow(/406/);
        const { res, body } = await refusedThenRaw(
          // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
          () => sds.findDevices({ odsCode: "YES", interactionId: REPC }, { accept: "text/xml" as any }),
          path,
          { headers: { Accept: "text/xml" } },
        );
        expect(res.status).toBe(406);
        expect(body.issue[0]).toMatchObject({
          code: "not-supported",
          details: { coding: [{ code: "MISSING_OR_INVALID_HEADER" }] },
          diagnostics: "Accept type not supported",
        });
      });

      it("4: other methods are 405 (Allow: GET); unknown paths are 404 NO_RECORD_FOUND", async () => {
        for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
          const res = await get("/Device", { method });
          expect(res.status).toBe(405);
          expect(res.headers.get("allow")).toBe("GET");
          const body = await res.json();
          expect(body.issue[0]).toMatchObject({
            code: "not-supported",
            details: { coding: [{ code: "NOT_IMPLEMENTED" }] },
            diagnostics: "HTTP operation not supported",
          });
        }
        const missing = await get("/Organization");
        expect(missing.status).toBe(404);
        expect((await missing.json()).issue[0]).toMatchObject({
          details: { coding: [{ code: "NO_RECORD_FOUND" }] },
          diagnostics: "HTTP endpoint not found",
        });
      });

      it("5: errors are OperationOutcomes whose id is the correlation id; 400s are required/BAD_REQUEST", async () => {
        const res = await get(`/Device${q([["organization", `${ORG}|YES`]])}`, {
          headers: { "X-Correlation-Id": CORRELATION },
        });
        expect(res.status).toBe(400);
        expect(res.headers.get("x-correlation-id")).toBe(CORRELATION);
        const body = await res.json();
        expect(body).toMatchObject({ resourceType: "OperationOutcome", id: CORRELATION });
        expect(body.issue[0]).toMatchObject({
          severity: "error",
          code: "required",
          details: { coding: [{ code: "BAD_REQUEST", display: "Bad request" }] },
        });
        // Through the client: the error carries the code and the service's diagnostics.
        const error = await failure(
          createSdsClient({ baseUrl: target.baseUrl, retry: false }).raw.GET("/Device", {
            params: { query: { organization: `${ORG}|YES`, identifier: [`${PARTY}|YES-0000806`] } },
          }),
          NhsApiError,
        );
        expect([error.status, error.code]).toEqual([400, "BAD_REQUEST"]);
        expect(error.diagnostics).toContain(`Should be 'identifier=${SERVICE}|value'`);
      });
    });

    describe("GET /Device", () => {
      it("6: only organization, identifier and manufacturing-organization are allowed", async () => {
        const { res, body } = await refusedThenRaw(
          // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
          () => sds.findDevices({ odsCode: "YES", interactionId: REPC, colour: "blue" } as any),
          `${deviceQuery("YES", `${SERVICE}|${REPC}`)}&colour=blue`,
        );
        expect(res.status).toBe(400);
        expect(body.issue[0].diagnostics).toBe("HTTP 400: Bad Request (Illegal query parameter 'colour')");
      });

      it("7: organization is required and must use the ODS code system", async () => {
        const message = `Missing or invalid 'organization' query parameter. Should be 'organization=${ORG}|value'`;
        const missing = await refusedThenRaw(
          // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
          () => sds.findDevices({ interactionId: REPC } as any),
          `/Device${q([["identifier", `${SERVICE}|${REPC}`]])}`,
        );
        expect(missing.res.status).toBe(400);
        expect(missing.body.issue[0].diagnostics).toBe(`HTTP 400: Bad Request (${message})`);
        const wrong = await get(
          `/Device${q([
            ["organization", "test|123456"],
            ["identifier", `${SERVICE}|${REPC}`],
          ])}`,
        );
        expect(wrong.status).toBe(400);
        expect((await wrong.json()).issue[0].diagnostics).toContain(message);
      });

      it("8: identifier must use the interaction id system (and may add a party key)", async () => {
        const { res, body } = await refusedThenRaw(
          () => sds.findDevices({ odsCode: "YES", interactionId: "REPC_IN150016UK05" }),
          deviceQuery("YES", "https://example.org/other|REPC_IN150016UK05"),
        );
        expect(res.status).toBe(400);
        expect(body.issue[0].diagnostics).toContain(
          "Missing or invalid 'identifier' query parameter. Should be one or both of: [",
        );
        const both = await sds.findDevices({ odsCode: "YES", interactionId: REPC, partyKey: "YES-0000806" });
        expect(both.total).toBe(1);
        // The identifier parameter repeats on the wire: one per system.
        const sent = target.seen().at(-1) ?? "";
        expect(new URLSearchParams(sent.slice(sent.indexOf("?"))).getAll("identifier")).toEqual([
          `${SERVICE}|${REPC}`,
          `${PARTY}|YES-0000806`,
        ]);
      });

      it("9: YES + REPC_IN150016UK05 is one accredited system, 928942012545", async () => {
        const found = await sds.findDevices({ odsCode: "YES", interactionId: REPC });
        expect(found.bundle).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 1 });
        expect(found.bundle.link?.[0]?.relation).toBe("self");
        expect(found.bundle.entry?.[0]?.search?.mode).toBe("match");
        expect(found.summaries[0]).toMatchObject({
          asid: "928942012545",
          partyKey: "YES-0000806",
          clientOdsCode: "YES",
          manufacturerOdsCode: "X09001",
        });
        // The hosted mock lists several hundred interactions for this system; ours a representative set.
        expect(found.summaries[0]?.interactionIds).toContain(REPC);
        expect(found.summaries[0]?.interactionIds.length).toBeGreaterThan(5);
      });

      it("10: X26 + COPC_IN000001UK01 is 918999199246 (party key X26-822084, manufacturer X26)", async () => {
        const found = await sds.findDevices({ odsCode: "X26", interactionId: COPC });
        expect(found.summaries).toEqual([
          expect.objectContaining({
            asid: "918999199246",
            partyKey: "X26-822084",
            manufacturerOdsCode: "X26",
            clientOdsCode: "X26",
          }),
        ]);
      });

      it("11: manufacturer and party key filter the same data exactly", async () => {
        const base = { odsCode: "YES", interactionId: REPC };
        expect((await sds.findDevices({ ...base, manufacturerOdsCode: "YES" })).total).toBe(0);
        expect((await sds.findDevices({ ...base, manufacturerOdsCode: "X09001" })).total).toBe(1);
        expect((await sds.findDevices({ ...base, partyKey: "YES-0000806" })).total).toBe(1);
        expect((await sds.findDevices({ ...base, partyKey: "YES-0000000" })).total).toBe(0);
      });

      it("12: any other organisation is 200 with an empty Bundle, not 404", async () => {
        const found = await sds.findDevices({ odsCode: "123456", interactionId: REPC });
        expect([found.total, found.resources]).toEqual([0, []]);
        expect(found.bundle.entry).toEqual([]);
      });
    });

    describe("GET /Endpoint", () => {
      it("13: only the documented parameter combinations are accepted", async () => {
        const yes = { odsCode: "YES" };
        expect((await sds.findEndpoints({ ...yes, interactionId: REPC })).total).toBe(1);
        expect((await sds.findEndpoints({ ...yes, partyKey: "YES-0000806" })).total).toBeGreaterThan(1);
        expect((await sds.findEndpoints({ ...yes, interactionId: REPC, partyKey: "YES-0000806" })).total).toBe(1);
        expect((await sds.findEndpoints({ interactionId: REPC, partyKey: "YES-0000806" })).total).toBe(1);

        const combination = "Missing or invalid query parameters. Should one of following combinations: [";
        const alone = await refusedThenRaw(
          () => sds.findEndpoints({ odsCode: "YES" }),
          `/Endpoint${q([["organization", `${ORG}|YES`]])}`,
        );
        expect(alone.res.status).toBe(400);
        expect(alone.body.issue[0].diagnostics).toContain(combination);
        const single = await refusedThenRaw(
          () => sds.findEndpoints({ partyKey: "YES-0000806" }),
          `/Endpoint${q([["identifier", `${PARTY}|YES-0000806`]])}`,
        );
        expect(single.res.status).toBe(400);
        expect(single.body.issue[0].diagnostics).toContain(combination);
      });

      it("14: YES + REPC_IN150016UK05 routes to the reliable request address with its reliability settings", async () => {
        const { summaries, resources } = await sds.findEndpoints({ odsCode: "YES", interactionId: REPC });
        expect(summaries).toEqual([
          {
            id: expect.stringMatching(UUID),
            address: "https://msg.opentest.hscic.gov.uk/reliablemessaging/reliablerequest",
            odsCode: "YES",
            partyKey: "YES-0000806",
            mhsId: "S20001A000182",
            cpaId: "S20001A000182",
            fqdn: "msg.opentest.hscic.gov.uk",
            interactionIds: [REPC],
            reliability: {
              ackRequested: "always",
              syncReplyMode: "MSHSignalsOnly",
              retries: 2,
              retryInterval: "PT1M",
              persistDuration: "PT5M",
              duplicateElimination: "always",
            },
          },
        ]);
        expect(resources[0]).toMatchObject({ status: "active", connectionType: { code: "hl7-fhir-msg" } });
      });

      it.each([
        [
          "urn:nhs:names:services:psisquery:QUPC_IN160101UK05",
          "https://msg.opentest.hscic.gov.uk/reliablemessaging/queryrequest",
          "S20003A000304",
        ],
        [
          "urn:nhs:names:services:pdsquery:QUPA_IN040000UK32",
          "https://msg.opentest.hscic.gov.uk/sync-service",
          "928942012545",
        ],
        ["urn:nhs:names:services:tms:ReliableIntermediary", INTERMEDIARY, "S20001A000192"],
        ["urn:nhs:names:services:tms:ExpressIntermediary", INTERMEDIARY, "S20001A000190"],
      ])("15: YES also answers %s", async (interactionId, address, mhsId) => {
        const { summaries } = await sds.findEndpoints({ odsCode: "YES", interactionId });
        expect(summaries.map((s) => [s.address, s.mhsId])).toEqual([[address, mhsId]]);
      });

      it.each([
        "urn:nhs:names:services:gpconnect:documents:fhir:rest:read:binary-1",
        "urn:nhs:names:services:gpconnect:documents:fhir:rest:search:patient-1",
        "urn:nhs:names:services:gpconnect:documents:fhir:rest:search:documentreference-1",
        "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1",
      ])("16: B82617 answers GP Connect interaction %s", async (interactionId) => {
        const { summaries } = await sds.findEndpoints({ odsCode: "B82617", interactionId });
        expect(summaries).toHaveLength(1);
        expect(summaries[0]).toMatchObject({
          address: "https://orange.testlab.nhs.uk/B82617/STU3/1/gpconnect/",
          partyKey: "B82617-0000806",
          mhsId: "227319907549",
        });
        expect(summaries[0]?.interactionIds).toContain(interactionId);
      });

      it("17: X26 has three MHS records", async () => {
        const keys = async (partyKey: string) =>
          (await sds.findEndpoints({ odsCode: "X26", partyKey })).summaries.map((s) => s.interactionIds);
        expect(await keys("X26-9199246")).toEqual([[COPC]]);
        expect(await keys("X26-820918")).toEqual([[COPC]]);
        expect(await keys("X26-200150")).toEqual([["urn:nhs:names:services:ebs:PRSC_IN080000UK03"]]);
        const gp2gp = await sds.findEndpoints({ odsCode: "X26", interactionId: COPC });
        expect(gp2gp.summaries.map((s) => s.partyKey).sort()).toEqual(["X26-820918", "X26-9199246"]);
      });

      it("18: reliable gp2gp and ebs interactions are routed through the Spine intermediary", async () => {
        const gp2gp = await sds.findEndpoints({ odsCode: "X26", interactionId: COPC });
        expect(gp2gp.summaries.map((s) => s.address)).toEqual([INTERMEDIARY, INTERMEDIARY]);
        const express = await sds.findEndpoints({
          odsCode: "X26",
          interactionId: "urn:nhs:names:services:ebs:PRSC_IN080000UK03",
        });
        expect(express.summaries.map((s) => s.address)).toEqual([INTERMEDIARY]);
        // Non-reliable services keep their own address.
        const query = await sds.findEndpoints({
          odsCode: "YES",
          interactionId: "urn:nhs:names:services:psisquery:QUPC_IN160101UK05",
        });
        expect(query.summaries[0]?.address).toContain("queryrequest");
      });

      it("19: an unknown organisation or interaction is 200 with total 0", async () => {
        const unknownOrg = await sds.findEndpoints({ odsCode: "123456", interactionId: REPC });
        const unknownService = await sds.findEndpoints({ odsCode: "YES", interactionId: "urn:nhs:names:services:x:Y" });
        expect([unknownOrg.total, unknownService.total]).toEqual([0, 0]);
      });

      it("20: use_cpm=iwanttogetdatafromcpm is accepted on /Endpoint (not part of the spec)", async () => {
        const ok = await get(
          `/Endpoint${q([
            ["organization", `${ORG}|YES`],
            ["identifier", `${SERVICE}|${REPC}`],
            ["use_cpm", "iwanttogetdatafromcpm"],
          ])}`,
        );
        expect(ok.status).toBe(200);
        expect((await ok.json()).total).toBe(1);
        const wrong = await get(
          `/Endpoint${q([
            ["organization", `${ORG}|YES`],
            ["identifier", `${SERVICE}|${REPC}`],
            ["use_cpm", "please"],
          ])}`,
        );
        expect(wrong.status).toBe(400);
        const onDevice = await get(`${deviceQuery("YES", `${SERVICE}|${REPC}`)}&use_cpm=iwanttogetdatafromcpm`);
        expect((await onDevice.json()).issue[0].diagnostics).toContain("Illegal query parameter 'use_cpm'");
      });
    });

    describe("platform endpoints", () => {
      it("21: /_ping answers 200; /_status needs the private apikey", async () => {
        const ping = await get("/_ping");
        expect(ping.status).toBe(200);
        expect(await ping.json()).toHaveProperty("version");
        expect((await get("/_status")).status).toBe(401);
        expect((await get("/_status", { headers: { apikey: "guess" } })).status).toBe(401);
      });
    });
  });
}
