import { readFileSync } from "node:fs";
import { NhsApiError, NhsValidationError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  type CodeSystemConcept,
  createOdsOrdClient,
  DEFAULT_MIN_REQUEST_INTERVAL_MS,
  ODS_ORD_VERSION,
  type Organisation,
  type OrganisationSummary,
  odsCodeOf,
} from "../src/index.js";
import { odsOrdHandlers } from "../src/mocks/index.js";

const BASE = "https://directory.spineservices.nhs.uk/ORD/2-0-0";
const server = setupServer(...odsOrdHandlers());
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

const quick = () => createOdsOrdClient({ environment: "prod", minRequestIntervalMs: 0, retry: false });

describe("createOdsOrdClient", () => {
  it("uses the catalogue's hosts, names the package in the User-Agent, sends no credentials", async () => {
    expect(createOdsOrdClient({ environment: "uat" }).baseUrl).toBe(
      "https://uat.directory.spineservices.nhs.uk/ORD/2-0-0",
    );
    expect(createOdsOrdClient({ environment: "local" }).baseUrl).toBe("http://127.0.0.1:9000/ods-ord/ORD/2-0-0");
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createOdsOrdClient({ environment: "sandbox" as any })).toThrow(/has no "sandbox" environment/);
    await quick().listRecordClasses();
    expect(seen[0]!.headers.get("user-agent")).toContain(`nhskit-ods-ord/${ODS_ORD_VERSION}`);
    expect(seen[0]!.headers.get("authorization")).toBeNull();
    expect(seen[0]!.headers.get("apikey")).toBeNull();
  });

  it("spaces requests 200 ms apart by default (the API's 5 a second), retries included", async () => {
    expect(DEFAULT_MIN_REQUEST_INTERVAL_MS).toBe(200);
    let calls = 0;
    server.use(
      http.get("*/ORD/2-0-0/rels", () =>
        ++calls === 1 ? HttpResponse.json({}, { status: 503, headers: { "Retry-After": "0" } }) : undefined,
      ),
    );
    const ord = createOdsOrdClient({ environment: "prod" });
    const started = Date.now();
    await ord.listRelationshipTypes(); // 503, then a retry that waits for its slot
    await ord.listRecordClasses();
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it("refuses a bad spacing option", () => {
    expect(() => createOdsOrdClient({ environment: "prod", minRequestIntervalMs: -1 })).toThrow(NhsValidationError);
    expect(() => createOdsOrdClient({ environment: "prod", minRequestIntervalMs: Number.NaN })).toThrow(
      /minRequestIntervalMs: must be a number of milliseconds/,
    );
  });

  it("a caller's AbortSignal stops a request waiting for its slot", async () => {
    const ord = createOdsOrdClient({ environment: "prod", minRequestIntervalMs: 5000 });
    await ord.listRecordClasses();
    const controller = new AbortController();
    const waiting = ord.listRoles({ signal: controller.signal });
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(seen).toHaveLength(1);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(ODS_ORD_VERSION).toBe(pkg.version);
  });
});

describe("input checks send nothing", () => {
  it.each([
    [{ Limit: 0 }, /Limit: must be a whole number from 1 to 1000/],
    [{ Limit: 2.5 }, /Limit: must be a whole number/],
    [{ Offset: -20 }, /Offset: must be a whole number from 0 up/],
    [{ LastChangeDate: "2025-13-01" }, /"2025-13-01" must be a real date written YYYY-MM-DD/],
    [{ LastChangeDate: "1 June 2025" }, /must be a real date/],
    [{ Status: "Open" }, /"Open" must be Active or Inactive/],
    [{ OrgRecordClass: "site" }, /must be RC1 \(organisation\) or RC2 \(site\)/],
    [{ PrimaryRoleId: "177" }, /"177" is not a role id/],
    [{ NonPrimaryRoleId: "GP" }, /is not a role id/],
    [{ Roles: [] }, /Roles: must name at least one role/],
    [{ Roles: ["RO197", "trust"] }, /Roles\[1\]: "trust" is not a role id/],
    [{ PostCode: "LS1-4BT" }, /must be an outward code such as LS1, or a full postcode/],
    [{ Name: "" }, /Name: must be 1 to 100 characters/],
    [{ name: "LEEDS" }, /unknown search parameter "name"; ORD knows Name, PostCode/],
    [{ _format: "xml" }, /unknown search parameter "_format"/],
  ])("searchOrganisations %j", async (params, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(quick().searchOrganisations(params as any)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it("reads check their codes and dates", async () => {
    const ord = quick();
    await expect(ord.getOrganisation("X2")).rejects.toThrow(/"X2" is not an ODS code/);
    await expect(ord.getRole("RE3")).rejects.toThrow(/"RE3" is not a role id/);
    await expect(ord.syncOrganisations(new Date("nope"))).rejects.toThrow(/lastChangeDate/);
    expect(() => ord.iterateOrganisations({ Limit: 1001 })).toThrow(NhsValidationError);
    expect(seen).toHaveLength(0);
  });

  it("normalises what the API compares case-insensitively", async () => {
    await quick().searchOrganisations({
      Status: "ACTIVE",
      PrimaryRoleId: "ro182",
      Roles: "ro197",
      OrgRecordClass: "rc1",
    });
    const query = new URL(seen[0]!.url).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      Status: "Active",
      PrimaryRoleId: "RO182",
      Roles: "RO197",
      OrgRecordClass: "RC1",
    });
  });

  it("sends a Date as its day", async () => {
    await quick().syncOrganisations(new Date("2025-06-01T10:00:00Z"));
    expect(new URL(seen[0]!.url).searchParams.get("LastChangeDate")).toBe("2025-06-01");
  });
});

describe("paging without a total", () => {
  it("stops on a short page when the API sends no X-Total-Count", async () => {
    server.use(
      http.get("*/ORD/2-0-0/organisations", ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get("Offset"));
        const items = offset === 0 ? 3 : 1;
        return HttpResponse.json({
          Organisations: Array.from({ length: items }, (_, i) => ({
            Name: `N${offset + i}`,
            OrgId: `Q${offset + i}`,
            Status: "Active",
            OrgLink: `${BASE}/organisations/Q${offset + i}`,
          })),
        });
      }),
    );
    const names: string[] = [];
    for await (const org of quick().iterateOrganisations({ Limit: 3 })) names.push(org.Name);
    expect(names).toEqual(["N0", "N1", "N2", "N3"]);
    expect(seen).toHaveLength(2);
  });
});

