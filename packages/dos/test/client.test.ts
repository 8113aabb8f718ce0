import { readFileSync } from "node:fs";
import { NhsApiError, type NhsValidationError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createDosClient,
  DOS_LIVE_BASE_URL,
  DOS_VERSION,
  dosPathSerializer,
  type LookupService,
  type SearchService,
} from "../src/index.js";
import { dosHandlers } from "../src/mocks/index.js";
import { testBasicAuth } from "./support/targets.js";

const server = setupServer(...dosHandlers());
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

const auth = testBasicAuth("dos-user", "s3cret-pass");
const directory = createDosClient({ environment: "local", auth, retry: false });
const rash = { postcode: "LS1 4HR", symptomGroupId: 1011, symptomDiscriminatorId: 4003 } as const;

/** Answers every live call with an empty success and records the path. */
function liveServer() {
  const paths: string[] = [];
  server.use(
    http.get(`${DOS_LIVE_BASE_URL}/*`, ({ request }) => {
      paths.push(new URL(request.url).pathname);
      return HttpResponse.json({ success: { serviceCount: 0, services: [] } });
    }),
  );
  return paths;
}

describe("createDosClient", () => {
  it("sends basic credentials and a User-Agent naming the package", async () => {
    await directory.getServiceById(2000003);
    expect(seen[0]!.headers.get("authorization")).toBe(`Basic ${btoa("dos-user:s3cret-pass")}`);
    expect(seen[0]!.headers.get("user-agent")).toContain(`nhskit-dos/${DOS_VERSION}`);
  });

  it("is not live outside prod: TEST is the default case id and the only one allowed", async () => {
    expect(directory.live).toBe(false);
    expect(createDosClient({ environment: "uat", auth }).live).toBe(false);
    expect(() => createDosClient({ environment: "uat", caseId: "1234" })).toThrow(
      /caseId: must be TEST outside the live environment \(got "1234"\)/,
    );
  });

  it("is live for environment prod or the live base URL: real case ids, 0 by default", async () => {
    const paths = liveServer();
    const prod = createDosClient({ environment: "prod", auth });
    expect(prod.live).toBe(true);
    await prod.searchByClinicalTerm(rash);
    await prod.searchByClinicalTerm({ ...rash, caseId: "CASE-77" });
    const byUrl = createDosClient({ baseUrl: DOS_LIVE_BASE_URL, auth, caseId: "CASE-9" });
    expect(byUrl.live).toBe(true);
    await byUrl.searchByServiceType({ postcode: "LS1 4HR", serviceTypeIds: [40] });
    expect(paths.map((p) => p.split("/")[7])).toEqual(["0", "CASE-77", "CASE-9"]);
    await expect(prod.searchByClinicalTerm({ ...rash, caseId: "a/b" })).rejects.toThrow(/your system's case id/);
  });

  it("has no sandbox environment", () => {
    expect(() => createDosClient({ environment: "sandbox" })).toThrow(/has no "sandbox" environment/);
  });

  it("passes on the Warning header", async () => {
    server.use(
      http.get("*/byServiceId/:id", () =>
        HttpResponse.json(
          { success: { serviceCount: 0, services: [] } },
          { headers: { Warning: '111 "Revalidation Failed"' } },
        ),
      ),
    );
    expect((await directory.getServiceById(1)).warning).toBe('111 "Revalidation Failed"');
  });

  it("a 2xx carrying an error envelope is an NhsApiError", async () => {
    server.use(
      http.get("*/byOdsCode/:code", () => HttpResponse.json({ error: { code: 400, message: "Bad Request: x" } })),
    );
    const error = (await directory.getServicesByOdsCode("FX123").catch((e: unknown) => e)) as NhsApiError;
    expect(error).toBeInstanceOf(NhsApiError);
    expect([error.status, error.code, error.diagnostics]).toEqual([400, "400", "Bad Request: x"]);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(DOS_VERSION).toBe(pkg.version);
  });

  it("types the confirmed keys and leaves the rest unknown", async () => {
    const { services } = await directory.searchByClinicalTerm(rash);
    expectTypeOf(services[0]!).toEqualTypeOf<SearchService>();
    expectTypeOf(services[0]!.name).toEqualTypeOf<string>();
    expectTypeOf(services[0]!.distance).toEqualTypeOf<unknown>();
    const lookup = await directory.getServiceById(2000003);
    expectTypeOf(lookup.services[0]!).toEqualTypeOf<LookupService>();
  });
});

describe("dosPathSerializer", () => {
  it("keeps = and , and encodes the rest", () => {
    expect(dosPathSerializer("https://x/a/{p}/{c}/{t}/{n}", { p: "LS1 4HR", c: "1011=4003", t: "100,136", n: 0 })).toBe(
      "https://x/a/LS1%204HR/1011=4003/100,136/0",
    );
  });
});

describe("input checks send nothing", () => {
  it.each([
    [{ ...rash, postcode: undefined }, /postcode: Postcode must be provided/],
    [{ ...rash, postcode: "LS1 4H" }, /postcode: Invalid post code/],
    [{ ...rash, searchDistance: Number.NaN }, /searchDistance: Search distance must be numeric/],
    [{ ...rash, searchDistance: "37.5 miles" }, /Search distance must be numeric/],
    [{ ...rash, searchDistance: 100.5 }, /Search distance must be no more than 100/],
    [{ ...rash, searchDistance: -1 }, /Search distance must not be negative/],
    [{ ...rash, ageGroup: 0 }, /The age group ID must be one of the following: 1, 2, 3, 4, 8/],
    [{ ...rash, gender: "Male" }, /The gender must be one of the following: M, F, I \(case sensitive\)/],
    [{ ...rash, gpPracticeId: -3 }, /gpPracticeId: must be the DoS service id/],
    [{ ...rash, numberPerType: 1.5 }, /numberPerType: must be a whole number/],
    [{ ...rash, symptomGroupId: "1011" }, /Invalid "SymptomGroupId=SymptomDiscriminatorId" combination supplied/],
    [{ ...rash, caseId: "LIVE-1" }, /caseId: must be TEST outside the live environment/],
  ])("searchByClinicalTerm %j", async (params, message) => {
    await expect(directory.searchByClinicalTerm(params as never)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it("reports every problem at once", async () => {
    const error = (await directory
      .searchByClinicalTerm({ postcode: "", searchDistance: 200, gender: "x", symptomGroupId: 0 } as never)
      .catch((e: unknown) => e)) as NhsValidationError;
    expect(error.issues.map((i) => i.path)).toEqual([
      "postcode",
      "searchDistance",
      "gender",
      "symptomGroupId/symptomDiscriminatorId",
    ]);
  });

  it.each([[[]], [[40, 0]], [["40"]], [undefined]])("searchByServiceType serviceTypeIds %j", async (serviceTypeIds) => {
    await expect(directory.searchByServiceType({ postcode: "LS1 4HR", serviceTypeIds } as never)).rejects.toThrow(
      /serviceTypeIds: must be a list of one or more DoS service type ids/,
    );
    expect(seen).toHaveLength(0);
  });

  it.each(["", "FX 123", "a/b", "X"])("getServicesByOdsCode %j", async (code) => {
    await expect(directory.getServicesByOdsCode(code)).rejects.toThrow(/must be an ODS code such as FA123/);
    expect(seen).toHaveLength(0);
  });

  it.each([0, -1, 1.5, "12a", ""])("getServiceById %j", async (id) => {
    await expect(directory.getServiceById(id)).rejects.toThrow(/must be a DoS service id \(a positive whole number\)/);
    expect(seen).toHaveLength(0);
  });
});
