import { NhsApiError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createResearchDataCatalogueClient, type ResearchDataCatalogueClient } from "../../src/index.js";
import {
  CIVIL_REGISTRATION_DEATHS_ID,
  COVID_TESTING_ID,
  HDRUK_SCHEMA,
  LISTED_DEATHS_ID,
} from "../../src/mocks/index.js";
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

const NOT_FOUND_ISSUE = {
  severity: "error",
  code: "not-found",
  details: {
    coding: [
      {
        system: "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode",
        version: "1",
        code: "RESOURCE_NOT_FOUND",
        display: "Dataset not found with this persistent identifier.",
      },
    ],
  },
};

/**
 * Every numbered fact in the Research Data Catalogue sandbox-facts file, driven through the client where it
 * can send the request, and through plain fetch where it cannot or rightly refuses.
 */
export function researchDataCatalogueSandboxFacts(name: string, start: () => Promise<Target>) {
  describe(`Health Research Data Catalogue sandbox facts (${name})`, () => {
    let target: Target;
    let catalogue: ResearchDataCatalogueClient;
    const get = (path: string, init?: RequestInit) => fetch(`${target.baseUrl}${path}`, init);

    beforeAll(async () => {
      target = await start();
      catalogue = createResearchDataCatalogueClient({ baseUrl: target.baseUrl, retry: false });
    });
    afterAll(() => target.close());

    it("1: open access: no apikey is checked (the spec marks it required; the client leaves it to auth)", async () => {
      expect((await get("/datasets")).status).toBe(200);
      expect((await catalogue.listDatasets()).datasets).toHaveLength(2);
      const { data } = await catalogue.raw.GET("/datasets");
      expect(data.items).toHaveLength(2);
    });

    it("2: every HTTP method gets the same answer", async () => {
      for (const method of ["POST", "PUT", "DELETE"]) {
        const res = await get("/datasets", { method });
        expect([res.status, (await res.json()).total]).toEqual([200, "2"]);
      }
      const one = await get(`/datasets/${CIVIL_REGISTRATION_DEATHS_ID}`, { method: "POST" });
      expect((await one.json()).identifier).toBe(CIVIL_REGISTRATION_DEATHS_ID);
    });

    it("3: the list is the same whatever the query or headers; total is the string 2", async () => {
      const plain = await (await get("/datasets")).json();
      const queried = await get("/datasets?page=2&name=deaths", {
        headers: { "X-Request-ID": "5d4d5a29-9d2e-4c9e-8c48-6c1b4a6f2d11", "X-Correlation-ID": "corr-3" },
      });
      expect(await queried.json()).toEqual(plain);
      expect(queried.headers.get("x-correlation-id")).toBe("corr-3");
      expect(typeof plain.total).toBe("string");
      const { total, body } = await catalogue.listDatasets({ correlationId: "corr-3" });
      expect([total, body.total]).toEqual([2, "2"]);
    });

    it("4: two summaries: CV19-12345 and the deaths register, each with the HDR UK schema and dates", async () => {
      const { datasets } = await catalogue.listDatasets();
      expect(datasets.map((d) => [d.persistentId, d.name])).toEqual([
        [COVID_TESTING_ID, "COVID-19 UK Non-hospital Antigen Testing Results"],
        [LISTED_DEATHS_ID, "Civil Registration - Deaths"],
      ]);
      for (const d of datasets) {
        expect(Object.keys(d).sort()).toEqual(
          ["@schema", "description", "issued", "modified", "name", "persistentId", "self", "source", "version"].sort(),
        );
        expect(d["@schema"]).toBe(HDRUK_SCHEMA);
      }
    });

    it("5: dd5f0174-... is the full HDR UK record for Civil Registration - Deaths", async () => {
      const { dataset } = await catalogue.getDataset(CIVIL_REGISTRATION_DEATHS_ID);
      expect([dataset.identifier, dataset.version, dataset.summary.title]).toEqual([
        CIVIL_REGISTRATION_DEATHS_ID,
        "1.0.1",
        "Civil Registration - Deaths",
      ]);
      for (const key of [
        "revisions",
        "issued",
        "modified",
        "summary",
        "documentation",
        "coverage",
        "provenance",
        "accessibility",
        "enrichmentAndLinkage",
        "observations",
      ]) {
        expect(dataset, key).toHaveProperty(key);
      }
    });

    it("6: the list's id for the same data set is not served by the detail route", async () => {
      const error = await failure(catalogue.getDataset(LISTED_DEATHS_ID));
      expect([error.status, error.code]).toEqual([404, "RESOURCE_NOT_FOUND"]);
    });

    it("7: any other id is a 404 OperationOutcome RESOURCE_NOT_FOUND (version 1 coding)", async () => {
      for (const id of [COVID_TESTING_ID, "6a1b0c4e-5d1f-4a3b-9c2d-7e8f9a0b1c2d", "not-a-uuid"]) {
        const error = await failure(catalogue.getDataset(id));
        expect([error.status, error.code, error.diagnostics]).toEqual([
          404,
          "RESOURCE_NOT_FOUND",
          "Dataset not found with this persistent identifier.",
        ]);
        expect(error.issues[0]).toMatchObject({ code: "not-found", severity: "error" });
      }
      const nested = await get(`/datasets/${CIVIL_REGISTRATION_DEATHS_ID}/versions`);
      expect(nested.status).toBe(404);
      expect(nested.headers.get("content-type")).toBe("application/fhir+json");
      expect((await nested.json()).issue).toEqual([NOT_FOUND_ISSUE]);
    });

    it("8: unknown paths: Express's 404 in the sandbox, INVALID_ENDPOINT_PATH from the real service", async () => {
      const sandbox = await get("/organisations");
      expect([sandbox.status, await sandbox.text()]).toEqual([
        404,
        expect.stringContaining("Cannot GET /organisations"),
      ]);
      await target.withOptions({ apiKey: "k" }, async (baseUrl) => {
        const res = await fetch(`${baseUrl}/organisations`, { headers: { apikey: "k" } });
        expect(res.status).toBe(404);
        expect((await res.json()).issue[0].details.coding[0]).toMatchObject({
          code: "INVALID_ENDPOINT_PATH",
          display: "No handler found for this path.",
        });
      });
    });

    it("9: /_ping, /health and /_status (with the status key) answer pass; /hello says hello world", async () => {
      for (const path of ["/_ping", "/health"]) {
        expect(await (await get(path)).json()).toMatchObject({ status: "pass", ping: "pong" });
      }
      expect((await get("/_status")).status).toBe(401);
      expect((await get("/_status", { headers: { apikey: "nhskit-status-key" } })).status).toBe(200);
      expect(await (await get("/hello")).json()).toEqual({ message: "hello world" });
    });

    it("10: live: a missing or invalid apikey is 401 forbidden naming the header", async () => {
      await target.withOptions({ apiKey: "right-key" }, async (baseUrl) => {
        for (const auth of [undefined, testApiKey("wrong-key")]) {
          const client = createResearchDataCatalogueClient({ baseUrl, retry: false, ...(auth ? { auth } : {}) });
          const error = await failure(client.listDatasets());
          expect([error.status, error.code]).toEqual([401, "forbidden"]);
          expect(error.diagnostics).toMatch(
            /^API Key in header apikey is invalid or missing\. Message ID: [0-9a-f-]{36}$/,
          );
          expect(error.message).not.toContain("wrong-key");
        }
        const keyed = createResearchDataCatalogueClient({ baseUrl, retry: false, auth: testApiKey("right-key") });
        expect((await keyed.getDataset(CIVIL_REGISTRATION_DEATHS_ID)).dataset.version).toBe("1.0.1");
      });
    });

    it("11: live: spike arrest (5 a second by default) and a quota per minute answer 429 TOO_MANY_REQUESTS", async () => {
      await target.withOptions({ apiKey: "k", spikeArrestPerSecond: 5 }, async (baseUrl) => {
        const client = createResearchDataCatalogueClient({ baseUrl, retry: false, auth: testApiKey("k") });
        for (let i = 0; i < 5; i++) await client.listDatasets();
        const error = await failure(client.listDatasets());
        expect([error.status, error.code]).toEqual([429, "TOO_MANY_REQUESTS"]);
      });
      await target.withOptions({ apiKey: "k", quotaPerMinute: 3 }, async (baseUrl) => {
        const client = createResearchDataCatalogueClient({ baseUrl, retry: false, auth: testApiKey("k") });
        for (let i = 0; i < 3; i++) await client.listDatasets();
        expect((await failure(client.listDatasets())).status).toBe(429);
      });
    });

    it("12: upstream has no functional /datasets tests against int; nhskit drives both operations in live mode", async () => {
      await target.withOptions({ apiKey: "k" }, async (baseUrl) => {
        const client = createResearchDataCatalogueClient({ baseUrl, retry: false, auth: testApiKey("k") });
        expect((await client.listDatasets()).total).toBe(2);
        expect((await client.getDataset(CIVIL_REGISTRATION_DEATHS_ID)).dataset.summary.publisher.name).toBe(
          "NHS DIGITAL",
        );
      });
    });

    it("bad ids are refused before sending", async () => {
      const before = target.requests().length;
      await expect(catalogue.getDataset("a/b")).rejects.toThrow(NhsValidationError);
      expect(target.requests().length).toBe(before);
    });
  });
}
