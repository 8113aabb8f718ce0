import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOdsOrdClient, type OdsOrdClient } from "../src/index.js";
import { httpTarget, type Target } from "./support/targets.js";

// Every ORD operation through its named method, against the mocks over real HTTP (no msw in this file).
describe("ODS ORD operations over real HTTP", () => {
  let target: Target;
  let ord: OdsOrdClient;
  const last = () => target.seen().at(-1)?.split("?")[0]?.replace("/ods-ord/ORD/2-0-0", "");
  beforeAll(async () => {
    target = await httpTarget();
    ord = createOdsOrdClient({ baseUrl: target.baseUrl, minRequestIntervalMs: 0, retry: false });
  });
  afterAll(() => target.close());

  it("searchOrganisations and iterateOrganisations (GET /organisations)", async () => {
    expect((await ord.searchOrganisations({ Name: "trust" })).organisations.map((o) => o.OrgId)).toEqual(["RR8"]);
    let count = 0;
    for await (const _ of ord.iterateOrganisations({ Roles: "RO182", Limit: 1000 })) count++;
    expect(count).toBe(45);
    expect(last()).toBe("/organisations");
  });

  it("getOrganisation (GET /organisations/{odsCode})", async () => {
    expect((await ord.getOrganisation("G81086")).Name).toBe("BIRD-IN-EYE SURGERY");
    expect(last()).toBe("/organisations/G81086");
  });

  it("syncOrganisations (GET /sync)", async () => {
    expect((await ord.syncOrganisations("2023-11-01")).odsCodes).toContain("RR8");
    expect(last()).toBe("/sync");
  });

  it("listRoles, getRole, listRelationshipTypes, listRecordClasses", async () => {
    expect((await ord.listRoles()).length).toBeGreaterThan(5);
    expect(last()).toBe("/roles");
    expect((await ord.getRole("RO177"))?.displayName).toBe("PRESCRIBING COST CENTRE");
    expect(last()).toBe("/roles/RO177");
    expect((await ord.listRelationshipTypes()).length).toBeGreaterThan(0);
    expect(last()).toBe("/rels");
    expect((await ord.listRecordClasses()).length).toBe(2);
    expect(last()).toBe("/recordclasses");
  });
});
