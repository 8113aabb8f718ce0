import { readdirSync, readFileSync, statSync } from "node:fs";
import { NhsApiError, NhsNumberError, NhsValidationError } from "@nhskit/core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  type Appointment,
  BARS_VERSION,
  type BarsClientOptions,
  type CapabilityStatement,
  createBarsClient,
  DOS_SERVICE_ID_SYSTEM,
  decodeJsonHeader,
  dosService,
  encodeJsonHeader,
  type MessageBundle,
  type paths,
  SANDBOX_TARGETS,
} from "../src/index.js";
import { barsHandlers } from "../src/mocks/index.js";
import { appointmentBody, messageBody, referralBody } from "./support/facts.js";

const server = setupServer(...barsHandlers());
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

const KNOWN = "c3f6145e-1a26-4345-b3f2-dccbcba62049";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const software = {
  name: "Referral Desk",
  version: "3.2.1",
  identifier: { system: "https://example.org/Id/device-identifier", value: "DESK-1" },
};
const options = (overrides: Partial<BarsClientOptions> = {}): BarsClientOptions => ({
  environment: "sandbox",
  endUserOrganisation: { odsCode: "A1001", name: "Test surgery" },
  requestingSoftware: software,
  target: SANDBOX_TARGETS.dosService,
  useContext: "a4t2|validation|servicerequest-response|new",
  retry: false,
  ...overrides,
});
const header = (name: string, i = 0) => seen[i]!.headers.get(name);

