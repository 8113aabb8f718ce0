import { eRs } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { ERS_EXAMPLE_REQUESTS, type ErsExampleOperation } from "./examples.js";
import {
  ADVICE_REQUESTS,
  APPOINTMENTS,
  adviceRequest,
  appointment,
  CONVERSATIONS,
  codeSystem,
  healthcareService,
  type Json,
  ON_BEHALF_OF_PRACTITIONERS,
  PRACTITIONER_ROLES,
  REFERRALS,
  referral,
  SERVICE_REQUESTS,
  SERVICE_SYSTEM,
  SLOTS,
  STU3_SD,
  serviceSearchBundle,
  TASKS,
  taskBundle,
} from "./fixtures.js";
import { makePdf } from "./pdf.js";
import {
  attachment,
  fhirJson,
  jsonBody,
  noBody,
  plainText,
  r4SandboxError,
  sameJson,
  sandboxHeaders,
  stu3Outcome,
  stu3SandboxError,
} from "./respond.js";

/** The e-RS sandbox path, `/referrals/FHIR`; STU3 and R4 paths sit under it. */
export const E_RS_BASE_PATH = sandboxBasePath(eRs);
/** The proxy's own base path (`/referrals`), where `_ping`, `_status` and the attachment store answer. */
const PROXY_BASE_PATH = E_RS_BASE_PATH.replace(/\/FHIR$/, "");

/** The file the R4 Binary redirect points to. */
export const OBJECT_STORE_FILE_ID = "d497bbe3-f88b-45f1-b3d4-9c563e4c0f5f";
/** Where an upload says the new Binary is. */
export const UPLOADED_BINARY_ID = "19eb7224-dff3-4730-a5cb-67eac811f1a5";

export interface ErsMockOptions {
  /** Served base path; default the hosted sandbox's, `/referrals/FHIR`. */
  basePath?: string;
}

// Business functions each sandbox endpoint lets in (checked only when the header is present).
const RC = ["REFERRING_CLINICIAN", "REFERRING_CLINICIAN_ADMIN"];
const SP = ["SERVICE_PROVIDER_CLINICIAN", "SERVICE_PROVIDER_CLINICIAN_ADMIN"];
const RC_SP = [...RC, ...SP];
const WORKLIST = [
  "SERVICE_PROVIDER_CLINICIAN",
  "SERVICE_PROVIDER_ADMIN",
  "SERVICE_PROVIDER_CLINICIAN_ADMIN",
  "REFERRING_CLINICIAN",
  "REFERRING_CLINICIAN_ADMIN",
  "REFERRING_ADMIN",
];
const ADVICE_WORKLIST = ["SERVICE_PROVIDER_CLINICIAN", "SERVICE_PROVIDER_ADMIN", "SERVICE_PROVIDER_CLINICIAN_ADMIN"];
const TASK = [
  "SERVICE_PROVIDER_CLINICIAN",
  "SERVICE_PROVIDER_CLINICIAN_ADMIN",
  "REFERRING_CLINICIAN",
  "REFERRING_CLINICIAN_ADMIN",
];
const SPCA = "SERVICE_PROVIDER_CLINICIAN_ADMIN";

/** The sandbox's business function and on-behalf-of rules, as plain-text 403s. */
function businessFunctionProblem(request: Request, allowed: readonly string[]): Response | undefined {
  const bf = request.headers.get("nhsd-ers-business-function");
  if (!bf) return undefined;
  if (!allowed.includes(bf)) {
    return plainText(
      request,
      403,
      `SANDBOX_ERROR: This endpoint cannot be accessed using the e-RS Business Function provided. Allowed values: ${allowed.join(",")}`,
    );
  }
  const obo = request.headers.get("nhsd-ers-on-behalf-of-user-id");
  if (bf === SPCA && !obo) {
    return plainText(
      request,
      403,
      "SANDBOX_ERROR: When this endpoint is accessed using the e-RS SERVICE_PROVIDER_CLINICIAN_ADMIN Business Function then an On-Behalf-Of User ID must be provided",
    );
  }
  if (bf !== SPCA && obo) {
    return plainText(
      request,
      403,
      "SANDBOX_ERROR: An On-Behalf-Of User ID must only be provided if this endpoint is accessed using the e-RS SERVICE_PROVIDER_CLINICIAN_ADMIN Business Function",
    );
  }
  return undefined;
}

