import { gpConnectAppointments } from "@nhskit/catalogue";
import { anyOrigin, fhirResponse, sandboxBasePath, UUID } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { gpcOutcome } from "./outcome.js";
import {
  accessDenied,
  bookedAppointment,
  cancelledAppointment,
  noRecordFound,
  patientAppointments,
  singleAppointment,
  slotSearchset,
} from "./patient-facing-fixtures.js";

/** `/gp-connect/patient-facing/appointments-management-fhir/FHIR/STU3`. */
export const PATIENT_FACING_BASE_PATH = sandboxBasePath(gpConnectAppointments, "patient-facing");

// The hosted sandbox is Stoplight Prism serving the specification: it checks each request against the
// document (required parameters and headers, enums, the X-Request-ID pattern), answers a failure with the
// operation's 4XX example, and otherwise always answers the success example. Ids are never looked up.

const SLOT_RECURSE = ["Schedule:actor:Practitioner", "Schedule:actor:Location", "Location:managingOrganization"];
const APPOINTMENT_RECURSE = ["Appointment:actor:Practitioner", "Appointment:actor:Location"];
const SEARCH_FILTERS = [
  "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1|gp-practice",
  "https://fhir.nhs.uk/Id/ods-organization-code|A20047",
];

type Example = typeof accessDenied;
type Rule = (query: URLSearchParams) => boolean;

const required =
  (name: string): Rule =>
  (q) =>
    q.getAll(name).length > 0;
const oneOf =
  (name: string, allowed: readonly string[]): Rule =>
  (q) =>
    q.getAll(name).every((v) => allowed.includes(v));

/** Prism's request checks: X-Request-ID (a UUID), the operation's query rules, a JSON object body if any. */
async function violates(request: Request, rules: readonly Rule[]): Promise<boolean> {
  const requestId = request.headers.get("x-request-id");
  if (requestId === null || !UUID.test(requestId)) return true;
  const query = new URL(request.url).searchParams;
  if (rules.some((rule) => !rule(query))) return true;
  if (request.method === "POST" || request.method === "PUT") {
    const text = await request.text();
    if (text.trim() !== "") {
      try {
        const body = JSON.parse(text) as unknown;
        if (!body || typeof body !== "object" || Array.isArray(body)) return true;
      } catch {
        return true;
      }
    }
  }
  return false;
}

function answer(rules: readonly Rule[], failure: Example, status: number, body: unknown) {
  return async ({ request }: { request: Request }) =>
    (await violates(request, rules))
      ? fhirResponse(request, gpcOutcome(failure), { status: 422 })
      : fhirResponse(request, structuredClone(body), { status });
}

/** Handlers for the patient-facing document, as its hosted sandbox would answer. */
export function patientFacingHandlers(): RequestHandler[] {
  const at = (path: string) => anyOrigin(PATIENT_FACING_BASE_PATH, path);
  return [
    http.get(
      at("/Slot"),
      answer(
        [
          required("start"),
          required("end"),
          required("status"),
          oneOf("status", ["free"]),
          required("_include"),
          oneOf("_include", ["Slot:schedule"]),
          oneOf("_include:recurse", SLOT_RECURSE),
          oneOf("searchFilter", SEARCH_FILTERS),
        ],
        accessDenied,
        200,
        slotSearchset,
      ),
    ),
    http.post(at("/Appointment"), answer([], noRecordFound, 201, bookedAppointment)),
    http.get(
      at("/Patient/:id/Appointment"),
      answer(
        [required("start"), oneOf("_include:recurse", APPOINTMENT_RECURSE)],
        noRecordFound,
        200,
        patientAppointments,
      ),
    ),
    http.get(
      at("/Appointment/:id"),
      answer([oneOf("_include:recurse", APPOINTMENT_RECURSE)], noRecordFound, 200, singleAppointment),
    ),
    http.put(at("/Appointment/:id"), answer([], noRecordFound, 200, cancelledAppointment)),
    // Proxy-level paths: _ping is open; _status needs the platform's status apikey.
    http.get(at("/_ping"), () => HttpResponse.json({ status: "pass" })),
    http.get(at("/_status"), ({ request }) =>
      request.headers.get("apikey")
        ? new HttpResponse("OK", { headers: { "Content-Type": "application/text" } })
        : HttpResponse.json(
            { error: "Access Denied", error_description: "Invalid api key for _status monitoring endpoint" },
            { status: 401 },
          ),
    ),
  ];
}
