import { NhsApiError, NhsValidationError } from "@nhskit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOdsOrdClient, type OdsOrdClient, type OrganisationSummary } from "../../src/index.js";
import type { Target } from "./targets.js";

async function failure<E extends Error>(promise: Promise<unknown>, type: new (...a: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(type);
  return error as E;
}

/**
 * ORD has no hosted sandbox and no sandbox-facts file; this suite holds the mocks (and the client) to the
 * behaviour the ORD documentation describes (specs/ods-ord/SOURCE.md), numbered here for reference.
 */
export function documentedBehaviour(name: string, start: () => Promise<Target>) {
  describe(`ODS ORD documented behaviour (${name})`, () => {
    let target: Target;
    let ord: OdsOrdClient;
    const get = (path: string, init?: RequestInit) => fetch(`${target.baseUrl}${path}`, init);
    const codes = (list: OrganisationSummary[]) => list.map((o) => o.OrgId);

    async function refusedThenRaw(call: () => Promise<unknown>, path: string) {
      const before = target.received();
      const error = await failure(call(), NhsValidationError);
      expect(target.received(), "the client sent nothing").toBe(before);
      const res = await get(path);
      return { error, res, body: await res.json() };
    }

    beforeAll(async () => {
      target = await start();
      ord = createOdsOrdClient({ baseUrl: target.baseUrl, retry: false, minRequestIntervalMs: 0 });
    });
    afterAll(() => target.close());

    it("1: open access: no key, no token", async () => {
      const res = await get("/organisations/X26");
      expect(res.status).toBe(200);
      expect((await ord.getOrganisation("X26")).Name).toBe("NHS DIGITAL");
    });

    it("2: JSON by default; _format=xml answers XML whose OrgLinks carry ?_format=xml; _format is case-sensitive", async () => {
      const json = await get("/organisations?Name=NHS%20DIGITAL");
      expect(json.headers.get("content-type")).toContain("application/json");
      const xml = await get("/organisations?Name=NHS%20DIGITAL&_format=xml");
      const text = await xml.text();
      expect(text).toMatch(/<Organisations><Organisation><Name>NHS DIGITAL<\/Name>/);
      expect(text).toMatch(/<OrgLink>[^<]*\/organisations\/X26\?_format=xml<\/OrgLink>/);
      const full = await (await get("/organisations/X26?_format=application/xml")).text();
      expect(full).toContain("<Role><id>RO116</id>");
      expect((await get("/organisations/X26?_format=XML")).status).toBe(400);
    });

    it("3: a search answers summary records", async () => {
      const { organisations } = await ord.searchOrganisations({ Name: "nhs digital" });
      expect(organisations).toEqual([
        {
          Name: "NHS DIGITAL",
          OrgId: "X26",
          Status: "Active",
          OrgRecordClass: "RC1",
          PostCode: "LS1 6AE",
          LastChangeDate: "2016-09-09",
          PrimaryRoleId: "RO116",
          PrimaryRoleDescription: expect.any(String),
          OrgLink: `${target.baseUrl}/organisations/X26`,
        },
      ]);
    });

    it("4: Name matches any part of the name, ignoring case", async () => {
      expect(codes((await ord.searchOrganisations({ Name: "in-eye" })).organisations)).toEqual(["G81086"]);
    });

    it("5: PostCode: an outward code matches exactly that outward code; a full postcode with or without its space", async () => {
      const ls1 = await ord.searchOrganisations({ PostCode: "ls1", Limit: 100 });
      expect(ls1.organisations.every((o) => o.PostCode?.split(" ")[0] === "LS1")).toBe(true);
      expect(ls1.totalCount).toBe(31); // 30 pharmacies and X26, none of the LS10 ones
      expect(codes((await ord.searchOrganisations({ PostCode: "LS16AE" })).organisations)).toEqual(["X26"]);
      expect(codes((await ord.searchOrganisations({ PostCode: "ls1 6ae" })).organisations)).toEqual(["X26"]);
    });

    it("6: LastChangeDate: records changed on or after the date", async () => {
      const { organisations } = await ord.searchOrganisations({ LastChangeDate: "2025-06-01", Limit: 100 });
      expect(organisations.length).toBeGreaterThan(0);
      expect(organisations.every((o) => (o.LastChangeDate ?? "") >= "2025-06-01")).toBe(true);
      const { res, body } = await refusedThenRaw(
        () => ord.searchOrganisations({ LastChangeDate: "2025-02-30" }),
        "/organisations?LastChangeDate=2025-02-30",
      );
      expect(res.status).toBe(400);
      expect(body.errorText).toContain("LastChangeDate");
    });

    it("7: Status is Active or Inactive, in any case", async () => {
      const inactive = await ord.searchOrganisations({ Status: "inactive", Limit: 100 });
      expect(codes(inactive.organisations).sort()).toEqual(["FZZ15", "FZZ30", "FZZ45", "ZX101"]);
      const { res } = await refusedThenRaw(
        () => ord.searchOrganisations({ Status: "Closed" }),
        "/organisations?Status=Closed",
      );
      expect(res.status).toBe(400);
    });

    it("8: PrimaryRoleId and NonPrimaryRoleId, role ids in any case", async () => {
      expect(codes((await ord.searchOrganisations({ PrimaryRoleId: "ro197" })).organisations)).toEqual(["RR8"]);
      expect(codes((await ord.searchOrganisations({ NonPrimaryRoleId: "RO76" })).organisations)).toEqual([
        "G81086",
        "ZX101",
      ]);
      // RO76 is never a primary role.
      expect((await ord.searchOrganisations({ PrimaryRoleId: "RO76" })).organisations).toEqual([]);
    });

    it("9: Roles matches any of several roles, primary or not", async () => {
      const { organisations } = await ord.searchOrganisations({ Roles: ["RO197", "RO107"] });
      expect(codes(organisations)).toEqual(["RR8", "VZZ01"]);
      const sent = target.seen().at(-1) ?? "";
      expect(new URLSearchParams(sent.slice(sent.indexOf("?"))).get("Roles")).toBe("RO197,RO107");
    });

    it("10: OrgRecordClass is RC1 (organisation) or RC2 (site)", async () => {
      expect(codes((await ord.searchOrganisations({ OrgRecordClass: "RC2" })).organisations)).toEqual(["VZZ01"]);
      const { res } = await refusedThenRaw(
        () => ord.searchOrganisations({ OrgRecordClass: "RC3" }),
        "/organisations?OrgRecordClass=RC3",
      );
      expect(res.status).toBe(400);
    });

    it("11: pages hold 20 records by default and at most 1,000; Offset skips", async () => {
      const first = await ord.searchOrganisations({ PrimaryRoleId: "RO182" });
      expect(first.organisations).toHaveLength(20);
      expect(first.totalCount).toBe(45);
      const second = await ord.searchOrganisations({ PrimaryRoleId: "RO182", Offset: 40 });
      expect(codes(second.organisations)).toEqual(["FZZ41", "FZZ42", "FZZ43", "FZZ44", "FZZ45"]);
      const { error, res } = await refusedThenRaw(
        () => ord.searchOrganisations({ Limit: 1001 }),
        "/organisations?Limit=1001",
      );
      expect(error.message).toMatch(/Limit: must be a whole number from 1 to 1000/);
      expect(res.status).toBe(400);
    });

    it("12: paging walks every page through Limit/Offset and X-Total-Count", async () => {
      const all: string[] = [];
      const sizes: number[] = [];
      for await (const page of ord.iterateOrganisations({ PrimaryRoleId: "RO182", Limit: 20 }).byPage()) {
        sizes.push(page.organisations.length);
        all.push(...codes(page.organisations));
      }
      expect(sizes).toEqual([20, 20, 5]);
      expect(new Set(all).size).toBe(45);
      const offsets = target
        .seen()
        .slice(-3)
        .map((p) => new URLSearchParams(p.slice(p.indexOf("?"))).get("Offset"));
      expect(offsets).toEqual(["0", "20", "40"]);
    });

    it("13: the full record of X26 is the documented example", async () => {
      const org = await ord.getOrganisation("X26");
      expect(org).toMatchObject({
        Name: "NHS DIGITAL",
        OrgId: { root: "2.16.840.1.113883.2.1.3.2.4.18.48", assigningAuthorityName: "HSCIC", extension: "X26" },
        Status: "Active",
        LastChangeDate: "2016-09-09",
        orgRecordClass: "RC1",
        GeoLoc: { Location: { AddrLn1: "1 TREVELYAN SQUARE", PostCode: "LS1 6AE", County: "WEST YORKSHIRE" } },
        Roles: { Role: [{ id: "RO116", uniqueRoleId: 166234, primaryRole: true, Status: "Active" }] },
        Rels: { Rel: [{ id: "RE3", uniqueRelId: 189272, Target: { OrgId: { extension: "XDH" } } }] },
        Succs: { Succ: [{ uniqueSuccId: 36589, Type: "Predecessor", Target: { OrgId: { extension: "T1430" } } }] },
      });
    });

    it("14: an unknown ODS code is 404", async () => {
      const error = await failure(ord.getOrganisation("QQQ99"), NhsApiError);
      expect(error.status).toBe(404);
      expect(error.diagnostics).toBe("Organisation 'QQQ99' not found");
      const before = target.received();
      await expect(ord.getOrganisation("X 26")).rejects.toThrow(/"X 26" is not an ODS code/);
      expect(target.received()).toBe(before);
    });

    it("15: /sync lists links to every record changed on or after the date", async () => {
      const { links, odsCodes } = await ord.syncOrganisations("2025-06-01");
      expect(links.every((l) => l.startsWith(`${target.baseUrl}/organisations/`))).toBe(true);
      expect(odsCodes.length).toBeGreaterThan(0);
      const expected = (await ord.searchOrganisations({ LastChangeDate: "2025-06-01", Limit: 1000 })).organisations;
      expect(odsCodes.sort()).toEqual(codes(expected).sort());
      const missing = await get("/sync");
      expect(missing.status).toBe(400);
      await expect(ord.syncOrganisations("01/06/2025")).rejects.toThrow(/must be a real date written YYYY-MM-DD/);
    });

    it("16: the code systems: roles (one or all), relationship types, record classes", async () => {
      const roles = await ord.listRoles();
      expect(roles.find((r) => r.code === "RO177")).toMatchObject({
        displayName: "PRESCRIBING COST CENTRE",
        primaryRole: "true",
      });
      expect(await ord.getRole("ro76")).toMatchObject({ code: "RO76", primaryRole: "false" });
      expect((await ord.listRelationshipTypes()).map((r) => r.code)).toContain("RE3");
      expect((await ord.listRecordClasses()).map((r) => [r.code, r.displayName])).toEqual([
        ["RC1", "HSCOrg"],
        ["RC2", "HSCSite"],
      ]);
      expect((await failure(ord.getRole("RO9999"), NhsApiError)).status).toBe(404);
    });

    it("17: fair use (5 requests a second): requests are spaced by default", async () => {
      const spaced = createOdsOrdClient({ baseUrl: target.baseUrl, minRequestIntervalMs: 60 });
      const started = Date.now();
      await Promise.all([spaced.listRecordClasses(), spaced.listRecordClasses(), spaced.listRecordClasses()]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    });

    it("18: the API is read-only: other methods are refused", async () => {
      const res = await get("/organisations", { method: "POST", body: "{}" });
      expect(res.status).toBe(405);
    });
  });
}
