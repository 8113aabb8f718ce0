import { NhsApiError, NhsNumberError, NhsResponseError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createImmunisationHistoryClient,
  type ImmunisationHistoryClient,
  type ImmunisationSearch,
} from "../../src/index.js";
import type { Target } from "./targets.js";

const JANE = "https://fhir.nhs.uk/Id/nhs-number|9000000009";

async function failure<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(type);
  return error as E;
}

/**
 * Every numbered fact in the Immunisation History sandbox-facts file, driven through the client where it can
 * send the request, and through plain fetch where the client (rightly) refuses.
 */
export function immunisationHistoryFacts(name: string, start: () => Promise<Target>) {
  describe(`Immunisation History sandbox facts (${name})`, () => {
    let target: Target;
    let client: ImmunisationHistoryClient;
    const get = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${target.baseUrl}/Immunization?${query}`, { headers });
    const diagnostics = async (res: Response) => {
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.resourceType).toBe("OperationOutcome");
      return body.issue[0].diagnostics as string;
    };
    /** Asserts the client refuses, and that nothing reached the mock. */
    const refused = async (params: unknown, message: RegExp) => {
      const before = target.received();
      const error = await failure(client.searchImmunisations(params as ImmunisationSearch), NhsValidationError);
      expect(error.message).toMatch(message);
      expect(target.received()).toBe(before);
    };

    beforeAll(async () => {
      target = await start();
      client = createImmunisationHistoryClient({ baseUrl: target.baseUrl, retry: false });
    });
    afterAll(() => target.close());

    it("1: no authentication is checked", async () => {
      const anonymous = await client.searchImmunisations({ nhsNumber: "9000000009", target: "COVID19" });
      expect(anonymous.total).toBe(2);
      const odd = createImmunisationHistoryClient({
        baseUrl: target.baseUrl,
        headers: { Authorization: "Bearer not-checked" },
      });
      expect((await odd.searchImmunisations({ nhsNumber: "9000000009", target: "COVID19" })).total).toBe(2);
    });

    it("2: the version comes from Accept; a non-numeric or unsupported one is 400 Invalid version", async () => {
      for (const accept of ["application/fhir+json; version=abc", "application/fhir+json; version=3.0"]) {
        const res = await get(`patient.identifier=${JANE}&immunization.target=COVID19`, { Accept: accept });
        expect(await diagnostics(res)).toBe("Invalid version");
      }
      const v2 = await client.searchImmunisations({ nhsNumber: "9000000009", target: "HPV" }, { apiVersion: "2.0" });
      expect(v2.apiVersion).toBe("2.0");
      // The client only offers the versions that exist.
      const before = target.received();
      await expect(
        client.searchImmunisations(
          { nhsNumber: "9000000009", target: "HPV" },
          // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
          { apiVersion: "3.0" as any },
        ),
      ).rejects.toThrow(/options\.apiVersion: "3\.0" is not a version the API offers/);
      expect(target.received()).toBe(before);
    });

    it("3: successful answers carry a version header, 1.0 by default", async () => {
      const v1 = await client.searchImmunisations({ nhsNumber: "9000000009", target: "COVID19" });
      expect(v1.apiVersion).toBe("1.0");
      const res = await get(`patient.identifier=${JANE}&immunization.target=COVID19`, {
        Accept: "application/fhir+json; version=2.0",
      });
      expect(res.headers.get("version")).toBe("2.0");
    });

    it("4: 9000000009 with COVID19 (or procedure code 90640007) has two AstraZeneca doses and the patient", async () => {
      for (const params of [
        { nhsNumber: "9000000009", target: "COVID19" },
        { nhsNumber: "9000000009", procedureCode: "90640007" },
      ] as const) {
        const result = await client.searchImmunisations(params);
        expect(result.total).toBe(2);
        expect(result.immunisations.map((i) => i.occurrenceDateTime)).toEqual([
          "2020-12-10T13:00:08.476+00:00",
          "2020-12-31T13:00:08.476+00:00",
        ]);
        expect(result.immunisations.map((i) => i.manufacturer?.display)).toEqual([
          "AstraZeneca Ltd",
          "AstraZeneca Ltd",
        ]);
        expect(result.bundle.entry.map((e) => e.search.mode)).toEqual(["match", "match", "include"]);
        expect(result.bundle.entry[2]?.fullUrl).toBe("urn:uuid:124fcb63-669c-4a3c-af2b-caf55de167ec");
        expect(result.patient).toMatchObject({
          birthDate: "1965-02-28",
          identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9000000009" }],
        });
      }
    });

    it("5: HPV has three GlaxoSmithKline records, 23 to 25 December 2020", async () => {
      const result = await client.searchImmunisations({ nhsNumber: "9000000009", target: "HPV" });
      expect(result.total).toBe(3);
      expect(result.immunisations.map((i) => i.occurrenceDateTime.slice(0, 10))).toEqual([
        "2020-12-23",
        "2020-12-24",
        "2020-12-25",
      ]);
      expect(new Set(result.immunisations.map((i) => i.manufacturer?.display))).toEqual(
        new Set(["GlaxoSmithKline UK Ltd"]),
      );
      expect(result.patient?.birthDate).toBe("1965-02-28");
    });

    it("6: FLU has one intracutaneous dose in version 1; version 2 answers 200 with an empty body", async () => {
      const v1 = await client.searchImmunisations({ nhsNumber: "9000000009", target: "FLU" });
      expect(v1.total).toBe(1);
      expect(v1.immunisations[0]).toMatchObject({
        occurrenceDateTime: "2021-08-02T12:46:16.019+00:00",
        manufacturer: { display: "GlaxoSmithKline UK Ltd" },
        route: { coding: [{ display: "Intracutaneous use" }] },
      });
      const error = await failure(
        client.searchImmunisations({ nhsNumber: "9000000009", target: "FLU" }, { apiVersion: "2.0" }),
        NhsResponseError,
      );
      expect([error.status, error.message]).toEqual([200, expect.stringMatching(/empty.*FLU under version 2\.0/)]);
      const res = await get(`patient.identifier=${JANE}&immunization.target=FLU`, {
        Accept: "application/fhir+json; version=2.0",
      });
      expect([res.status, await res.text()]).toEqual([200, ""]);
    });

    it("7: any other NHS number is an empty searchset (no Patient entry), not a 400", async () => {
      const result = await client.searchImmunisations({ nhsNumber: "9000000033", target: "COVID19" });
      expect([result.total, result.immunisations, result.patient]).toEqual([0, [], undefined]);
      expect(result.bundle).toEqual({ resourceType: "Bundle", type: "searchset", total: 0, entry: [] });
      // The sandbox does not check the number at all; the client does.
      const res = await get("patient.identifier=https://fhir.nhs.uk/Id/nhs-number|1234&immunization.target=HPV");
      expect((await res.json()).total).toBe(0);
      await refused({ nhsNumber: "1234", target: "HPV" }, /params\.nhsNumber: "1234" must be 10 digits/);
    });

    it("8: nothing after the | (or no |) is 400 naming patient.identifier", async () => {
      for (const identifier of ["https://fhir.nhs.uk/Id/nhs-number|", "9000000009"]) {
        const res = await get(`patient.identifier=${encodeURIComponent(identifier)}&immunization.target=COVID19`);
        expect(await diagnostics(res)).toBe("Missing required request parameters: [patient.identifier]");
      }
      const before = target.received();
      await expect(client.searchImmunisations({ nhsNumber: "", target: "COVID19" })).rejects.toThrow(NhsNumberError);
      expect(target.received()).toBe(before);
    });

    it("9: no patient.identifier at all is a 500 from the sandbox's error handler", async () => {
      const res = await get("immunization.target=COVID19");
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: "something went wrong" });
      await refused({ target: "COVID19" }, /params\.nhsNumber: must be a string of 10 digits/);
    });

    it("10: neither, both, an unknown target or another procedure code is 400", async () => {
      const message = "Missing or invalid required request parameters: [procedure-code:below] OR [immunization.target]";
      for (const query of [
        "",
        "&immunization.target=COVID19&procedure-code:below=90640007",
        "&immunization.target=MMR",
        "&procedure-code:below=12345678",
      ]) {
        expect(await diagnostics(await get(`patient.identifier=${JANE}${query}`))).toBe(message);
      }
      await refused({ nhsNumber: "9000000009" }, /give exactly one of target/);
      await refused({ nhsNumber: "9000000009", target: "COVID19", procedureCode: "90640007" }, /exactly one/);
      await refused({ nhsNumber: "9000000009", target: "MMR" }, /target: "MMR" is not one of COVID19, HPV, FLU/);
      // A well-formed SNOMED code is sent (the live API may know more parent codes); the sandbox refuses it.
      const error = await failure(
        client.searchImmunisations({ nhsNumber: "9000000009", procedureCode: "12345678" }),
        NhsApiError,
      );
      expect([error.status, error.code, error.diagnostics]).toEqual([400, "processing", message]);
    });

    it("11: dates must be real YYYY-MM-DD days, and from must not be after to", async () => {
      const base = `patient.identifier=${JANE}&immunization.target=COVID19`;
      expect(await diagnostics(await get(`${base}&date.from=2020-13-01`))).toBe(
        "Invalid request parameters: [date.from]",
      );
      expect(await diagnostics(await get(`${base}&date.to=31/12/2020`))).toBe("Invalid request parameters: [date.to]");
      expect(await diagnostics(await get(`${base}&date.from=2021-01-02&date.to=2021-01-01`))).toBe(
        "Invalid request parameters: [date.from] is greater than [date.to]",
      );
      await refused({ nhsNumber: "9000000009", target: "COVID19", from: "2020-13-01" }, /params\.from: "2020-13-01"/);
      await refused({ nhsNumber: "9000000009", target: "COVID19", to: "2021-02-29" }, /params\.to: "2021-02-29"/);
      await refused(
        { nhsNumber: "9000000009", target: "COVID19", from: "2021-01-02", to: "2021-01-01" },
        /params\.from: must not be after to/,
      );
    });

    it("12: date filtering is real: total shrinks, the Patient stays", async () => {
      const december = await client.searchImmunisations({
        nhsNumber: "9000000009",
        target: "COVID19",
        from: "2020-12-01",
        to: new Date("2020-12-20T00:00:00Z"),
      });
      expect(december.total).toBe(1);
      expect(december.immunisations[0]?.occurrenceDateTime).toBe("2020-12-10T13:00:08.476+00:00");
      const none = await client.searchImmunisations({ nhsNumber: "9000000009", target: "HPV", from: "2021-01-01" });
      expect([none.total, none.immunisations.length, none.patient?.id]).toEqual([0, 0, "9000000009"]);
    });

    it("13: _include is required by the spec but the sandbox ignores it (the client always sends it)", async () => {
      const res = await get(`patient.identifier=${JANE}&immunization.target=COVID19`);
      expect((await res.json()).total).toBe(2);
      const result = await client.searchImmunisations({ nhsNumber: "9000000009", target: "COVID19" });
      expect(result.patient).toBeDefined();
    });

    it("14: errors are an OperationOutcome with one processing issue and no Spine coding", async () => {
      const res = await get(`patient.identifier=${JANE}`);
      const body = await res.json();
      expect(body.issue).toHaveLength(1);
      expect(body.issue[0]).toEqual({
        severity: "error",
        code: "processing",
        diagnostics: "Missing or invalid required request parameters: [procedure-code:below] OR [immunization.target]",
      });
    });

    it("15: X-Correlation-ID is mirrored (as the platform proxy does); its other spellings are not", async () => {
      const res = await get(`patient.identifier=${JANE}&immunization.target=HPV`, {
        "X-Correlation-ID": "corr-15",
        "Correlation-ID": "other-15",
      });
      expect(res.headers.get("x-correlation-id")).toBe("corr-15");
      expect(res.headers.get("correlation-id")).toBeNull();
      const result = await client.searchImmunisations(
        { nhsNumber: "9000000009", target: "HPV" },
        { correlationId: "corr-15b" },
      );
      expect(result.total).toBe(3);
    });

    it("16: the mocks add no CORS policy of their own (nhskit's server allows any origin; see README)", async () => {
      const res = await get(`patient.identifier=${JANE}&immunization.target=HPV`, { Origin: "https://example.org" });
      // The hosted mock allows only https://digital.nhs.uk; nhskit's sandbox must serve the playground too.
      expect(res.headers.get("access-control-allow-origin")).toBe(
        target.kind === "http" ? "https://example.org" : null,
      );
    });

    it("17: _ping and health answer; _status needs an apikey", async () => {
      for (const path of ["/_ping", "/health"]) {
        const res = await fetch(`${target.origin}/immunisation-history${path}`);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ status: "pass", ping: "pong", service: "immunisation-history" });
      }
      expect((await fetch(`${target.origin}/immunisation-history/_status`)).status).toBe(401);
      const keyed = await fetch(`${target.origin}/immunisation-history/_status`, { headers: { apikey: "k" } });
      expect(keyed.status).toBe(200);
    });

    it("18: the Postman examples: history found, empty, and an empty NHS number refused", async () => {
      const found = await client.searchImmunisations({ nhsNumber: "9000000009", procedureCode: "90640007" });
      expect(found.total).toBe(2);
      const empty = await client.searchImmunisations({ nhsNumber: "9000000033", procedureCode: "90640007" });
      expect(empty.total).toBe(0);
      const res = await get("patient.identifier=https://fhir.nhs.uk/Id/nhs-number|&procedure-code:below=90640007");
      expect(res.status).toBe(400);
    });
  });
}