describe("headers", () => {
  it("builds the BaRS headers from typed inputs", async () => {
    const bars = createBarsClient(
      options({
        requestingPractitioner: {
          sdsRoleProfileId: "100334993514",
          role: { code: "62247001", display: "General practitioner" },
        },
      }),
    );
    await bars.getAppointment(KNOWN);
    expect(decodeJsonHeader(header("nhsd-end-user-organisation")!)).toEqual({
      resourceType: "Organization",
      identifier: [{ system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "A1001" }],
      name: "Test surgery",
    });
    expect(decodeJsonHeader(header("nhsd-requesting-software")!)).toEqual({
      resourceType: "Device",
      identifier: [{ system: "https://example.org/Id/device-identifier", value: "DESK-1" }],
      deviceName: { name: "Referral Desk", type: "manufacturer-name" },
      version: { value: "3.2.1" },
    });
    expect(decodeJsonHeader(header("nhsd-requesting-practitioner")!)).toEqual({
      resourceType: "PractitionerRole",
      identifier: [{ system: "https://fhir.nhs.uk/Id/sds-role-profile-id", value: "100334993514" }],
      code: [{ coding: [{ system: "http://snomed.info/sct", code: "62247001", display: "General practitioner" }] }],
    });
    expect(decodeJsonHeader(header("nhsd-target-identifier")!)).toEqual({
      value: "2000011147",
      system: DOS_SERVICE_ID_SYSTEM,
    });
    expect(header("accept")).toBe("application/fhir+json; version=1.4.0");
    expect(header("x-request-id")).toMatch(UUID_V4);
    expect(header("x-correlation-id")).toMatch(UUID_V4);
    expect(header("user-agent")).toContain(`nhskit-bars/${BARS_VERSION}`);
    expect(header("use-context")).toBeNull();
  });

  it("encodes UTF-8 JSON as standard base64, as Node's Buffer would (but without it)", async () => {
    const name = "Clinique Émile – Zoë 🩺";
    const bars = createBarsClient(options({ endUserOrganisation: { odsCode: "A1001", name } }));
    await bars.getAppointment(KNOWN);
    const sent = header("nhsd-end-user-organisation")!;
    expect((decodeJsonHeader(sent) as { name: string }).name).toBe(name);
    const value = { value: "2000011147", system: "https://fhir.nhs.uk/Id/dos-service-id", note: "ü€" };
    expect(encodeJsonHeader(value)).toBe(Buffer.from(JSON.stringify(value), "utf8").toString("base64"));
  });

  it("src never uses Node's Buffer (the client runs in browsers)", () => {
    const files: string[] = [];
    const walk = (dir: URL) => {
      for (const entry of readdirSync(dir)) {
        const url = new URL(entry, dir);
        if (statSync(url).isDirectory()) walk(new URL(`${entry}/`, dir));
        else if (entry.endsWith(".ts") && !entry.endsWith(".d.ts")) files.push(readFileSync(url, "utf8"));
      }
    };
    walk(new URL("../src/", import.meta.url));
    expect(files.length).toBeGreaterThan(8);
    for (const text of files) expect(text).not.toMatch(/\bBuffer\.|from "node:/);
  });

  it("sends a fresh X-Correlation-Id per call, or the one given (per call beats the client's)", async () => {
    const bars = createBarsClient(options());
    const first = await bars.getAppointment(KNOWN);
    const second = await bars.getAppointment(KNOWN);
    expect(first.correlationId).not.toBe(second.correlationId);
    expect([header("x-correlation-id", 0), header("x-correlation-id", 1)]).toEqual([
      first.correlationId,
      second.correlationId,
    ]);
    const workflow = "0f6f3d0e-7a4b-4c1e-9d5b-3f4a2b1c0d9e";
    const given = await bars.getAppointment(KNOWN, {
      correlationId: workflow,
      requestId: "6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
    });
    expect([given.correlationId, given.requestId, header("x-correlation-id", 2), header("x-request-id", 2)]).toEqual([
      workflow,
      "6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
      workflow,
      "6a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
    ]);
    const pinned = createBarsClient(options({ correlationId: workflow }));
    await pinned.getAppointment(KNOWN);
    await pinned.getAppointment(KNOWN, { correlationId: "11111111-2222-4333-8444-555555555555" });
    expect([header("x-correlation-id", 3), header("x-correlation-id", 4)]).toEqual([
      workflow,
      "11111111-2222-4333-8444-555555555555",
    ]);
  });

  it("sends use-context on writes only; a call may give its own", async () => {
    const bars = createBarsClient(options());
    await bars.searchAppointments({ nhsNumber: "9000000009" });
    await bars.createAppointment(appointmentBody);
    await bars.deleteReferral(KNOWN, { useContext: "a1t1|booking|booking-request|cancelled" });
    expect([header("use-context", 0), header("use-context", 1), header("use-context", 2)]).toEqual([
      null,
      "a4t2|validation|servicerequest-response|new",
      "a1t1|booking|booking-request|cancelled",
    ]);
    expect(header("content-type", 1)).toBe("application/fhir+json");
  });

  it("endpoint-catalogue calls send a plain Accept and no target", async () => {
    server.use(...barsHandlers({ endpointCatalogue: true }));
    const bars = createBarsClient(options());
    await bars.searchEndpoints();
    expect(header("accept")).toBe("application/fhir+json");
    expect(header("nhsd-target-identifier")).toBeNull();
    expect(header("nhsd-end-user-organisation")).not.toBeNull();
  });

  it("barsVersion picks the version in Accept and refuses newer operations", async () => {
    const bars = createBarsClient(options({ barsVersion: "1.2.0" }));
    expect(bars.barsVersion).toBe("1.2.0");
    await bars.getAppointment(KNOWN);
    expect(header("accept")).toBe("application/fhir+json; version=1.2.0");
    await expect(bars.searchEndpointTemplates()).rejects.toThrow(
      /needs BaRS Core 1\.4\.0 or later; this client sends 1\.2\.0/,
    );
    const v1 = createBarsClient(options({ barsVersion: "1.0.0" }));
    await expect(v1.createAppointment(appointmentBody)).rejects.toThrow(/needs BaRS Core 1\.1\.0/);
    expect(seen).toHaveLength(1);
  });

  it("the practitioner can be replaced or dropped per call; metadata's target can be left out", async () => {
    const bars = createBarsClient(options({ requestingPractitioner: { sdsRoleProfileId: "100334993514" } }));
    await bars.getAppointment(KNOWN, { requestingPractitioner: { sdsRoleProfileId: "555" } });
    await bars.getAppointment(KNOWN, { requestingPractitioner: null });
    await bars.getCapabilityStatement({ target: null });
    await bars.getCapabilityStatement({ target: dosService("2000099999") });
    expect(
      (decodeJsonHeader(header("nhsd-requesting-practitioner", 0)!) as { identifier: [{ value: string }] })
        .identifier[0].value,
    ).toBe("555");
    expect(header("nhsd-requesting-practitioner", 1)).toBeNull();
    expect(header("nhsd-target-identifier", 2)).toBeNull();
    expect(decodeJsonHeader(header("nhsd-target-identifier", 3)!)).toEqual({
      value: "2000099999",
      system: DOS_SERVICE_ID_SYSTEM,
    });
  });
});

describe("createBarsClient refuses bad options", () => {
  it.each([
    [{ endUserOrganisation: undefined }, /endUserOrganisation: must be \{ odsCode, name \}/],
    [
      { endUserOrganisation: { odsCode: "A 1001", name: "x" } },
      /endUserOrganisation\.odsCode: "A 1001" must be an ODS code/,
    ],
    [{ endUserOrganisation: { odsCode: "A1001", name: " " } }, /endUserOrganisation\.name: must not be empty/],
    [
      { requestingSoftware: { name: "x", version: "1" } },
      /requestingSoftware\.identifier: must be \{ system, value \}/,
    ],
    [
      { requestingPractitioner: { role: { code: "62247001" } } },
      /requestingPractitioner: needs sdsRoleProfileId or otherIdentifiers/,
    ],
    [{ target: { value: "2000011147" } }, /target\.system: must be a string/],
    [
      { target: { value: "2000011147\r\nX-Evil: 1", system: DOS_SERVICE_ID_SYSTEM } },
      /target\.value: must not contain line breaks/,
    ],
    [{ barsVersion: "2.0.0" }, /barsVersion: must be a BaRS Core version: 1\.0\.0, 1\.1\.0, 1\.2\.0, 1\.3\.0, 1\.4\.0/],
    [{ useContext: "a4t2||new" }, /useContext: "a4t2\|\|new" must be \|-separated parts with none empty/],
    [{ correlationId: "not-a-uuid" }, /correlationId: "not-a-uuid" must be a UUID/],
    [{ environment: "dep" }, /has no "dep" environment/],
  ])("%j", (overrides, message) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong options
    expect(() => createBarsClient(options(overrides as any))).toThrow(message);
  });

  it("names every problem at once", () => {
    let error: unknown;
    try {
      // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong options
      createBarsClient(options({ barsVersion: "9" as any, useContext: "" }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NhsValidationError);
    expect(new Set((error as NhsValidationError).issues.map((i) => i.path))).toEqual(
      new Set(["barsVersion", "useContext"]),
    );
  });
});

describe("input checks send nothing", () => {
  const bars = createBarsClient(options());
  const noTarget = createBarsClient(options({ target: undefined, useContext: undefined }));
  const slot = { status: "free", start: "2022-03-01T12:00:00+00:00", include: ["Slot:schedule"] };

  it.each([
    [
      "searchSlots",
      () => bars.searchSlots({ ...slot, include: [] } as never),
      /params\.include: must name at least one _include/,
    ],
    [
      "searchSlots",
      () => bars.searchSlots({ ...slot, include: ["Slot:everything"] } as never),
      /"Slot:everything" is not an _include BaRS knows/,
    ],
    [
      "searchSlots",
      () => bars.searchSlots({ ...slot, start: "2022-03-01" } as never),
      /"2022-03-01" must be a date-time with an offset/,
    ],
    [
      "searchSlots",
      () => bars.searchSlots({ ...slot, start: "2022-03-01T12:00:00" } as never),
      /must be a date-time with an offset/,
    ],
    [
      "searchSlots",
      () => bars.searchSlots({ ...slot, start: ["ge2022-03-01T12:00:00Z", "le2022-03-01T13:00:00Z", "x"] } as never),
      /params\.start: must be a date-time or a \[from, to\] pair/,
    ],
    [
      "searchSlots",
      () => bars.searchSlots({ ...slot, colour: "blue" } as never),
      /unknown Slot search parameter "colour"; known: status, start, include, healthcareService/,
    ],
    ["searchAppointments", () => bars.searchAppointments({}), /give nhsNumber, or name and birthDate/],
    [
      "searchAppointments",
      () => bars.searchAppointments({ name: "Peter Chalmers" }),
      /give nhsNumber, or name and birthDate/,
    ],
    [
      "searchAppointments",
      () => bars.searchAppointments({ name: "P", birthDate: "25/12/1974" }),
      /"25\/12\/1974" must be YYYY-MM-DD/,
    ],
    ["searchReferrals", () => bars.searchReferrals({ identifier: " " }), /params\.identifier: must not be empty/],
    ["getMessageDefinitions", () => bars.getMessageDefinitions({ context: [] }), /params\.context/],
    ["getAppointment", () => bars.getAppointment("not-a-uuid"), /id: "not-a-uuid" must be a UUID/],
    ["getReferral", () => bars.getReferral("../metadata"), /must be a UUID/],
    [
      "updateAppointment",
      () => bars.updateAppointment(KNOWN, { ...appointmentBody, resourceType: "ServiceRequest" }),
      /appointment\.resourceType: must be "Appointment"/,
    ],
    [
      "patchReferral",
      () => bars.patchReferral(KNOWN, { resourceType: "ServiceRequest" }),
      /changes\.meta\.profile: must list the profile/,
    ],
    [
      "sendMessage",
      () =>
        bars.sendMessage({
          resourceType: "Bundle",
          type: "message",
          entry: [{ resource: { resourceType: "Patient" } }],
        } as MessageBundle),
      /entry\[0\]\.resource: must be the MessageHeader/,
    ],
    [
      "searchPointers",
      () => bars.searchPointers({ nhsNumber: "9278693472", custodian: "R J 1" }),
      /params\.custodian: "R J 1" must be an ODS code/,
    ],
    ["readPointer", () => bars.readPointer("nodash"), /"nodash" must be a pointer id such as RJ11-DEMO_1002/],
    [
      "createPointer",
      () => bars.createPointer({ resourceType: "DocumentReference" } as never),
      /pointer\.subject\.identifier\.value/,
    ],
    [
      "searchHealthcareServices",
      () => bars.searchHealthcareServices({ providedBy: "!!" }),
      /params\.providedBy: "!!" must be an ODS code/,
    ],
    [
      "searchEndpoints",
      () => bars.searchEndpoints({ healthcareServiceId: "x" }),
      /params\.healthcareServiceId: "x" must be a UUID/,
    ],
    [
      "searchEndpointTemplates",
      () => bars.searchEndpointTemplates({ colour: "blue" } as never),
      /unknown Endpoint template search parameter "colour"/,
    ],
    ["deleteEndpoint", () => bars.deleteEndpoint("42"), /"42" must be a UUID/],
    [
      "getAppointment",
      () => bars.getAppointment(KNOWN, { correlationId: "abc" }),
      /options\.correlationId: "abc" must be a UUID/,
    ],
    [
      "getAppointment",
      () => bars.getAppointment(KNOWN, { requestId: "abc" }),
      /options\.requestId: "abc" must be a UUID/,
    ],
    [
      "getAppointment",
      () => bars.getAppointment(KNOWN, { target: {} as never }),
      /options\.target\.value: must be a string/,
    ],
    [
      "createReferral",
      () => bars.createReferral(referralBody, { useContext: "" }),
      /options\.useContext: must not be empty/,
    ],
    [
      "createReferral",
      () => noTarget.createReferral(referralBody),
      /options\.target: POST \/ServiceRequest needs NHSD-Target-Identifier.*options\.useContext: writes carry use-context/,
    ],
  ] as const)("%s: %s", async (_method, call, message) => {
    const error = await (call as () => Promise<unknown>)().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NhsValidationError);
    expect((error as Error).message).toMatch(/nothing was sent/);
    expect((error as Error).message).toMatch(message);
    expect(seen).toHaveLength(0);
  });

  it.each(["searchAppointments", "searchReferrals", "searchPointers"] as const)(
    "%s with a bad NHS number is NhsNumberError",
    async (method) => {
      await expect(bars[method]({ nhsNumber: "943476591" })).rejects.toThrow(NhsNumberError);
      await expect(bars[method]({ nhsNumber: "9434765918" })).rejects.toThrow(
        /"9434765918" fails the NHS number check digit/,
      );
      expect(seen).toHaveLength(0);
    },
  );
});

describe("answers", () => {
  it("a 2xx OperationOutcome reporting an error is an NhsApiError", async () => {
    server.use(
      http.post("*/booking-and-referral/FHIR/R4/$process-message", () =>
        HttpResponse.json({
          resourceType: "OperationOutcome",
          issue: [
            {
              severity: "error",
              code: "invalid",
              details: { coding: [{ code: "REC_BAD_REQUEST" }] },
              diagnostics: "no",
            },
          ],
        }),
      ),
    );
    const bars = createBarsClient(options());
    const error = await bars.sendMessage(messageBody).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NhsApiError);
    expect([(error as NhsApiError).status, (error as NhsApiError).code, (error as NhsApiError).diagnostics]).toEqual([
      200,
      "REC_BAD_REQUEST",
      "no",
    ]);
    expect((error as Error).message).toMatch(/sendMessage failed with 200/);
  });

  it("retries a 503 read with the same X-Request-ID", async () => {
    let calls = 0;
    server.use(
      http.get("*/booking-and-referral/FHIR/R4/Appointment/:id", () =>
        ++calls === 1 ? HttpResponse.json({}, { status: 503, headers: { "Retry-After": "0" } }) : undefined,
      ),
    );
    const bars = createBarsClient(options({ retry: undefined }));
    expect((await bars.getAppointment(KNOWN)).appointment.id).toBe("91607239-b002-470a-8709-6b25bd50fdd1");
    expect(seen.map((r) => r.headers.get("x-request-id"))).toEqual([
      header("x-request-id", 0),
      header("x-request-id", 0),
    ]);
  });
});