/** The name of the example the body equals, if any. */
async function matchExample(
  request: Request,
  operation: ErsExampleOperation,
  names?: readonly string[],
): Promise<string | undefined> {
  const body = await jsonBody(request);
  if (body === undefined) return undefined;
  const examples = ERS_EXAMPLE_REQUESTS[operation] as Record<string, unknown>;
  return (names ?? Object.keys(examples)).find((name) => sameJson(body, examples[name]));
}

const isReferringClinician = (request: Request) =>
  request.headers.get("nhsd-ers-business-function") === "REFERRING_CLINICIAN";

function shortlistOf(operation: ErsExampleOperation, name: string): string[] {
  const body = (ERS_EXAMPLE_REQUESTS[operation] as Record<string, Json>)[name] as { parameter?: Json[] };
  const list = body.parameter?.find((p) => p.name === "shortlist")?.resource as { entry?: Json[] } | undefined;
  return (list?.entry ?? []).map((e) => ((e.item as Json).identifier as Json).value as string);
}

function serviceList(ids: string[], indicativeWait = false): Json {
  return {
    resourceType: "List",
    meta: { profile: [STU3_SD("eRS-FetchServices-List")] },
    status: "current",
    mode: "snapshot",
    ...(ids.length
      ? {
          entry: ids.map((id, i) => ({
            extension: [
              {
                url: STU3_SD("Extension-eRS-FetchServices-Service"),
                extension: [
                  { url: "displayProminently", valueBoolean: i === 0 },
                  { url: "distance", valueUnsignedInt: 3 + i * 4 },
                  ...(indicativeWait ? [{ url: "indicativeAppointmentWaitTime", valueUnsignedInt: 14 + i * 7 }] : []),
                ],
              },
            ],
            item: { identifier: { system: SERVICE_SYSTEM, value: id }, display: `nhskit service ${id}` },
          })),
        }
      : {
          emptyReason: {
            coding: [
              { system: "http://hl7.org/fhir/ValueSet/list-empty-reason", code: "notstarted", display: "Not Started" },
            ],
          },
        }),
  };
}

function worklist(listType: string, ubrns: string[]): Json {
  return {
    resourceType: "List",
    meta: { profile: [STU3_SD("eRS-FetchWorklist-List")] },
    status: "current",
    mode: "snapshot",
    code: { coding: [{ code: listType }] },
    date: "2026-02-10T08:00:00.000Z",
    entry: ubrns.map((ubrn) => ({
      item: { reference: `ReferralRequest/${ubrn}` },
      extension: [
        {
          url: STU3_SD("Extension-eRS-WorklistItem-Priority"),
          valueCodeableConcept: {
            coding: [{ system: "https://fhir.nhs.uk/STU3/CodeSystem/eRS-Priority-1", code: "ROUTINE" }],
          },
        },
      ],
    })),
  };
}

const WORKLISTS: Record<string, Json> = {
  MinimalReferralsForReview: worklist("REFERRALS_FOR_REVIEW", ["000000070000", "000000070001"]),
  MinimalAppointmentSlotIssues: worklist("APPOINTMENT_SLOT_ISSUES", ["000000070003"]),
  FilteringBySpecialty: worklist("REFERRALS_FOR_REVIEW", ["000000070001"]),
  FilteringByService: worklist("REFERRALS_FOR_REVIEW", ["000000070000"]),
  FilteringByClinician: worklist("REFERRALS_FOR_REVIEW", ["000000070005"]),
  MinimalRejectedTriageResponse: worklist("REJECTED_TRIAGE_RESPONSE", ["000000070011"]),
  MinimalAssessmentReturnedCancelledDna: worklist("ASSESSMENT_RETURNED_CANCELLED_DNA", ["000000070012"]),
  MinimalAwaitingBooking: worklist("AWAITING_BOOKING", ["000000070002"]),
  MinimalLettersOutstanding: worklist("LETTERS_OUTSTANDING", ["000000070004"]),
};

