import { readFileSync } from "node:fs";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  type Appointment,
  cancelReferralParameters,
  createErsClient,
  E_RS_VERSION,
  ERS_OPERATIONS,
  fileNameFromContentDisposition,
  NhsValidationError,
  type ReferralRequest,
  referralWorklistParameters,
} from "../src/index.js";
import { ERS_EXAMPLE_REQUESTS, eRsHandlers } from "../src/mocks/index.js";

const server = setupServer(...eRsHandlers());
const seen: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => seen.push(request.clone()));
});
afterEach(() => {
  seen.length = 0;
});
afterAll(() => server.close());

const user = {
  environment: "sandbox",
  businessFunction: "REFERRING_CLINICIAN",
  endUserOrganisationOds: "R69",
} as const;
// biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input from an untyped caller
type Any = any;

describe("createErsClient", () => {
  it("sends the e-RS headers from its options, FHIR content types and a User-Agent naming the package", async () => {
    const ers = createErsClient(user);
    await ers.createReferral(ERS_EXAMPLE_REQUESTS.createReferral.MinimalRequest as Any);
    const headers = seen[0]!.headers;
    expect(headers.get("nhsd-ers-business-function")).toBe("REFERRING_CLINICIAN");
    expect(headers.get("nhsd-end-user-organisation-ods")).toBe("R69");
    expect(headers.get("nhsd-ers-on-behalf-of-user-id")).toBeNull();
    expect(headers.get("content-type")).toBe("application/fhir+json");
    expect(headers.get("accept")).toBe("application/fhir+json");
    expect(headers.get("user-agent")).toContain(`nhskit-e-rs/${E_RS_VERSION}`);
    expect(headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(ers.accessMode).toBe("user-restricted");
    expect(ers.baseUrl).toBe("https://sandbox.api.service.nhs.uk/referrals/FHIR");
  });

  it("lets a call override the business function, ODS code and on-behalf-of user", async () => {
    const ers = createErsClient(user);
    await ers.getReferral("000000070000", {
      businessFunction: "SERVICE_PROVIDER_CLINICIAN_ADMIN",
      endUserOrganisationOds: "RCD",
      onBehalfOfUserId: "921600556514",
    });
    const headers = seen[0]!.headers;
    expect(headers.get("nhsd-ers-business-function")).toBe("SERVICE_PROVIDER_CLINICIAN_ADMIN");
    expect(headers.get("nhsd-end-user-organisation-ods")).toBe("RCD");
    expect(headers.get("nhsd-ers-on-behalf-of-user-id")).toBe("921600556514");
  });

  it.each([
    [5, 'W/"5"'],
    ["5", 'W/"5"'],
    ['W/"5"', 'W/"5"'],
  ])("sends version %j as If-Match %s", async (version, ifMatch) => {
    const ers = createErsClient(user);
    await ers.cancelReferral("000000070000", ERS_EXAMPLE_REQUESTS.cancelReferral.RaisedInError as Any, { version });
    expect(seen[0]!.headers.get("if-match")).toBe(ifMatch);
  });

  it("sends no e-RS headers to getBusinessFunctions, and refuses them per call", async () => {
    const ers = createErsClient({
      ...user,
      businessFunction: "SERVICE_PROVIDER_CLINICIAN_ADMIN",
      onBehalfOfUserId: "1",
    });
    await ers.getBusinessFunctions();
    for (const name of [
      "nhsd-ers-business-function",
      "nhsd-end-user-organisation-ods",
      "nhsd-ers-on-behalf-of-user-id",
    ]) {
      expect(seen[0]!.headers.get(name)).toBeNull();
    }
    await expect(ers.getBusinessFunctions({ businessFunction: "REFERRING_CLINICIAN" } as Any)).rejects.toThrow(
      /options\.businessFunction: is not sent by getBusinessFunctions/,
    );
    expect(seen).toHaveLength(1);
  });

  it("does not send a default on-behalf-of user to operations that take none, and refuses one given per call", async () => {
    const ers = createErsClient({
      ...user,
      businessFunction: "SERVICE_PROVIDER_CLINICIAN_ADMIN",
      onBehalfOfUserId: "921600556514",
    });
    await ers.getOnBehalfOfUsers();
    expect(seen[0]!.headers.get("nhsd-ers-on-behalf-of-user-id")).toBeNull();
    await expect(ers.getHealthcareService("1", { onBehalfOfUserId: "921600556514" })).rejects.toThrow(
      /options\.onBehalfOfUserId: is not taken by getHealthcareService \(A033\)/,
    );
    expect(seen).toHaveLength(1);
  });

  it("refuses bad header options at construction", () => {
    expect(() => createErsClient({ ...user, businessFunction: "DOCTOR" as Any })).toThrow(
      /businessFunction: "DOCTOR" is not an e-RS business function/,
    );
    expect(() => createErsClient({ ...user, endUserOrganisationOds: "R 69" })).toThrow(
      /endUserOrganisationOds: "R 69" must be an ODS code/,
    );
    expect(() => createErsClient({ ...user, onBehalfOfUserId: "a b" })).toThrow(
      /onBehalfOfUserId: "a b" must be an e-RS user id/,
    );
    expect(() => createErsClient({ ...user, onBehalfOfUserId: "921600556514" })).toThrow(
      /onBehalfOfUserId: is only sent with businessFunction SERVICE_PROVIDER_CLINICIAN_ADMIN \(not REFERRING_CLINICIAN\)/,
    );
    expect(() => createErsClient({ ...user, accessMode: "patient" as Any })).toThrow(
      /accessMode: "patient" must be "user-restricted" \(NHS CIS2\) or "application-restricted"/,
    );
    expect(() => createErsClient({ businessFunction: "REFERRING_CLINICIAN" } as Any)).toThrow(/pass environment/);
  });
});

describe("access modes", () => {
  it("user-restricted: every call needs a business function and an ODS code (client or call)", async () => {
    const bare = createErsClient({ environment: "sandbox" });
    await expect(bare.getReferral("000000070000")).rejects.toThrow(
      /businessFunction: is required in user-restricted mode.*endUserOrganisationOds: is required in user-restricted mode/,
    );
    const read = await bare.getReferral("000000070000", {
      businessFunction: "REFERRING_CLINICIAN",
      endUserOrganisationOds: "R69",
    });
    expect(read.version).toBe(5);
    expect(seen).toHaveLength(1);
  });

  it("application-restricted: only the operations e-RS offers that way; the e-RS headers are optional", async () => {
    const app = createErsClient({ environment: "sandbox", accessMode: "application-restricted" });
    const offered = Object.entries(ERS_OPERATIONS).filter(([, op]) => op.applicationRestricted);
    expect([...new Set(offered.map(([, op]) => op.code))].sort()).toEqual([
      "A004",
      "A005",
      "A007",
      "A008",
      "A013",
      "A024",
      "A025",
      "A028",
      "A029",
      "A033",
      "A035",
      "A036",
      "A037",
      "A042",
      "A043",
    ]);
    expect((await app.getReferral("000000070000")).version).toBe(5);
    expect(seen[0]!.headers.get("nhsd-ers-business-function")).toBeNull();
    await expect(app.createReferral(ERS_EXAMPLE_REQUESTS.createReferral.MinimalRequest as Any)).rejects.toThrow(
      /accessMode: createReferral \(A011\) is only offered to NHS CIS2 users/,
    );
    await expect(
      app.getReferral("000000070000", { businessFunction: "SERVICE_PROVIDER_CLINICIAN_ADMIN" }),
    ).rejects.toThrow(/onBehalfOfUserId: is required with SERVICE_PROVIDER_CLINICIAN_ADMIN/);
    expect(seen).toHaveLength(1);
  });
});

describe("input checks send nothing", () => {
  const ers = createErsClient(user);
  const refuses = async (promise: Promise<unknown>, message: RegExp) => {
    await expect(promise).rejects.toThrow(NhsValidationError);
    await promise.catch((e: Error) => expect(e.message).toMatch(message));
    expect(seen).toHaveLength(0);
  };

  it.each([
    ["12345678901", /"12345678901" must be a UBRN: 12 digits/],
    ["0000000700001", /must be a UBRN/],
    [12, /ubrn: must be a UBRN: a string of 12 digits/],
  ])("UBRN %j", async (ubrn, message) => {
    await refuses(ers.getReferral(ubrn as Any), message);
    await refuses(ers.acceptReferral(ubrn as Any, { version: 1 }), message);
  });

  it.each([["five"], [-1], ['W/"x"'], [undefined]])("version %j", async (version) => {
    await refuses(
      ers.changeShortlist(
        "000000070000",
        ERS_EXAMPLE_REQUESTS.changeShortlist.UnbookedReferral as Any,
        { version } as Any,
      ),
      /options\.version/,
    );
    await refuses(ers.getReferralVersion("000000070000", version as Any), /version/);
  });

  it.each(["../70000", "70000/x", "", "a b"])("id %j", async (id) => {
    await refuses(ers.getAppointment(id), /appointmentId: .*must be a FHIR id/);
    await refuses(ers.downloadAttachment(id), /attachmentId/);
  });

  it.each([
    [
      { serviceId: "12000", priority: "ROUTINE", pageSize: 20, page: 1, colour: "red" },
      /unknown slot search parameter "colour"/,
    ],
    [
      { serviceId: "12000", priority: "ROUTINE", pageSize: 0, page: 1 },
      /search\.pageSize: must be a whole number from 1 to 100/,
    ],
    [
      { serviceId: "12000", priority: "SOON", pageSize: 20, page: 1 },
      /search\.priority: must be one of ROUTINE, URGENT, TWO_WEEK_WAIT/,
    ],
    [{ serviceId: "12000", priority: "ROUTINE", pageSize: 20, page: 0 }, /search\.page: must be a whole number from 1/],
    [{ priority: "ROUTINE", pageSize: 20, page: 1 }, /search\.serviceId/],
  ])("slot search %j", async (search, message) => {
    await refuses(ers.searchSlots(search as Any), message);
  });

  it("bodies must be the resource the operation takes", async () => {
    await refuses(
      ers.createReferral({ resourceType: "Bundle" } as Any),
      /body\.resourceType: must be "Parameters" \(got "Bundle"\)/,
    );
    await refuses(
      ers.fetchReferralWorklist({ resourceType: "Parameters", parameter: [] } as Any),
      /body\.parameter: must hold at least one parameter/,
    );
    await refuses(
      ers.bookOrDeferAppointment({ resourceType: "Parameters" } as Any),
      /body\.resourceType: must be "Appointment"/,
    );
    await refuses(ers.createAdviceAndGuidance(undefined as Any), /body: must be a FHIR Parameters resource/);
  });

  it("slot paging limits and parameter items", async () => {
    expect(() =>
      ers.searchSlotPages({ serviceId: "11000", priority: "ROUTINE", pageSize: 5, page: 1 }, { maxPages: 0 }),
    ).toThrow(/options\.maxPages: must be a whole number from 1/);
    const pages = [];
    for await (const page of ers.searchSlotPages(
      { serviceId: "11000", priority: "ROUTINE", pageSize: 5, page: 1 },
      { maxPages: 1 },
    )) {
      pages.push(page);
    }
    expect(pages).toHaveLength(1);
    expect(seen).toHaveLength(1);
    seen.length = 0;
    await refuses(
      ers.fetchReferralWorklist({ resourceType: "Parameters", parameter: [1] } as Any),
      /body\.parameter\[0\]: each parameter must be an object with a name/,
    );
  });

  it("other parameters", async () => {
    await refuses(
      ers.getAdviceConversation("000000070000", 1, { include: "Communication:everything" as Any }),
      /options\.include\[0\]: "Communication:everything" cannot be included/,
    );
    await refuses(ers.searchHealthcareServices([]), /serviceIds: must be a list of at least one service id/);
    await refuses(ers.searchHealthcareServices(["1", "2/3"]), /serviceIds\[1\]/);
    await refuses(ers.searchServiceRequests("000000070000", { system: "a|b" }), /options\.system/);
    await refuses(
      ers.uploadAttachment({
        file: "text" as Any,
        fileName: "a",
        referralId: "000000070000",
        contentType: "text/plain",
      }),
      /input\.file: must be the file's bytes/,
    );
    await refuses(
      ers.uploadAttachment({
        file: new Uint8Array(1),
        fileName: "a\nb",
        referralId: "000000070000",
        contentType: "text/plain",
      }),
      /input\.fileName: must use printable Latin-1/,
    );
    await refuses(
      ers.getReferral("000000070000", { endUserOrganisationOds: "R-69" }),
      /endUserOrganisationOds: "R-69" must be an ODS code/,
    );
  });
});

describe("parameter builders", () => {
  it("build the worklist body, and refuse bad filters", () => {
    const body = referralWorklistParameters("REFERRALS_FOR_REVIEW", { serviceId: "11002", clinicianAssigned: false });
    expect(body.parameter.map((p) => p.name)).toEqual(["listType", "service", "clinicianAssignedIndicator"]);
    expect(() => referralWorklistParameters("EVERYTHING" as Any)).toThrow(
      /listType: "EVERYTHING" must be one of REFERRALS_FOR_REVIEW/,
    );
    expect(() => referralWorklistParameters("AWAITING_BOOKING", { specialty: { code: "X" } as Any })).toThrow(
      /filters\.specialty/,
    );
  });

  it("build the cancellation body", () => {
    const reason = {
      system: "https://fhir.nhs.uk/STU3/CodeSystem/REFERRAL-CANCELLATION-REASON",
      code: "RAISED_IN_ERROR",
    };
    expect(cancelReferralParameters(reason, "Oops").parameter).toHaveLength(2);
    expect(() => cancelReferralParameters(reason, " ")).toThrow(/comments: must be some text/);
  });
});

describe("Content-Disposition", () => {
  it.each([
    ['attachment; filename="letter.pdf"', "letter.pdf"],
    ["attachment; filename*=UTF-8''The%20filenam%C3%A9.pdf; filename=\"x.pdf\"", "The filenamé.pdf"],
    ['attachment; filename="=?UTF-8?Q?The_filenam=C3=A9.pdf?="', "The filenamé.pdf"],
    ["attachment", undefined],
    [null, undefined],
  ])("%s", (header, name) => {
    expect(fileNameFromContentDisposition(header)).toBe(name);
  });
});

describe("package", () => {
  it("keeps its version in step with package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(E_RS_VERSION).toBe(pkg.version);
  });

  it("gives typed FHIR resources", async () => {
    const ers = createErsClient(user);
    const read = await ers.getReferral("000000070000");
    expectTypeOf(read.data).toEqualTypeOf<ReferralRequest>();
    expectTypeOf(read.data).not.toBeNever();
    expectTypeOf(read.data.id).toEqualTypeOf<string>();
    const appointment = await ers.getAppointment("70000");
    expectTypeOf(appointment.data).toEqualTypeOf<Appointment>();
    const { data } = await ers.raw.GET("/STU3/ReferralRequest/{ubrn}", {
      params: {
        path: { ubrn: "000000070000" },
        header: { "NHSD-eRS-Business-Function": "REFERRING_CLINICIAN", "NHSD-End-User-Organisation-ODS": "R69" },
      },
    });
    expectTypeOf(data).toEqualTypeOf<ReferralRequest>();
    expect(data.id).toBe("000000070000");
  });
});
