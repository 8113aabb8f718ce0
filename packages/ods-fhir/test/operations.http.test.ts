import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOdsFhirClient, ODS_SYSTEMS, type OdsFhirClient, type OrganizationAffiliation } from "../src/index.js";
import { httpTarget, type Target } from "./support/targets.js";

// Every ODS FHIR operation through its named method, against the mocks over real HTTP (no msw in this file).
describe("ODS FHIR operations over real HTTP", () => {
  let target: Target;
  let ods: OdsFhirClient;
  const last = () => target.seen().at(-1)?.split("?")[0]?.replace("/organisation-data-terminology-api/fhir", "");
  beforeAll(async () => {
    target = await httpTarget();
    ods = createOdsFhirClient({ baseUrl: target.baseUrl, retry: false });
  });
  afterAll(() => target.close());

  it("searchOrganizations, iterateOrganizations, countOrganizations (GET /Organization)", async () => {
    const page = await ods.searchOrganizations({
      "name:contains": "PHARMACY",
      _count: 5,
      _revinclude: "OrganizationAffiliation:primary-organization",
    });
    expect(page.resources).toHaveLength(5);
    const codes: string[] = [];
    for await (const org of ods.iterateOrganizations({ "address-postalcode": "LS1", roleCode: "RO182", _count: 7 })) {
      codes.push(org.id ?? "");
    }
    expect(codes).toHaveLength(25);
    expect(await ods.countOrganizations({ active: false })).toBe(1);
    expect(last()).toBe("/Organization");
  });

  it("getOrganization (GET /Organization/{id})", async () => {
    expect((await ods.getOrganization("C4O9I")).name).toBe("WM BROWN (KINGSHURST) LIMITED");
    expect(last()).toBe("/Organization/C4O9I");
  });

  it("searchAffiliations, iterateAffiliations, countAffiliations (GET /OrganizationAffiliation)", async () => {
    const page = await ods.searchAffiliations({ "participating-organization": "QF7" });
    expect(page.resources.map((a) => a.id)).toEqual(["900102", "900104"]);
    const all: OrganizationAffiliation[] = [];
    for await (const a of ods.iterateAffiliations({ "primary-organization": "G81086", _count: 1 })) all.push(a);
    expect(all.map((a) => a.id)).toEqual(["617400", "900101", "900102"]);
    expect(await ods.countAffiliations({ active: false })).toBe(1);
    expect(last()).toBe("/OrganizationAffiliation");
  });

  it("getAffiliation (GET /OrganizationAffiliation/{id})", async () => {
    expect((await ods.getAffiliation("617400")).participatingOrganization?.identifier?.value).toBe("U36842");
    expect(last()).toBe("/OrganizationAffiliation/617400");
  });

  it("getDeletionList (GET /List/{id})", async () => {
    expect((await ods.getDeletionList("OrganizationAffiliation-deletion")).entry).toHaveLength(1);
    expect(last()).toBe("/List/OrganizationAffiliation-deletion");
  });

  it("searchCodeSystems (GET /CodeSystem/)", async () => {
    const { resources } = await ods.searchCodeSystems({ system: ODS_SYSTEMS.recordClass, _summary: false });
    expect(resources[0]?.concept?.map((c) => c.code)).toEqual(["RC1", "RC2"]);
    expect(last()).toBe("/CodeSystem/");
  });

  it("expandValueSet and iterateExpansion (POST /ValueSet/$expand)", async () => {
    const roles = await ods.expandValueSet({
      system: ODS_SYSTEMS.organisationRole,
      filters: [{ property: "primaryRole", op: "=", value: "false" }],
    });
    expect(roles.contains.map((c) => c.code)).toEqual(["RO7", "RO76"]);
    const changed: string[] = [];
    for await (const code of ods.iterateExpansion({
      system: ODS_SYSTEMS.odsOrganizationCode,
      filters: [{ property: "primaryRole", op: "=", value: "RO182" }],
      count: 10,
    })) {
      changed.push(code.code ?? "");
    }
    expect(changed).toHaveLength(25);
    expect(last()).toBe("/ValueSet/$expand");
  });

  it("getCapabilityStatement (GET /metadata)", async () => {
    expect((await ods.getCapabilityStatement()).resourceType).toBe("CapabilityStatement");
    expect(last()).toBe("/metadata");
  });
});
