import { type AuthStrategy, NhsApiError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOdsFhirClient,
  DELETION_LISTS,
  describeAffiliation,
  describeOrganization,
  hapiCode,
  ODS_SYSTEMS,
  type OdsFhirClient,
  type Organization,
} from "../../src/index.js";
import type { Target } from "./targets.js";

/** The error a call throws (fails the test if it does not throw). */
async function failure<E extends Error>(promise: Promise<unknown>, type: new (...a: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(type);
  return error as E;
}

const key = (value: string): AuthStrategy => ({
  kind: "api-key",
  authorize: ({ headers }) => headers.set("apikey", value),
});

/**
 * Every numbered fact in the ODS FHIR sandbox-facts file, through @nhskit/ods-fhir where the client can
 * send the request and through plain fetch where it (rightly) refuses or has no method.
 */
export function odsFhirSandboxFacts(name: string, start: () => Promise<Target>) {
  describe(`ODS FHIR sandbox facts (${name})`, () => {
    let target: Target;
    let ods: OdsFhirClient;
    const get = (path: string, init?: RequestInit) => fetch(`${target.baseUrl}${path}`, init);

    async function refusedThenRaw(call: () => Promise<unknown>, path: string, init?: RequestInit) {
      const before = target.received();
      const error = await failure(call(), NhsValidationError);
      expect(target.received(), "the client sent nothing").toBe(before);
      const res = await get(path, init);
      return { error, res, body: await res.json() };
    }

    beforeAll(async () => {
      target = await start();
      ods = createOdsFhirClient({ baseUrl: target.baseUrl, retry: false });
    });
    afterAll(() => target.close());

    describe("what the sandbox is", () => {
      it("1: there is no canned mock behind the API (the template app's /hello is not served)", async () => {
        const res = await get("/hello");
        expect(res.status).toBe(404);
        const body = await res.json();
        expect(body).not.toHaveProperty("message", "hello world");
        expect(body.issue[0].diagnostics).toMatch(/^HAPI-0302: Unknown resource type 'hello'/);
      });

      it("2: it serves ODS records (here: the documented ones, RR8 first)", async () => {
        const rr8 = await ods.getOrganization("RR8");
        expect(describeOrganization(rr8)).toMatchObject({
          odsCode: "RR8",
          name: "LEEDS TEACHING HOSPITALS NHS TRUST",
          active: true,
          recordClass: "RC1",
          recordUseType: "Full",
          postcode: "LS9 7TF",
          roles: [{ code: "RO197", display: "NHS TRUST", active: true, legal: { start: "1998-04-01" } }],
        });
      });

      it("3: it is open: no apikey and no token needed", async () => {
        const res = await get("/Organization/RR8");
        expect(res.status).toBe(200);
        const withKey = createOdsFhirClient({ baseUrl: target.baseUrl, auth: key("anything") });
        expect((await withKey.getOrganization("RR8")).id).toBe("RR8");
      });

      it("4: answers have the ODS shapes (assert shapes, not values)", async () => {
        const { resources } = await ods.searchOrganizations({ _count: 10 });
        expect(resources).toHaveLength(10);
        for (const org of resources) {
          const summary = describeOrganization(org);
          expect(org.resourceType).toBe("Organization");
          expect(org.identifier?.[0]?.system).toBe(ODS_SYSTEMS.odsOrganizationCode);
          expect(summary.odsCode).toMatch(/^[A-Z0-9]{3,12}$/);
          expect(summary.lastChangeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(summary.roles.length).toBeGreaterThan(0);
        }
      });
    });

    describe("counts (the repository's sandbox tests)", () => {
      it("5: Organization?_count=0 reports over 280,000 organisations", async () => {
        expect(await ods.countOrganizations()).toBeGreaterThan(280_000);
        const body = await (await get("/Organization?_count=0")).json();
        expect(body.total).toBeGreaterThan(280_000);
      });

      it("6: OrganizationAffiliation?_count=0 reports over 600,000 relationships", async () => {
        expect(await ods.countAffiliations()).toBeGreaterThan(600_000);
      });

      it("7: List?_count=0 reports the four deletion lists", async () => {
        const body = await (await get("/List?_count=0")).json();
        expect(body.total).toBeGreaterThanOrEqual(4);
        for (const id of DELETION_LISTS) expect((await ods.getDeletionList(id)).id).toBe(id);
      });

      it("8: SearchParameter?_count=0 reports at least 3", async () => {
        const body = await (await get("/SearchParameter?_count=0")).json();
        expect(body.total).toBeGreaterThanOrEqual(3);
      });

      it("9: CodeSystem?_count=0 reports at least 13", async () => {
        const { total, resources } = await ods.searchCodeSystems({ _count: 0 });
        expect(total).toBeGreaterThanOrEqual(13);
        expect(resources).toEqual([]);
      });

      it("10: _count=0 is a count without entries (as is _summary=count)", async () => {
        const page = await ods.searchOrganizations({ roleCode: "RO182", _count: 0 });
        expect([page.total, page.resources.length, page.bundle.entry]).toEqual([25, 0, undefined]);
        const summary = await ods.searchOrganizations({ roleCode: "RO182", _summary: "count" });
        expect([summary.total, summary.resources.length]).toEqual([25, 0]);
      });
    });

    describe("the proxy", () => {
      it("11: /metadata is a stored CapabilityStatement; XML when the query is exactly _format=xml", async () => {
        const statement = await ods.getCapabilityStatement();
        expect(statement).toMatchObject({
          resourceType: "CapabilityStatement",
          fhirVersion: "4.0.1",
          kind: "instance",
        });
        const asXml = await get("/metadata?_format=xml");
        expect(asXml.headers.get("content-type")).toContain("xml");
        expect(await asXml.text()).toMatch(/^<CapabilityStatement xmlns="http:\/\/hl7.org\/fhir">/);
        const notExactly = await get("/metadata?_format=xml&_pretty=true");
        expect(notExactly.headers.get("content-type")).toContain("json");
      });

      it("12: CodeSystem and ValueSet are served under the same base URL as Organization", async () => {
        const roles = await ods.searchCodeSystems({ system: ODS_SYSTEMS.organisationRole, _summary: false });
        expect(roles.resources[0]?.concept?.map((c) => c.code)).toContain("RO197");
        const expansion = await ods.expandValueSet({ system: ODS_SYSTEMS.recordClass });
        expect(expansion.contains.map((c) => c.code)).toEqual(["RC1", "RC2"]);
        expect(
          target
            .seen()
            .slice(-2)
            .map((p) => p.split("?")[0]),
        ).toEqual([
          "/organisation-data-terminology-api/fhir/CodeSystem/",
          "/organisation-data-terminology-api/fhir/ValueSet/$expand",
        ]);
      });

      it("13: paging links point at the API's own host, so next links work as they are", async () => {
        const first = await ods.searchOrganizations({ roleCode: "RO182", _count: 10 });
        const next = new URL(first.next ?? "");
        expect(`${next.origin}${next.pathname}`).toBe(`${target.baseUrl}/Organization`);
        expect(next.searchParams.get("_offset")).toBe("10");
        const all: Organization[] = [];
        for await (const org of ods.iterateOrganizations({ roleCode: "RO182", _count: 10 })) all.push(org);
        expect(all.map((o) => o.id)).toEqual(
          Array.from({ length: 25 }, (_, i) => `FZZ${String(i + 1).padStart(2, "0")}`),
        );
      });

      it("14: answers over 10 MB are 422 too-costly (JSON, or XML when asked)", async () => {
        const error = await failure(ods.searchOrganizations({ _count: 5000 }), NhsApiError);
        expect([error.status, error.code, error.diagnostics]).toEqual([
          422,
          "too-costly",
          "Response exceeds APIM size limit",
        ]);
        const body = error.body as { issue: Array<{ details: { text: string } }> };
        expect(body.issue[0]?.details.text).toBe("Response exceeds APIM size limit");
        const asXml = await get("/Organization?_count=5000&_format=xml");
        expect(asXml.status).toBe(422);
        expect(await asXml.text()).toContain('<code value="too-costly"/>');
      });

      it("15: /_ping answers with version details; /_status needs the platform's key", async () => {
        const ping = await get("/_ping");
        expect(ping.status).toBe(200);
        expect(await ping.json()).toHaveProperty("commitId");
        expect((await get("/_status")).status).toBe(401);
      });

      it("16: where an apikey is required (int, prod), a missing or wrong one is 401 ACCESS_DENIED", async () => {
        const live = await target.variant({ apiKey: "right-key" });
        try {
          const none = await failure(
            createOdsFhirClient({ baseUrl: live.baseUrl, retry: false }).getOrganization("RR8"),
            NhsApiError,
          );
          expect([none.status, none.code, none.diagnostics]).toEqual([
            401,
            "ACCESS_DENIED",
            "Failed to resolve API Key variable request.header.apikey",
          ]);
          expect(none.issues[0]?.code).toBe("forbidden");
          const wrong = await failure(
            createOdsFhirClient({ baseUrl: live.baseUrl, retry: false, auth: key("wrong") }).getOrganization("RR8"),
            NhsApiError,
          );
          expect([wrong.status, wrong.diagnostics]).toEqual([401, "Invalid ApiKey"]);
          const right = createOdsFhirClient({ baseUrl: live.baseUrl, auth: key("right-key") });
          expect((await right.getOrganization("RR8")).id).toBe("RR8");
        } finally {
          await live.close();
        }
      });
    });

    describe("HAPI errors", () => {
      it("17: a malformed date is 400 invalid HAPI-1940", async () => {
        const { res, body } = await refusedThenRaw(
          () => ods.searchOrganizations({ lastChangeDate: "yesterday" }),
          "/Organization?lastChangeDate=yesterday",
        );
        expect(res.status).toBe(400);
        expect(body.issue[0]).toMatchObject({
          code: "invalid",
          diagnostics: 'HAPI-1940: Invalid date/time/quantity format: "yesterday"',
        });
        // Compound dates are fine.
        const window = await ods.searchOrganizations({ lastChangeDate: ["gt2024-02-09", "lt2024-02-12"], _count: 50 });
        expect(window.resources.map((o) => o.id)).toEqual(["FZZ10", "FZZ11"]);
      });

      it("18: an unknown search parameter is 400 HAPI-0524 listing the valid ones", async () => {
        const { error, res, body } = await refusedThenRaw(
          // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
          () => ods.searchOrganizations({ count: 5 } as any),
          "/Organization?count=5",
        );
        expect(error.message).toMatch(/unknown search parameter "count"; searchOrganizations takes _id, identifier/);
        expect(res.status).toBe(400);
        expect(body.issue[0].diagnostics).toMatch(
          /^HAPI-0524: Unknown search parameter "count" for resource type "Organization"\. Valid search parameters for this search are: \[_content, _id, .*lastChangeDate, name, partof, phonetic, roleCode, type\]$/,
        );
        const viaRaw = await failure(
          ods.raw.GET("/Organization", { params: { query: { count: "5" } as never } }),
          NhsApiError,
        );
        expect([viaRaw.status, hapiCode(viaRaw)]).toEqual([400, "HAPI-0524"]);
      });

      it("19: an unknown ODS code is 404 HAPI-2001", async () => {
        const error = await failure(ods.getOrganization("8J632648493"), NhsApiError);
        expect([error.status, hapiCode(error)]).toEqual([404, "HAPI-2001"]);
        expect(error.diagnostics).toBe("HAPI-2001: Resource Organization/8J632648493 is not known");
        const before = target.received();
        await expect(ods.getOrganization("R/8")).rejects.toThrow(/"R\/8" is not an ODS code/);
        expect(target.received()).toBe(before);
        const affiliation = await failure(ods.getAffiliation("123"), NhsApiError);
        expect(affiliation.diagnostics).toBe("HAPI-2001: Resource OrganizationAffiliation/123 is not known");
      });

      it("20: the wrong HTTP method is 405 HAPI-0427", async () => {
        const post = await get("/Organization", { method: "POST", body: "{}" });
        expect(post.status).toBe(405);
        expect((await post.json()).issue[0].diagnostics).toMatch(/^HAPI-0427: /);
        const expandByGet = await get("/ValueSet/$expand");
        expect(expandByGet.status).toBe(405);
        expect(expandByGet.headers.get("allow")).toBe("POST");
      });

      it("21: an expansion of more than 50,000 codes is refused: page with count and offset", async () => {
        const before = target.received();
        await expect(ods.expandValueSet({ system: ODS_SYSTEMS.odsOrganizationCode, count: 60_000 })).rejects.toThrow(
          /count: must be a whole number from 1 to 50000/,
        );
        expect(target.received()).toBe(before);
        const whole = await failure(ods.expandValueSet({ system: ODS_SYSTEMS.odsOrganizationCode }), NhsApiError);
        expect([whole.status, whole.code, whole.diagnostics]).toEqual([
          422,
          "too-costly",
          "Too many records requested (Use _count and _offset)",
        ]);
        const paged = await ods.expandValueSet({ system: ODS_SYSTEMS.odsOrganizationCode, count: 2, offset: 0 });
        expect(paged.total).toBeGreaterThan(50_000);
        expect(paged.contains).toHaveLength(2);
      });

      it("22: over the rate limit (5,000 requests per 5 minutes) is 429", async () => {
        const busy = await target.variant({ rateLimit: { requests: 2, windowMs: 60_000 } });
        try {
          const client = createOdsFhirClient({ baseUrl: busy.baseUrl, retry: false });
          await client.getOrganization("RR8");
          await client.getOrganization("AQN");
          const error = await failure(client.getOrganization("G81086"), NhsApiError);
          expect([error.status, error.issues[0]?.code]).toEqual([429, "throttled"]);
        } finally {
          await busy.close();
        }
        // The relationship readers work on what the same client returns.
        expect(describeAffiliation(await ods.getAffiliation("617400"))).toMatchObject({
          relationship: "RE8",
          primaryOdsCode: "G81086",
          participatingOdsCode: "U36842",
        });
      });
    });
  });
}