describe("package", () => {
  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(BARS_VERSION).toBe(pkg.version);
  });

  it("gives typed FHIR resources", async () => {
    const bars = createBarsClient(options());
    const read = await bars.getAppointment(KNOWN);
    expectTypeOf(read.appointment).toEqualTypeOf<Appointment>();
    expectTypeOf(read.appointment).not.toBeNever();
    const { capabilityStatement } = await bars.getCapabilityStatement();
    expectTypeOf(capabilityStatement).toEqualTypeOf<CapabilityStatement>();
    expectTypeOf<paths["/Appointment/{id}"]["get"]["responses"][200]["content"]>().not.toBeNever();
    const { data } = await bars.raw.GET("/Appointment/{id}", {
      params: {
        path: { id: KNOWN },
        header: {
          Accept: "application/fhir+json; version=1.4.0",
          "NHSD-Target-Identifier": encodeJsonHeader(SANDBOX_TARGETS.dosService),
          "NHSD-End-User-Organisation": encodeJsonHeader({ resourceType: "Organization" }),
          "NHSD-Requesting-Software": encodeJsonHeader({ resourceType: "Device" }),
        },
      },
    });
    expectTypeOf(data).not.toBeNever();
    expect((data as Appointment).id).toBe("91607239-b002-470a-8709-6b25bd50fdd1");
  });
});
