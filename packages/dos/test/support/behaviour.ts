import { NhsApiError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDosClient, type DosClient, type DosSearchResult } from "../../src/index.js";
import { GP_PRACTICE_ID } from "../../src/mocks/index.js";
import { type Target, testBasicAuth } from "./targets.js";

/** The error a call throws (fails the test if it does not throw). */
async function failure(promise: Promise<unknown>): Promise<NhsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(NhsApiError);
  return error as NhsApiError;
}

const ids = (r: DosSearchResult) => r.services.map((s) => s.id);
const rash = { symptomGroupId: 1011, symptomDiscriminatorId: 4003 } as const;

/**
 * There is no DoS sandbox and so no sandbox-facts file: this suite checks the mock and the client against the
 * behaviour the DoS documentation describes (specs/dos/SOURCE.md), over HTTP and in-process.
 */
export function dosBehaviour(name: string, start: () => Promise<Target>) {
  describe(`DoS documented behaviour (${name})`, () => {
    let target: Target;
    let directory: DosClient;
    const auth = testBasicAuth("dos-user", "s3cret-pass");
    const get = (path: string) =>
      fetch(`${target.baseUrl}${path}`, { headers: { Authorization: `Basic ${btoa("dos-user:s3cret-pass")}` } });
    const segments = (postcode: string, distance: string, gp: string, age: string, gender: string, last: string) =>
      `/byClinicalTerm/TEST/${postcode}/${distance}/${gp}/${age}/${gender}/0/${last}/0`;

    beforeAll(async () => {
      target = await start();
      directory = createDosClient({ baseUrl: target.baseUrl, auth, retry: false });
    });
    afterAll(() => target.close());

    it("D1: no or wrong credentials are 401 with the documented message", async () => {
      for (const client of [
        createDosClient({ baseUrl: target.baseUrl, retry: false }),
        createDosClient({ baseUrl: target.baseUrl, retry: false, auth: testBasicAuth("dos-user", "wrong-pass") }),
      ]) {
        const error = await failure(client.getServiceById(2000002));
        expect([error.status, error.code, error.diagnostics]).toEqual([
          401,
          "401",
          "Unauthorized: You are not authorized to access this resource.",
        ]);
        expect(error.message).not.toContain("wrong-pass");
      }
    });

    it("D2: searchByClinicalTerm sends 0 for every unused segment, TEST as the case id, SGID=SDID as is", async () => {
      const before = target.requests().length;
      const result = await directory.searchByClinicalTerm({ postcode: "LS1 4HR", ...rash });
      expect(target.requests().slice(before)[0]).toBe(
        "GET /dos/app/controllers/api/v1.0/services/byClinicalTerm/TEST/LS1%204HR/0/0/0/0/0/1011=4003/0",
      );
      expect(result.serviceCount).toBe(result.services.length);
      const distances = result.services.map((s) => s.distance as number);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(ids(result).slice(0, 2).sort()).toEqual([2000002, 2000010]);
    });

    it("D3: searchByServiceType joins the type ids with commas, at most numberPerType per type", async () => {
      const before = target.requests().length;
      const result = await directory.searchByServiceType({
        postcode: "LS9 7TA",
        searchDistance: 10,
        serviceTypeIds: [40, 13],
        numberPerType: 1,
      });
      expect(target.requests().slice(before)[0]).toBe(
        "GET /dos/app/controllers/api/v1.0/services/byServiceType/TEST/LS9%207TA/10/0/0/0/0/40,13/1",
      );
      expect(ids(result)).toEqual([2000005, 2000003]);
    });

    it("D4: getServicesByOdsCode returns every active service with the code (duplicates happen)", async () => {
      const result = await directory.getServicesByOdsCode("rx801");
      expect(ids(result as unknown as DosSearchResult).sort()).toEqual([2000002, 2000010]);
      expect(result.services[0]).toHaveProperty("symptomGroups");
      expect((await directory.getServicesByOdsCode("Y90002")).serviceCount).toBe(0); // closed
    });

    it("D5: getServiceById returns at most one active service", async () => {
      const result = await directory.getServiceById(2000003);
      expect([result.serviceCount, result.services[0]?.name]).toEqual([1, "Headingley Pharmacy"]);
      expect((await directory.getServiceById("2000011")).services).toEqual([]);
    });

    it("D6: results are nearest first, but a service listing the patient's GP practice comes first", async () => {
      const plain = await directory.searchByClinicalTerm({ postcode: "LS9 7TA", searchDistance: 5, ...rash });
      expect(ids(plain)[0]).toBe(2000001);
      const withGp = await directory.searchByClinicalTerm({
        postcode: "LS9 7TA",
        searchDistance: 5,
        gpPracticeId: GP_PRACTICE_ID,
        ...rash,
      });
      expect(ids(withGp)[0]).toBe(2000005);
    });

    it("D7: searchDistance 0 means 37.5 miles; it may be a decimal", async () => {
      const wide = await directory.searchByClinicalTerm({ postcode: "LS1 4HR", ...rash, numberPerType: 10 });
      expect(ids(wide)).toContain(2000008); // Manchester, about 36 miles away
      const near = await directory.searchByClinicalTerm({
        postcode: "LS1 4HR",
        searchDistance: 2.5,
        ...rash,
        numberPerType: 10,
      });
      expect(ids(near)).not.toContain(2000007);
      expect(near.services.every((s) => (s.distance as number) <= 2.5)).toBe(true);
    });

    it("D8: numberPerType 0 means 5 per type", async () => {
      const result = await directory.searchByClinicalTerm({ postcode: "LS1 4HR", searchDistance: 100, ...rash });
      const perType = new Map<number, number>();
      for (const s of result.services) {
        const type = (s.type as { id: number }).id;
        perType.set(type, (perType.get(type) ?? 0) + 1);
      }
      expect(Math.max(...perType.values())).toBeLessThanOrEqual(5);
      expect(result.services.length).toBeGreaterThan(5);
    });

    it("D9: age group and gender narrow the search", async () => {
      const adult = await directory.searchByClinicalTerm({
        postcode: "LS9 7TA",
        searchDistance: 5,
        ageGroup: 1,
        ...rash,
      });
      expect(ids(adult)).not.toContain(2000005);
      const male = await directory.searchByClinicalTerm({
        postcode: "LS9 7TA",
        searchDistance: 5,
        gender: "M",
        ...rash,
      });
      expect(ids(male)).not.toContain(2000006);
    });

    it("D10: no match is a 200 with serviceCount 0", async () => {
      const none = await directory.searchByClinicalTerm({
        postcode: "B11 1AA",
        searchDistance: 1,
        symptomGroupId: 9999,
        symptomDiscriminatorId: 1,
      });
      expect([none.serviceCount, none.services]).toEqual([0, []]);
    });

    describe("D11: the documented 400 messages, and the client refusing first", () => {
      const cases: Array<[string, string, Record<string, unknown>]> = [
        [segments("0", "0", "0", "0", "0", "1011=4003"), "Postcode must be provided", { postcode: "" }],
        [segments("ZZ1%201ZZ", "0", "0", "0", "0", "1011=4003"), "Invalid post code", { postcode: "not a postcode" }],
        [
          segments("LS1%204HR", "ten", "0", "0", "0", "1011=4003"),
          "Search distance must be numeric",
          { searchDistance: "ten" },
        ],
        [
          segments("LS1%204HR", "101", "0", "0", "0", "1011=4003"),
          "Search distance must be no more than 100",
          { searchDistance: 101 },
        ],
        [
          segments("LS1%204HR", "0", "0", "5", "0", "1011=4003"),
          "The age group ID must be one of the following: 1, 2, 3, 4, 8",
          { ageGroup: 5 },
        ],
        [
          segments("LS1%204HR", "0", "0", "0", "m", "1011=4003"),
          "The gender must be one of the following: M, F, I (case sensitive)",
          { gender: "m" },
        ],
        [
          segments("LS1%204HR", "0", "0", "0", "0", "1011"),
          'Invalid "SymptomGroupId=SymptomDiscriminatorId" combination supplied',
          { symptomDiscriminatorId: 0 },
        ],
      ];
      it.each(cases)("%s", async (path, message, bad) => {
        const res = await get(path);
        expect([res.status, await res.json()]).toEqual([
          400,
          { error: { code: 400, message: `Bad Request: ${message}` } },
        ]);
        const before = target.requests().length;
        const error = await directory
          .searchByClinicalTerm({ postcode: "LS1 4HR", ...rash, ...bad } as never)
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NhsValidationError);
        expect((error as NhsValidationError).issues.map((i) => i.message)).toContain(message);
        expect(target.requests().length).toBe(before);
      });

      it("an unknown GP practice id is only known to the API: 400 through the client", async () => {
        const error = await failure(directory.searchByClinicalTerm({ postcode: "LS1 4HR", gpPracticeId: 42, ...rash }));
        expect([error.status, error.diagnostics]).toEqual([
          400,
          "Bad Request: The supplied service ID of the patient's practice does not exist in the system",
        ]);
      });
    });

    it("D12: outside live the case id must be TEST; the client refuses anything else, sending nothing", async () => {
      const before = target.requests().length;
      await expect(
        directory.searchByServiceType({ postcode: "LS1 4HR", serviceTypeIds: [40], caseId: "CASE-1" }),
      ).rejects.toThrow(/caseId: must be TEST outside the live environment/);
      expect(() => createDosClient({ baseUrl: target.baseUrl, caseId: "CASE-1" })).toThrow(
        /must be TEST outside the live/,
      );
      expect(target.requests().length).toBe(before);
    });
  });
}
