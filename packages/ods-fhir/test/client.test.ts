import { readFileSync } from "node:fs";
import { NhsValidationError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  type CodeSystem,
  createOdsFhirClient,
  expansionParameters,
  type List,
  ODS_FHIR_VERSION,
  ODS_SYSTEMS,
  type Organization,
  type OrganizationAffiliation,
  type ValueSetContains,
} from "../src/index.js";
import { odsFhirHandlers } from "../src/mocks/index.js";

const server = setupServer(...odsFhirHandlers());
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

describe("createOdsFhirClient", () => {
  it("names the package in the User-Agent and sends repeated parameters as repeats", async () => {
    const ods = createOdsFhirClient({ environment: "sandbox" });
    await ods.searchOrganizations({ roleCode: ["RO177", "RO76"], lastChangeDate: ["gt2020-01-01", "lt2030-01-01"] });
    const query = new URL(seen[0]!.url).searchParams;
    expect(query.getAll("roleCode")).toEqual(["RO177", "RO76"]);
    expect(query.getAll("lastChangeDate")).toEqual(["gt2020-01-01", "lt2030-01-01"]);
    expect(seen[0]!.headers.get("user-agent")).toContain(`nhskit-ods-fhir/${ODS_FHIR_VERSION}`);
  });

  it("posts $expand as FHIR JSON Parameters built from typed input", async () => {
    const ods = createOdsFhirClient({ environment: "sandbox" });
    await ods.expandValueSet({ system: ODS_SYSTEMS.recordClass, count: 1, activeOnly: true, properties: ["x"] });
    expect(seen[0]!.headers.get("content-type")).toBe("application/fhir+json");
    expect(await seen[0]!.json()).toEqual(
      expansionParameters({ system: ODS_SYSTEMS.recordClass, count: 1, activeOnly: true, properties: ["x"] }),
    );
  });

  it("passes a Parameters resource through untouched", async () => {
    const ods = createOdsFhirClient({ environment: "sandbox" });
    const body = expansionParameters({ system: ODS_SYSTEMS.relationship });
    const { contains } = await ods.expandValueSet(body);
    expect(contains.map((c) => c.code)).toEqual(["RE4", "RE5", "RE6", "RE8"]);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(ODS_FHIR_VERSION).toBe(pkg.version);
  });

  it("refuses an environment ODS does not offer", () => {
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createOdsFhirClient({ environment: "dep" as any })).toThrow(/has no "dep" environment/);
  });
});