const PATIENT_SEARCHES: Record<string, Json> = {
  RcMinimal: serviceList(["11002", "11003", "11004"]),
  RcSearchByClinicalTerm: serviceList([]),
  RcSearchByNamedClinician: serviceList(["14000"]),
  RcSearchForAdviceService: serviceList(["11004"]),
  RcSearchWithCommissioningRuleOrganisation: serviceList(["11002", "11003", "11004"]),
  RcaWithIWT: serviceList(["11002", "11003"], true),
};

const referralAt = (ubrn: string, version: number, state: string, display: string, serviceIds?: string[]) =>
  referral({ ubrn, version, state, stateDisplay: display, ...(serviceIds ? { serviceIds } : {}) });

const parametersAnswer = (profile: string, parameter: Json[]) => ({
  resourceType: "Parameters",
  meta: { profile: [STU3_SD(profile)] },
  parameter,
});

/** PDFs the mocks hand out, made on first use. */
const pdfs = new Map<string, Uint8Array>();
function pdfFor(title: string): Uint8Array {
  let bytes = pdfs.get(title);
  if (!bytes) {
    bytes = makePdf(["nhskit e-RS mock", title, "Test data only: not a real patient document."]);
    pdfs.set(title, bytes);
  }
  return bytes;
}

const UUID_V4 = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/i;
const isAttachmentId = (id: string) => id.startsWith("att-") || UUID_V4.test(id);
const UPLOAD_TYPES = new Set([
  "text/plain",
  "application/pdf",
  "text/xml",
  "text/rtf",
  "audio/basic",
  "audio/mpeg",
  "image/png",
  "image/gif",
  "image/jpeg",
  "image/tiff",
  "video/mpeg",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/dicom",
]);
const MAX_UPLOAD = 5 * 1024 * 1024;

/**
 * msw handlers that answer like the hosted e-RS sandbox (STU3 and R4) on any origin under `/referrals/FHIR`.
 * Use them in-process (`setupServer(...eRsHandlers())`), in a browser worker, or through `@nhskit/sandbox`.
 * Stateless, like the hosted sandbox.
 */
