import { readFileSync } from "node:fs";
import { NhsResponseError, NhsValidationError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { createPdsClient, type Patient, PDS_VERSION } from "../src/index.js";
import { pdsHandlers } from "../src/mocks/index.js";

const server = setupServer(...pdsHandlers());
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

describe("createPdsClient", () => {
  it("sends the PDS headers given as options, and a User-Agent naming the package", async () => {
    const pds = createPdsClient({
      environment: "sandbox",
      sessionUrid: "555021935107",
      endUserOrganisationOds: "Y12345",
    });
    await pds.getPatient("9000000009");
    const headers = seen[0]!.headers;
    expect(headers.get("nhsd-session-urid")).toBe("555021935107");
    expect(headers.get("nhsd-end-user-organisation-ods")).toBe("Y12345");
    expect(headers.get("user-agent")).toContain(`nhskit-pds/${PDS_VERSION}`);
    expect(headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses bad header options at construction", () => {
    expect(() => createPdsClient({ environment: "sandbox", sessionUrid: "abc" })).toThrow(NhsValidationError);
    expect(() => createPdsClient({ environment: "sandbox", endUserOrganisationOds: "Y1 2345" })).toThrow(
      /endUserOrganisationOds: must be an ODS code/,
    );
    // biome-ignore lint/suspicious/noExplicitAny: an untyped caller
    expect(() => createPdsClient({ environment: "dep" as any })).toThrow(/has no "dep" environment/);
  });

  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(PDS_VERSION).toBe(pkg.version);
  });
});

describe("input checks send nothing", () => {
  const pds = createPdsClient({ environment: "sandbox" });

  it.each([
    [
      { "_max-results": 0, family: "Smith", birthdate: ["2010-10-22"] },
      /_max-results: must be a whole number from 1 to 50/,
    ],
    [{ gender: "f", family: "Smith", birthdate: ["2010-10-22"] }, /gender: must be male, female, other or unknown/],
    [{ family: "", birthdate: ["2010-10-22"] }, /family: must not be empty/],
    [
      { family: "Smith", birthdate: ["ge2010-01-01", "le2011-01-01", "eq2010-06-01"] },
      /birthdate: must hold one or two dates/,
    ],
    [{ family: "Smith", birthdate: ["2010-13-01"] }, /"2010-13-01" must be YYYY-MM-DD/],
    [{ family: "Smith", birthdate: "2010-10-22" }, /birthdate: must be a list/],
  ])("search %j", async (params, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(pds.searchPatients(params as any)).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it.each([
    [[{ op: "replace", path: "birthDate", value: "x" }], /must be a JSON pointer starting with \//],
    [[{ op: "add", path: "/name/-" }], /needs a value for add, replace and test/],
    [[{ op: "remove", path: "/gender", value: 1 }], /unexpected "value": this op takes op and path/],
  ])("patch %j", async (patches, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    await expect(pds.updatePatient("9000000009", patches as any, { version: 2 })).rejects.toThrow(message);
    expect(seen).toHaveLength(0);
  });

  it.each([["two"], [-1], ['W/"x"']])("version %j", async (version) => {
    await expect(
      pds.updatePatient("9000000009", [{ op: "remove", path: "/telecom/0" }], { version: version as string }),
    ).rejects.toThrow(/options\.version/);
    expect(seen).toHaveLength(0);
  });

  it.each(["getPatient", "getRelatedPeople", "getCoverage"] as const)("%s with a bad NHS number", async (method) => {
    await expect(pds[method]("943476591")).rejects.toThrow(/"943476591" must be 10 digits \(it has 9\)/);
    expect(seen).toHaveLength(0);
  });
});

describe("stateful mocks", () => {
  it("keep an update when asked to", async () => {
    server.use(...pdsHandlers({ stateful: true }));
    const pds = createPdsClient({ environment: "sandbox" });
    await pds.updatePatient("9000000009", [{ op: "replace", path: "/birthDate", value: "2010-10-23" }], { version: 2 });
    const after = await pds.getPatient("9000000009");
    expect([after.version, after.patient.birthDate]).toEqual([3, "2010-10-23"]);
    server.resetHandlers();
  });
});

describe("retries", () => {
  it("retry a 503 read with the same X-Request-ID", async () => {
    let calls = 0;
    server.use(
      http.get("*/personal-demographics/FHIR/R4/Patient/:id", () =>
        ++calls === 1 ? HttpResponse.json({}, { status: 503, headers: { "Retry-After": "0" } }) : undefined,
      ),
    );
    const pds = createPdsClient({ environment: "sandbox" });
    const { patient } = await pds.getPatient("9000000009");
    expect(patient.id).toBe("9000000009");
    expect(seen.map((r) => r.headers.get("x-request-id"))).toEqual([
      seen[0]!.headers.get("x-request-id"),
      seen[0]!.headers.get("x-request-id"),
    ]);
    server.resetHandlers();
  });
});

describe("types", () => {
  it("gives typed FHIR resources", async () => {
    const pds = createPdsClient({ environment: "sandbox" });
    const read = await pds.getPatient("9000000009");
    expectTypeOf(read.patient).toEqualTypeOf<Patient>();
    const { data } = await pds.raw.GET("/Patient/{id}", { params: { path: { id: "9000000009" } } });
    expectTypeOf(data).toEqualTypeOf<Patient>();
    expectTypeOf(data).not.toBeNever();
  });
});

describe("validateResponses", () => {
  it("passes good bodies and refuses a malformed one with NhsResponseError", async () => {
    const pds = createPdsClient({ environment: "sandbox", validateResponses: true });
    expect((await pds.getPatient("9000000009")).patient.id).toBe("9000000009");
    const search = await pds.searchPatients({ family: "Smith", gender: "female", birthdate: ["eq2010-10-22"] });
    expect(search.kind).toBe("matches");
    server.use(
      http.get("*/personal-demographics/FHIR/R4/Patient/:id", () =>
        HttpResponse.json(
          { resourceType: "Patient", id: "not-an-nhs-number", gender: "f" },
          { headers: { ETag: 'W/"1"' } },
        ),
      ),
    );
    const error = await pds.getPatient("9000000009").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsResponseError);
    expect((error as Error).message).toMatch(
      /id "not-an-nhs-number" is not a valid NHS number; gender: gender is not a FHIR gender/,
    );
    server.resetHandlers();
  });
});