describe("input checks send nothing", () => {
  const ods = createOdsFhirClient({ environment: "sandbox" });
  const none = () => expect(seen).toHaveLength(0);

  it.each([
    [{ _id: "R R8" }, /_id: "R R8" is not an ODS code/],
    [{ identifier: "https://example.org|RR8" }, /identifier: .* must be an ODS code such as G81086/],
    [{ name: "Le" }, /name: "Le" must be 3 to 100 characters/],
    [{ "name:contains": "A".repeat(101) }, /must be 3 to 100 characters/],
    [{ "name:exact": "LEEDS <TRUST>" }, /must be 3 to 100 characters from A-Z/],
    [{ "address-postalcode": "L" }, /at least 2 characters, only letters, digits and spaces/],
    [{ "address-city": "LEEDS!" }, /only letters, digits and spaces/],
    [{ lastChangeDate: "2024-02-30x" }, /must be YYYY-MM-DD, optionally prefixed/],
    [{ lastChangeDate: ["gt2024-01-01", "after2024"] }, /lastChangeDate\[1\]: "after2024" must be YYYY-MM-DD/],
    [{ roleCode: "RO197;RO198" }, /must be role ids such as RO197, comma-separated/],
    [{ roleCode: "NHS TRUST" }, /must be role ids/],
    [{ active: "yes" }, /active: must be true or false/],
    [{ _count: -1 }, /_count: must be a whole number, 0 or more/],
    [{ _offset: 1.5 }, /_offset: must be a whole number/],
    [{ _summary: "true" }, /_summary: must be "count"/],
    [
      { _revinclude: "Organization:partof" },
      /_revinclude: must be an OrganizationAffiliation include or a list of them/,
    ],
    [{ "address-state": "YORKSHIRE" }, /unknown search parameter "address-state"/],
  ])("searchOrganizations %j", async (params, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(ods.searchOrganizations(params as any)).rejects.toThrow(message);
    none();
  });

  it.each([
    [{ "primary-organization": "Organization/G81086" }, /is not an ODS code/],
    [{ _include: "OrganizationAffiliation:location" }, /_include: must be an include or a list of them/],
    [{ role: "RE8" }, /unknown search parameter "role"; searchAffiliations takes/],
  ])("searchAffiliations %j", async (params, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(ods.searchAffiliations(params as any)).rejects.toThrow(message);
    none();
  });

  it("reads, lists and code systems check their ids", async () => {
    await expect(ods.getOrganization("")).rejects.toThrow(NhsValidationError);
    await expect(ods.getAffiliation("617/400")).rejects.toThrow(/is not a FHIR id/);
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    await expect(ods.getDeletionList("Practitioner-deletion" as any)).rejects.toThrow(
      /id: must be one of Organization-deletion, OrganizationAffiliation-deletion/,
    );
    await expect(ods.searchCodeSystems({ system: "ODSRecordClass" })).rejects.toThrow(/is not an absolute URI/);
    none();
  });

  it.each([
    [{ system: ODS_SYSTEMS.recordClass, count: 0 }, /count: must be a whole number from 1 to 50000/],
    [
      { system: ODS_SYSTEMS.recordClass, filters: [{ property: "x", op: "~", value: "1" }] },
      /op: must be one of =, is-a/,
    ],
    [{ system: ODS_SYSTEMS.recordClass, size: 5 }, /unknown field "size"; expandValueSet takes/],
    [{ filters: [] }, /input.system: must be a code system URI/],
    [{ resourceType: "ValueSet" }, /must be a Parameters resource or/],
  ])("expandValueSet %j", async (input, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(ods.expandValueSet(input as any)).rejects.toThrow(message);
    none();
  });

  it("iterators check before their first request", () => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    expect(() => ods.iterateOrganizations({ _count: "10" as any })).toThrow(/_count: must be a whole number/);
    none();
  });
});

describe("paging", () => {
  it("stops at maxPages and never follows a link to another host", async () => {
    const ods = createOdsFhirClient({ environment: "sandbox" });
    const pages: number[] = [];
    for await (const bundle of ods.iterateOrganizations({ roleCode: "RO182", _count: 5 }, { maxPages: 2 }).byPage()) {
      pages.push(bundle.entry?.length ?? 0);
    }
    expect(pages).toEqual([5, 5]);

    server.use(
      http.get("*/organisation-data-terminology-api/fhir/Organization", () =>
        HttpResponse.json({
          resourceType: "Bundle",
          type: "searchset",
          link: [{ relation: "next", url: "https://elsewhere.example/Organization?_offset=5" }],
          entry: [],
        }),
      ),
    );
    const iterate = async () => {
      for await (const _ of ods.iterateOrganizations({ roleCode: "RO182" })) {
        // drain
      }
    };
    await expect(iterate()).rejects.toThrow(/only follows links on the API's own origin/);
  });
});

describe("types", () => {
  it("gives typed FHIR resources", async () => {
    const ods = createOdsFhirClient({ environment: "sandbox" });
    const org = await ods.getOrganization("RR8");
    expectTypeOf(org).toEqualTypeOf<Organization>();
    expectTypeOf(org.extension).not.toBeNever();
    expectTypeOf((await ods.searchAffiliations()).resources).toEqualTypeOf<OrganizationAffiliation[]>();
    expectTypeOf(await ods.getDeletionList("Organization-deletion")).toEqualTypeOf<List>();
    expectTypeOf((await ods.searchCodeSystems()).resources).toEqualTypeOf<CodeSystem[]>();
    expectTypeOf((await ods.expandValueSet({ system: ODS_SYSTEMS.recordClass })).contains).toEqualTypeOf<
      ValueSetContains[]
    >();
    expect(org.resourceType).toBe("Organization");
  });
});