export function eRsHandlers(options: ErsMockOptions = {}): RequestHandler[] {
  const base = options.basePath ?? E_RS_BASE_PATH;
  const proxyBase = options.basePath ? options.basePath.replace(/\/FHIR$/, "") : PROXY_BASE_PATH;
  const at = (path: string) => anyOrigin(base, path);
  const guard = (allowed: readonly string[]) => (request: Request) => businessFunctionProblem(request, allowed);

  /** A POST whose body must equal an example; `answer` maps the example's name to the response. */
  const exampleRoute = (
    path: string,
    operation: ErsExampleOperation,
    allowed: readonly string[],
    answer: (name: string, request: Request, params: Record<string, string>) => Response | undefined,
    options: { names?: (request: Request) => readonly string[] | undefined; miss?: number } = {},
  ) =>
    http.post(at(path), async ({ request, params }) => {
      const problem = guard(allowed)(request);
      if (problem) return problem;
      const name = await matchExample(request, operation, options.names?.(request));
      const response = name ? answer(name, request, params as Record<string, string>) : undefined;
      return response ?? stu3SandboxError(request, options.miss ?? 422);
    });

  return [
    // ------------------------------------------------------------ proxy endpoints
    http.get(anyOrigin(proxyBase, "/_ping"), ({ request }) => plainText(request, 200, "{status: 200}")),
    http.get(anyOrigin(proxyBase, "/_status"), ({ request }) =>
      HttpResponse.json(
        { status: "pass", checks: { sandbox: { status: "pass" } } },
        { headers: sandboxHeaders(request) },
      ),
    ),
    http.get(anyOrigin(proxyBase, "/ObjectStore/:fileId"), ({ params }) => {
      if (params.fileId !== OBJECT_STORE_FILE_ID)
        return HttpResponse.json({ error: "File not found" }, { status: 404 });
      // The storage answer is not the API's: no X-Request-ID.
      return attachment(
        undefined,
        pdfFor("Attachment from the object store"),
        `attachment; filename="=?UTF-8?Q?The_filenam=C3=A9.pdf?="; filename*=UTF-8''The%20filenam%C3%A9.pdf`,
      );
    }),

    // ------------------------------------------------------------ STU3 reads
    http.get(at("/STU3/CodeSystem/:type"), ({ request, params }) => {
      const problem = guard(RC_SP)(request);
      if (problem) return problem;
      const body = codeSystem(params.type as string);
      return body ? fhirJson(request, body) : noBody(request, 404);
    }),

    ...["/STU3/ReferralRequest/:ubrn", "/STU3/ReferralRequest/:ubrn/_history/:version"].map((path) =>
      http.get(at(path), ({ request, params }) => {
        const problem = guard(RC_SP)(request);
        if (problem) return problem;
        const body = REFERRALS[params.ubrn as string];
        if (!body || (params.version !== undefined && params.version !== "5")) return stu3SandboxError(request);
        return fhirJson(request, body, { version: 5 });
      }),
    ),

    ...["/STU3/Appointment/:id", "/STU3/Appointment/:id/_history/:version"].map((path) =>
      http.get(at(path), ({ request, params }) => {
        const problem = guard(RC_SP)(request);
        if (problem) return problem;
        const body = APPOINTMENTS[params.id as string];
        if (!body || (params.version !== undefined && params.version !== "5")) return stu3SandboxError(request);
        return fhirJson(request, body, { version: 5 });
      }),
    ),

    ...["/STU3/CommunicationRequest/:ubrn", "/STU3/CommunicationRequest/:ubrn/_history/:version"].map((path) =>
      http.get(at(path), ({ request, params }) => {
        const problem = guard(RC_SP)(request);
        if (problem) return problem;
        const body = ADVICE_REQUESTS[params.ubrn as string];
        if (!body || (params.version !== undefined && params.version !== "5")) return stu3SandboxError(request);
        return fhirJson(request, body, { version: 5 });
      }),
    ),

    http.get(at("/STU3/Communication"), ({ request }) => {
      const problem = guard(RC_SP)(request);
      if (problem) return problem;
      const found = CONVERSATIONS[new URL(request.url).searchParams.get("based-on") ?? ""];
      return found ? fhirJson(request, found.bundle, { version: found.version }) : stu3SandboxError(request, 400);
    }),

    http.get(at("/STU3/Slot"), ({ request }) => {
      const problem = guard(RC)(request);
      if (problem) return problem;
      const url = new URL(request.url);
      const q = url.searchParams;
      const service = q.get("schedule.actor:HealthcareService");
      const clinician = q.get("schedule.actor:Practitioner");
      const page = q.get("page");
      const count = q.get("_count");
      const routine = q.get("appointmentType") === "ROUTINE" && q.get("status") === "free";
      // The hosted sandbox compares page with ==, so "1" and "01" both pass where it does.
      const first = page !== null && page.trim() !== "" && Number(page) === 1;
      /** Absolute paging links, so a client can follow them (the hosted sandbox sends placeholders). */
      const linked = (bundle: Json, pages: { previous?: boolean; next?: boolean } = {}) => {
        const at = (n: number) => {
          const link = new URL(url);
          link.searchParams.set("page", String(n));
          return link.href;
        };
        const current = Number(page);
        return fhirJson(request, {
          ...bundle,
          link: [
            { relation: "self", url: url.href },
            ...(pages.previous ? [{ relation: "previous", url: at(current - 1) }] : []),
            ...(pages.next ? [{ relation: "next", url: at(current + 1) }] : []),
          ],
        });
      };
      if (routine && service === "12000" && count === "20" && first) return linked(SLOTS.minimum);
      if (routine && service === "10000" && count === "20" && first) return linked(SLOTS.none);
      if (routine && service === "11000" && count === "5") {
        if (page === "1") return linked(SLOTS.page1, { next: true });
        if (page === "2") return linked(SLOTS.page2, { previous: true });
        if (page === "5") {
          return fhirJson(
            request,
            stu3Outcome({
              code: "value",
              spineCode: "INVALID_VALUE",
              display: "Invalid value",
              diagnostics: "'Page Number' (5) is invalid.",
            }),
            { status: 400 },
          );
        }
      }
      if (routine && service === "13000" && count === "5" && first) return linked(SLOTS.twoSchedules);
      if (routine && clinician === "921600556514" && service === "14000" && count === "5" && first) {
        return linked(SLOTS.clinician);
      }
      return stu3SandboxError(request, 400);
    }),

    http.get(at("/STU3/Task"), ({ request }) => {
      const problem = guard(TASK)(request);
      if (problem) return problem;
      const q = new URL(request.url).searchParams;
      const match = /^ReferralRequest\/(\d{12})\/_history\/6$/.exec(q.get("focus") ?? "");
      const ubrn = match?.[1];
      if (!ubrn || !(ubrn in TASKS) || q.get("intent") !== "proposal" || q.get("status") !== "ready") {
        return stu3SandboxError(request, 400);
      }
      return fhirJson(request, taskBundle(ubrn));
    }),

    http.get(at("/STU3/Binary/:id"), ({ request, params }) => {
      const problem = guard(RC_SP)(request);
      if (problem) return problem;
      if (!isAttachmentId(params.id as string)) return stu3SandboxError(request);
      return attachment(request, pdfFor("Referral attachment"), 'attachment; filename="example_attachment.pdf"');
    }),

    // ------------------------------------------------------------ STU3 PDFs
    http.post(at("/STU3/ReferralRequest/:ubrn/$ers.generateCRI"), ({ request }) => {
      const problem = guard(RC_SP)(request);
      if (problem) return problem;
      return attachment(
        request,
        pdfFor("Clinical information summary"),
        'attachment; filename="000000070000_Clinical_Information_Summary_20210706114852.pdf"',
      );
    }),
    http.post(at("/STU3/ReferralRequest/:ubrn/$ers.generatePatientLetter"), ({ request }) => {
      const problem = guard(RC)(request);
      if (problem) return problem;
      return attachment(
        request,
        pdfFor("Appointment confirmation summary"),
        'attachment; filename="000000070000_Appointment_Confirmation_Summary_20210603121353.pdf"',
      );
    }),
    http.post(at("/STU3/CommunicationRequest/:ubrn/$ers.generateCRI"), ({ request }) => {
      const problem = guard(RC_SP)(request);
      if (problem) return problem;
      return attachment(
        request,
        pdfFor("Advice and guidance overview"),
        'attachment; filename="000049146177_Advice_And_Guidance_20220610143044.pdf"',
      );
    }),

    // ------------------------------------------------------------ STU3 writes
    exampleRoute("/STU3/ReferralRequest/$ers.fetchworklist", "fetchReferralWorklist", WORKLIST, (name, request) =>
      fhirJson(request, WORKLISTS[name]),
    ),

    exampleRoute(
      "/STU3/CommunicationRequest/$ers.fetchworklist",
      "fetchAdviceWorklist",
      ADVICE_WORKLIST,
      (_, request) =>
        fhirJson(request, {
          ...worklist("ADVICE_AND_GUIDANCE_REQUESTS", []),
          entry: ["000000070000", "000000070001"].map((ubrn) => ({
            item: { reference: `CommunicationRequest/${ubrn}` },
          })),
        }),
    ),

    exampleRoute(
      "/STU3/HealthcareService/$ers.searchHealthcareServicesForPatient",
      "searchServicesForPatient",
      RC,
      (name, request) => fhirJson(request, PATIENT_SEARCHES[name]),
      {
        names: (request) =>
          isReferringClinician(request)
            ? [
                "RcMinimal",
                "RcSearchByClinicalTerm",
                "RcSearchByNamedClinician",
                "RcSearchForAdviceService",
                "RcSearchWithCommissioningRuleOrganisation",
              ]
            : ["RcaWithIWT"],
      },
    ),

    exampleRoute(
      "/STU3/ReferralRequest/$ers.createReferral",
      "createReferral",
      RC,
      (name, request) =>
        fhirJson(
          request,
          referralAt("000000070000", 1, "NOT_BOOKED", "Not Booked", shortlistOf("createReferral", name)),
          {
            status: 201,
            version: 1,
          },
        ),
      {
        names: (request) =>
          isReferringClinician(request)
            ? ["MinimalRequest", "RequestTwentyServices", "RequestMixedShortlist"]
            : ["MinimalRequestWithReferringClinician"],
      },
    ),

    exampleRoute(
      "/STU3/ReferralRequest/$ers.createReferralAndSendForTriage",
      "createReferralAndSendForTriage",
      RC,
      (_, request) =>
        fhirJson(request, referralAt("000000070000", 1, "AWAITING_TRIAGE", "Awaiting Triage", ["11005"]), {
          status: 201,
          version: 1,
        }),
      { names: (request) => (isReferringClinician(request) ? ["Parameters"] : ["ParametersWithNamedClinician"]) },
    ),

    exampleRoute(
      "/STU3/ReferralRequest/:ubrn/$ers.maintainReferralLetter",
      "maintainReferralLetter",
      RC,
      (name, request, params) => {
        const allowed =
          params.ubrn === "000000070000"
            ? ["SingleDocumentReference"]
            : params.ubrn === "000000070001"
              ? ["MultipleDocumentReferences", "UpdateClinicalInfo"]
              : [];
        if (!allowed.includes(name)) return undefined;
        const body = referral({
          ubrn: params.ubrn as string,
          version: 5,
          state: "NOT_BOOKED",
          stateDisplay: "Not Booked",
          extraAttachments: name === "MultipleDocumentReferences" ? 1 : 0,
        });
        return fhirJson(request, body, { version: 5 });
      },
    ),

    http.post(at("/STU3/ReferralRequest/:ubrn/$ers.acceptReferral"), ({ request, params }) => {
      const problem = guard(SP)(request);
      if (problem) return problem;
      if (params.ubrn !== "000000070000") return stu3SandboxError(request);
      return fhirJson(request, referralAt("000000070000", 9, "BOOKED", "Booked"), { version: 9 });
    }),

    exampleRoute("/STU3/ReferralRequest/:ubrn/$ers.rejectReferral", "rejectReferral", SP, (_, request, params) =>
      fhirJson(request, referralAt(params.ubrn as string, 10, "REJECTED", "Rejected"), { version: 10 }),
    ),

    exampleRoute(
      "/STU3/ReferralRequest/:ubrn/$ers.recordReviewOutcome",
      "recordReviewOutcome",
      SP,
      (name, request, params) =>
        fhirJson(
          request,
          name === "AcceptReferBookLater"
            ? referralAt(params.ubrn as string, 10, "TRIAGED_PROVIDER_TO_ACTION", "Triaged - Provider To Action")
            : referralAt(params.ubrn as string, 10, "TRIAGE_RESPONSE", "Triage Response"),
          { version: 10 },
        ),
    ),

    exampleRoute(
      "/STU3/ReferralRequest/:ubrn/$ers.cancelAppointmentActionLater",
      "cancelAppointmentActionLater",
      SP,
      (_, request, params) =>
        fhirJson(
          request,
          referralAt(params.ubrn as string, 11, "APPT_CANCELLED_BY_PROVIDER", "Appointment Cancelled By Provider"),
          {
            version: 11,
          },
        ),
    ),

    exampleRoute("/STU3/ReferralRequest/:ubrn/$ers.changeShortlist", "changeShortlist", RC, (name, request, params) =>
      fhirJson(
        request,
        referralAt(params.ubrn as string, 3, "NOT_BOOKED", "Not Booked", shortlistOf("changeShortlist", name)),
        {
          version: 3,
        },
      ),
    ),

    exampleRoute(
      "/STU3/ReferralRequest/:ubrn/$ers.changeShortlistAndSendForTriage",
      "changeShortlistAndSendForTriage",
      RC,
      (_, request, params) =>
        fhirJson(
          request,
          parametersAnswer("eRS-ChangeShortlistAndSendForTriage-Response-Parameters", [
            {
              name: "updatedReferralRequest",
              resource: referralAt(params.ubrn as string, 6, "AWAITING_TRIAGE", "Awaiting Triage", ["11005"]),
            },
            { name: "createdAppointment", resource: appointment("70003", 1, "proposed") },
          ]),
        ),
    ),

    exampleRoute("/STU3/ReferralRequest/:ubrn/$ers.cancelReferral", "cancelReferral", RC, (name, request, params) => {
      const cancelled = referralAt(params.ubrn as string, 6, "CANCELLED_REFERRAL", "Cancelled Referral");
      const withBooking = name === "ReferrerCancellation" || name === "NoLongerRequired";
      return fhirJson(
        request,
        parametersAnswer("eRS-CancelReferral-Response-Parameters", [
          { name: "updatedReferralRequest", resource: cancelled },
          ...(withBooking ? [{ name: "updatedAppointment", resource: appointment("70000", 6, "cancelled") }] : []),
        ]),
      );
    }),

    exampleRoute(
      "/STU3/ReferralRequest/$ers.createFromCommunicationRequestActionLater",
      "convertAdviceToReferral",
      SP,
      (name, request) =>
        fhirJson(
          request,
          {
            ...referralAt(name === "NoAttachments" ? "000000070000" : "000000070001", 1, "NOT_BOOKED", "Not Booked"),
            basedOn: [{ reference: "CommunicationRequest/000000070000" }],
          },
          { status: 201 },
        ),
    ),

    exampleRoute(
      "/STU3/CommunicationRequest/:ubrn/$ers.sendCommunicationToRequester",
      "sendAdviceResponse",
      SP,
      (name, request, params) =>
        fhirJson(
          request,
          parametersAnswer("eRS-SendCommunicationToRequester-Response-Parameters", [
            {
              name: "updatedCommunicationRequest",
              resource: adviceRequest(params.ubrn as string, 6, name === "AttachmentIncluded"),
            },
            {
              name: "createdCommunication",
              resource: {
                resourceType: "Communication",
                meta: { profile: [STU3_SD("eRS-Communication")] },
                status: "completed",
                basedOn: [{ reference: `CommunicationRequest/${params.ubrn as string}/_history/6` }],
                payload: [{ contentString: name }],
              },
            },
          ]),
        ),
    ),

    exampleRoute(
      "/STU3/CommunicationRequest/$ers.createAdviceAndGuidance",
      "createAdviceAndGuidance",
      RC,
      (name, request) =>
        fhirJson(
          request,
          parametersAnswer("eRS-CreateAdviceAndGuidance-Response-Parameters", [
            {
              name: "createdCommunicationRequest",
              resource: adviceRequest("000000070000", 1, name === "ExampleRCAWithAttachments"),
            },
            {
              name: "createdCommunication",
              resource: {
                resourceType: "Communication",
                meta: { profile: [STU3_SD("eRS-Communication")] },
                status: "completed",
                basedOn: [{ reference: "CommunicationRequest/000000070000/_history/1" }],
                payload: [{ contentString: "Advice request sent" }],
              },
            },
          ]),
        ),
    ),

    exampleRoute("/STU3/Appointment", "bookOrDeferAppointment", RC, (name, request) => {
      const booking = name === "MinimalBooking" || name === "BookingWithNamedClinician";
      const body = appointment("70000", 1, booking ? "booked" : "proposed", {
        ...(booking ? { start: "2026-03-02T09:00:00.000Z", end: "2026-03-02T09:30:00.000Z" } : {}),
        comment: name,
      });
      return fhirJson(request, body, { status: 201, version: 1 });
    }),

    http.put(at("/STU3/Appointment/:id"), async ({ request, params }) => {
      const problem = guard(RC)(request);
      if (problem) return problem;
      const name = await matchExample(request, "updateAppointment");
      if (
        name === "MinimalCancellationReasonOnlyCommentNotMandatory" ||
        name === "CancellationReasonAndMandatoryComment"
      ) {
        return fhirJson(request, appointment(params.id as string, 5, "cancelled"), { version: 5 });
      }
      if (name === "CancellationReasonOnlyCommentMandatory") {
        return fhirJson(
          request,
          stu3Outcome({
            code: "required",
            spineCode: "MISSING_VALUE",
            display: "A mandatory input field is missing",
            diagnostics: "'comment' is missing.",
          }),
          { status: 422, version: 5 },
        );
      }
      if (name === "CancellationInvalidReason") {
        return fhirJson(
          request,
          stu3Outcome({
            code: "business-rule",
            spineCode: "INAPPROPRIATE_VALUE",
            display: "Inappropriate value",
            diagnostics: "'reason' The reason provided is not valid in this case",
          }),
          { status: 422, version: 5 },
        );
      }
      return stu3SandboxError(request);
    }),

    http.post(at("/STU3/Binary"), async ({ request }) => {
      const problem = guard(RC_SP)(request);
      if (problem) return problem;
      const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      const bytes = await request.arrayBuffer();
      const named = request.headers.get("nhsd-ers-file-name") && request.headers.get("nhsd-ers-referral-id");
      if (!UPLOAD_TYPES.has(type) || bytes.byteLength === 0 || bytes.byteLength > MAX_UPLOAD || !named) {
        return stu3SandboxError(request);
      }
      return noBody(request, 201, { Location: `Binary/${UPLOADED_BINARY_ID}` });
    }),

    // ------------------------------------------------------------ R4
    http.get(at("/R4/PractitionerRole"), ({ request }) => fhirJson(request, PRACTITIONER_ROLES)),

    http.get(at("/R4/Practitioner"), ({ request }) => {
      if (new URL(request.url).searchParams.get("_query") !== "onBehalfOf") return r4SandboxError(request, 400);
      if (request.headers.get("nhsd-ers-business-function") !== SPCA) {
        return plainText(
          request,
          403,
          `SANDBOX_ERROR: This endpoint cannot be accessed using the e-RS Business Function provided. Allowed values: ${SPCA}`,
        );
      }
      return fhirJson(request, ON_BEHALF_OF_PRACTITIONERS);
    }),

    http.get(at("/R4/HealthcareService/:id"), ({ request, params }) => {
      const problem = guard(RC)(request);
      if (problem) return problem;
      const id = params.id as string;
      if (id !== "1" && id !== "2") return noBody(request, 404);
      return fhirJson(request, healthcareService(id, id === "2"), { version: 1 });
    }),
    http.head(at("/R4/HealthcareService/:id"), ({ request, params }) => {
      const problem = guard(RC)(request);
      if (problem) return problem;
      const id = params.id as string;
      if (id !== "1" && id !== "2") return noBody(request, 404);
      return noBody(request, 200, { "Content-Type": "application/fhir+json", ETag: 'W/"1"' });
    }),

    http.get(at("/R4/HealthcareService"), ({ request }) => {
      const problem = guard(RC)(request);
      if (problem) return problem;
      // The hosted sandbox compares with JS loose equality: one comma-separated value matches, repeats do not.
      const ids = new URL(request.url).searchParams.getAll("_id");
      const one = ids.length === 1 ? ids[0] : undefined;
      if (one === "1,2") return fhirJson(request, serviceSearchBundle(["1", "2"]));
      if (one === "3,4") return fhirJson(request, serviceSearchBundle(["3", "4"]));
      if (one === "5,6") return fhirJson(request, serviceSearchBundle([]));
      return noBody(request, 404);
    }),

    http.get(at("/R4/ServiceRequest"), ({ request }) => {
      const problem = guard(RC_SP)(request);
      if (problem) return problem;
      const identifier = new URL(request.url).searchParams.get("identifier") ?? "";
      const ubrn = identifier.includes("|") ? identifier.split("|")[1] : identifier;
      const found = ubrn !== undefined ? SERVICE_REQUESTS[ubrn] : undefined;
      if (!found) return r4SandboxError(request, 400);
      return fhirJson(request, {
        resourceType: "Bundle",
        type: "searchset",
        total: found.length,
        ...(found.length ? { entry: found } : {}),
      });
    }),

    http.get(at("/R4/Binary/:id"), ({ request, params }) => {
      const problem = guard(RC_SP)(request);
      if (problem) return problem;
      if (!isAttachmentId(params.id as string)) return r4SandboxError(request, 400);
      const origin = new URL(request.url).origin;
      return noBody(request, 307, { Location: `${origin}${proxyBase}/ObjectStore/${OBJECT_STORE_FILE_ID}` });
    }),

    // ------------------------------------------------------------ anything else under the base path
    http.all(at("/*"), ({ request }) =>
      HttpResponse.json({ error: "File not found" }, { status: 404, headers: sandboxHeaders(request) }),
    ),
  ];
}
