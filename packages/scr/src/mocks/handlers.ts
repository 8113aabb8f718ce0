import { scr } from "@nhskit/catalogue";
import { anyOrigin, fhirResponse, mirroredHeaders, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { ACS_PERMISSION_SYSTEM, GP_SUMMARY_TYPE, NHS_NUMBER_SYSTEM, ODS_CODE_SYSTEM } from "../codes.js";
import { SANDBOX_PATIENT, SANDBOX_SCR_ID, scrBundle, scrIdBundle } from "./fixtures.js";

export interface ScrMockOptions {
  /**
   * Make uploads time out as the service does when Spine's polled result never arrives (504). Off by default:
   * the sandbox's Spine stand-in always accepts.
   */
  uploadTimesOut?: boolean;
  /** The `apikey` that opens `GET /_status`. Default: none, so `_status` always answers 401 (as for the public). */
  statusApiKey?: string;
}

/** `/summary-care-record/FHIR/R4` */
export const SCR_BASE_PATH = sandboxBasePath(scr);

// The service's own UUID pattern, quoted in its error text.
const UUID_PATTERN = "^[0-9a-fA-F]{8}+-[0-9a-fA-F]{4}+-[0-9a-fA-F]{4}+-[0-9a-fA-F]{4}+-[0-9a-fA-F]{12}+$";
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NO_CONSENT =
  "Code: 420, Display: Business condition related to access control  which prevents the action being performed by PSIS";

/** SCR's error shape: an OperationOutcome whose issue carries free text in `details.text`, no Spine coding. */
function scrError(request: Request, status: number, code: string, text: string) {
  return fhirResponse(
    request,
    { resourceType: "OperationOutcome", issue: [{ severity: "error", code, details: { text } }] },
    { status },
  );
}

const invalid = (request: Request, text: string) => scrError(request, 400, "value", text);
const invalidField = (request: Request, value: string, field: string) =>
  invalid(request, `Invalid value - ${value} in field '${field}'`);
const missingParameter = (request: Request, name: string) =>
  invalid(request, `Required request parameter '${name}' for method parameter type String is not present`);
const missingHeader = (request: Request, name: string) =>
  invalid(request, `Required request header '${name}' for method parameter type String is not present`);
const noConsent = (request: Request) => scrError(request, 403, "forbidden", NO_CONSENT);

/** 201 with no body, the ids mirrored. */
const created = (request: Request) => new HttpResponse(null, { status: 201, headers: mirroredHeaders(request) });

/** The service's first filter: X-Correlation-ID, then X-Request-ID, must be UUIDs when sent. */
function uuidFilter(request: Request): Response | undefined {
  for (const name of ["X-Correlation-ID", "X-Request-ID"]) {
    const value = request.headers.get(name);
    if (value && !UUID.test(value)) {
      return invalid(request, `Invalid ${name}. Should be a UUIDv4 matching "${UUID_PATTERN}"`);
    }
  }
  return undefined;
}

/** What every POST checks before reading its body: content type, then the headers the operation needs. */
function postChecks(request: Request, headers: readonly string[]): Response | undefined {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.split(";")[0]?.trim().toLowerCase() !== "application/fhir+json") {
    return scrError(request, 415, "not-supported", `Content type '${contentType}' not supported`);
  }
  for (const name of headers) if (!request.headers.get(name)) return missingHeader(request, name);
  return undefined;
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | Response> {
  try {
    const body = await request.json();
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through
  }
  return invalid(request, "The request body is not a FHIR JSON resource");
}

/** The NHS number in `https://fhir.nhs.uk/Id/nhs-number|<number>`, or undefined when malformed. */
function nhsNumberIn(value: string): string | undefined {
  const prefix = `${NHS_NUMBER_SYSTEM}|`;
  if (!value.startsWith(prefix)) return undefined;
  const number = value.slice(prefix.length);
  return /^\d{10}$/.test(number) ? number : undefined;
}

/**
 * msw handlers that answer like the hosted SCR sandbox (the real service with Spine swapped for canned
 * replies), on any origin under `/summary-care-record/FHIR/R4`. Stateless, like the sandbox.
 */
export function scrHandlers(options: ScrMockOptions = {}): RequestHandler[] {
  const at = (path: string) => anyOrigin(SCR_BASE_PATH, path);
  const baseUrl = (request: Request) => `${new URL(request.url).origin}${SCR_BASE_PATH}`;

  return [
    http.get(at("/_ping"), () => HttpResponse.json({ status: "pass", service: "nhskit mock" })),
    http.get(at("/_status"), ({ request }) => {
      const key = request.headers.get("apikey");
      if (options.statusApiKey === undefined || key !== options.statusApiKey) {
        return HttpResponse.json(
          { error: "unauthorized", message: "A valid apikey header is required" },
          { status: 401 },
        );
      }
      return HttpResponse.json({ status: "pass" });
    }),

    // get-scr-id
    http.get(at("/DocumentReference"), ({ request }) => {
      const problem = uuidFilter(request);
      if (problem) return problem;
      const query = new URL(request.url).searchParams;
      const patient = query.get("patient");
      if (patient === null) return missingParameter(request, "patient");
      const nhs = nhsNumberIn(patient);
      if (!nhs) return invalidField(request, patient, "patient");
      const type = query.get("type");
      if (type && type !== GP_SUMMARY_TYPE) return invalidField(request, type, "type");
      const sort = query.get("_sort");
      if (sort && sort !== "date") return invalidField(request, sort, "_sort");
      const count = query.get("_count");
      if (count !== null && count !== "1") return invalidField(request, count, "_count");
      if (nhs !== SANDBOX_PATIENT) return noConsent(request);
      return fhirResponse(request, scrIdBundle(baseUrl(request)));
    }),

    // get-scr
    http.get(at("/Bundle"), ({ request }) => {
      const problem = uuidFilter(request);
      if (problem) return problem;
      const query = new URL(request.url).searchParams;
      const id = query.get("composition.identifier");
      if (id === null) return missingParameter(request, "composition.identifier");
      const subject = query.get("composition.subject:Patient.identifier");
      if (subject === null) return missingParameter(request, "composition.subject:Patient.identifier");
      const nhs = nhsNumberIn(subject);
      if (!nhs) return invalidField(request, subject, "composition.subject:Patient.identifier");
      if (nhs !== SANDBOX_PATIENT) return noConsent(request);
      if (id.toUpperCase() !== SANDBOX_SCR_ID) {
        return fhirResponse(request, { resourceType: "Bundle", id: crypto.randomUUID(), type: "searchset", total: 0 });
      }
      return fhirResponse(request, scrBundle(baseUrl(request)));
    }),

    // upload-scr
    http.post(at("/Bundle"), async ({ request }) => {
      const problem = uuidFilter(request) ?? postChecks(request, ["NHSD-Session-URID"]);
      if (problem) return problem;
      const body = await jsonBody(request);
      if (body instanceof Response) return body;
      const entries = Array.isArray(body.entry) ? (body.entry as Array<{ resource?: { resourceType?: unknown } }>) : [];
      if (!entries.some((e) => e?.resource?.resourceType === "Composition")) {
        return invalid(request, "Composition missing from payload");
      }
      if (options.uploadTimesOut) {
        return scrError(
          request,
          504,
          "transient",
          "Request processing timed out. Spine POST + polling GET has timed out",
        );
      }
      return created(request);
    }),

    // acs
    http.post(at("/$setPermission"), async ({ request }) => {
      const problem = uuidFilter(request) ?? postChecks(request, ["NHSD-Session-URID", "Authorization"]);
      if (problem) return problem;
      const body = await jsonBody(request);
      if (body instanceof Response) return body;
      const parts = ((body.parameter as Array<{ part?: unknown }> | undefined)?.[0]?.part ?? []) as Array<{
        name?: unknown;
        valueString?: unknown;
        valueCoding?: { system?: unknown };
      }>;
      const nhs = parts.find((p) => p?.name === "nhsNumber")?.valueString;
      if (typeof nhs !== "string" || nhs === "")
        return invalid(request, "Missing value for Parameter.Part 'nhsNumber'");
      const codes = parts.filter(
        (p) => p?.name === "permissionCode" && p.valueCoding?.system === ACS_PERMISSION_SYSTEM,
      );
      if (codes.length !== 1) {
        return invalid(
          request,
          `Exactly 1 Parameter.Part named 'permissionCode' with valueCoding.system ${ACS_PERMISSION_SYSTEM} expected`,
        );
      }
      if (nhs !== SANDBOX_PATIENT) return invalid(request, "Code: 400, Display: Invalid Request");
      return created(request);
    }),

    // alert
    http.post(at("/AuditEvent"), async ({ request }) => {
      const problem = uuidFilter(request) ?? postChecks(request, ["NHSD-Session-URID"]);
      if (problem) return problem;
      const body = await jsonBody(request);
      if (body instanceof Response) return body;
      const ids = ((body.agent as Array<{ who?: { identifier?: { system?: unknown; value?: unknown } } }>) ?? []).map(
        (a) => a?.who?.identifier,
      );
      if (!ids.some((id) => id?.system === NHS_NUMBER_SYSTEM && typeof id.value === "string" && id.value !== "")) {
        return invalid(
          request,
          `Missing 'agent' entry with 'who.identifier.system' '${NHS_NUMBER_SYSTEM}' and non-empty 'value'`,
        );
      }
      if (ids.filter((id) => id?.system === ODS_CODE_SYSTEM).length !== 1) {
        return invalid(
          request,
          `Expecting exactly one 'agent' entry with 'who.identifier.system' '${ODS_CODE_SYSTEM}' and non-empty 'value'`,
        );
      }
      return created(request);
    }),
  ];
}