describe("errors", () => {
  it("carry the ORD error text as diagnostics", async () => {
    const error = await quick()
      .getOrganisation("QQQ99")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsApiError);
    expect((error as NhsApiError).diagnostics).toBe("Organisation 'QQQ99' not found");
    expect((error as NhsApiError).message).toMatch(/^getOrganisation failed with 404.*Organisation 'QQQ99' not found/);
    expect((error as NhsApiError).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("odsCodeOf reads the code at the end of an OrgLink", () => {
    expect(odsCodeOf(`${BASE}/organisations/X26`)).toBe("X26");
    expect(odsCodeOf(`${BASE}/organisations/X26?_format=xml`)).toBe("X26");
    expect(odsCodeOf("https://example.org/")).toBeUndefined();
  });
});

describe("types", () => {
  it("gives typed ORD records", async () => {
    const ord = quick();
    const org = await ord.getOrganisation("X26");
    expectTypeOf(org).toEqualTypeOf<Organisation>();
    expectTypeOf(org.Roles).not.toBeNever();
    expectTypeOf((await ord.searchOrganisations()).organisations).toEqualTypeOf<OrganisationSummary[]>();
    expectTypeOf(await ord.listRoles()).toEqualTypeOf<CodeSystemConcept[]>();
    expect(org.OrgId.extension).toBe("X26");
  });
});
