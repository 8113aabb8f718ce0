// The hosted sandbox's mock receiver (a FastAPI app): canned answers, a few checks, no state.
import { decodeJsonHeader } from "../headers.js";
import {
  appointment,
  appointmentBundle,
  IDS,
  messageDefinitionBundle,
  processMessageReceipt,
  receiverCapabilityStatement,
  receiverPointers,
  referral,
  referralBundle,
  resourceUpdated,
  slotBundle,
} from "./fixtures.js";
import { json, outcome, outcomeJson } from "./responses.js";

const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

/** Every request FastAPI refuses (missing header or parameter, bad id, bad body) gets this 400. */
export function badRequest() {
  return json(
    outcome(
      {
        code: "invalid",
        coding: "REC_BAD_REQUEST",
        diagnostics: "Any further internal debug details i.e. stack trace details etc.",
      },
      "531e073a-3295-4e67-ae90-e00bd96a9cdd",
    ),
    400,
  );
}

function methodNotAllowed(allow: string) {
  return outcomeJson(405, { code: "not-supported", coding: "REC_METHOD_NOT_ALLOWED" }, { Allow: allow });
}

function recNotFound() {
  return outcomeJson(404, {
    code: "not-found",
    coding: "REC_NOT_FOUND",
    diagnostics: "the resource requested was not found.",
  });
}

/** FastAPI's answer for a path it has no route for. */
export function fastApiNotFound() {
  return json({ detail: "Not Found" }, 404);
}

/** The slot `_include` names the mock accepts (not the ones BaRS 1.4.0 documents). */
export const RECEIVER_SLOT_INCLUDES = [
  "Schedule",
  "Schedule:actor:Practitioner",
  "Schedule:actor:PractitionerRole",
  "Schedule:actor:HealthcareService",
  "HealthcareService.providedBy",
  "HealthcareService.location",
];

// What pydantic accepts as a datetime: ISO 8601 with optional seconds, fraction and offset, or a number.
const PYDANTIC_DATETIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2})(:\d{1,2}(\.\d{1,12})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

function isDateTime(value: string) {
  const match = PYDANTIC_DATETIME.exec(value);
  if (match) {
    const [, , month, day, hour, minute] = match.map(Number) as number[];
    return month! >= 1 && month! <= 12 && day! >= 1 && day! <= 31 && hour! <= 23 && minute! <= 59;
  }
  return /^-?\d+(\.\d+)?$/.test(value);
}

/** The last value of a repeated query parameter (FastAPI reads a single-valued parameter that way). */
function last(url: URL, name: string): string | undefined {
  const all = url.searchParams.getAll(name);
  return all.length ? all[all.length - 1] : undefined;
}

async function hasResourceBody(request: Request): Promise<boolean> {
  let body: unknown;
  try {
    body = JSON.parse(await request.clone().text());
  } catch {
    return false;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const record = body as { resourceType?: unknown; meta?: { profile?: unknown } };
  return typeof record.resourceType === "string" && Array.isArray(record.meta?.profile);
}

/** The decoded NHSD-Target-Identifier value, when the header decodes to `{ value }`. */
export function targetValue(request: Request): string | undefined {
  const header = request.headers.get("nhsd-target-identifier");
  if (header === null) return undefined;
  try {
    const decoded = decodeJsonHeader(header) as { value?: unknown } | null;
    return typeof decoded?.value === "string" ? decoded.value : undefined;
  } catch {
    return undefined;
  }
}

/** GET /errors/{anything}: a canned error per target id value (only reachable without the proxy). */
function cannedError(request: Request) {
  if (!request.headers.has("nhsd-target-identifier")) return badRequest();
  const key = targetValue(request) ?? "";
  const table: Record<string, [number, Parameters<typeof outcome>[0] | null]> = {
    "NHS0001-400": [400, { code: "invalid", coding: "REC_BAD_REQUEST" }],
    "NHS0001-400-1": [400, { code: "invariant", coding: "REC_BAD_REQUEST" }],
    "NHS0001-400-2": [400, { code: "not-supported", coding: "REC_BAD_REQUEST" }],
    "NHS0001-401": [401, { code: "security", coding: "REC_UNAUTHORIZED" }],
    "NHS0001-403": [403, { code: "forbidden", coding: "REC_FORBIDDEN" }],
    "NHS0001-406": [406, { code: "processing", coding: "REC_NOT_ACCEPTABLE" }],
    "NHS0001-408": [408, null],
    "NHS0001-409": [409, { code: "duplicate", coding: "REC_CONFLICT" }],
    "NHS0001-422": [422, { code: "processing", coding: "REC_UNPROCESSABLE_ENTITY" }],
    "NHS0001-500": [500, { code: "exception", coding: "REC_SERVER_ERROR" }],
    "NHS0001-500-1": [500, null],
    "NHS0001-500-2": [500, { code: "no-store", coding: "REC_SERVER_ERROR" }],
    "NHS0001-501": [501, { code: "not-supported", coding: "REC_NOT_IMPLEMENTED" }],
    "NHS0001-503": [503, null],
    "NHS0001-504": [504, null],
  };
  const hit = table[key];
  if (!hit) return json({ message: "no match for target id" }, 400);
  const [status, issue] = hit;
  return json(issue ? outcome(issue) : {}, status);
}

/** The mock receiver's own DocumentReference routes (through the proxy this traffic goes to NRL instead). */
async function receiverPointerRoutes(request: Request, id: string | undefined) {
  const method = request.method;
  const pointers = receiverPointers();
  const nrlCode = (code: string, display: string, diagnostics: string, severity: "information" = "information") =>
    outcome({
      severity,
      code: "informational",
      coding: code,
      display,
      diagnostics,
      system: "https://fhir.nhs.uk/ValueSet/NRL-ResponseCode",
    });
  if (id === undefined) {
    if (method === "GET")
      return json({
        resourceType: "Bundle",
        type: "searchset",
        total: pointers.length,
        entry: pointers.map((resource) => ({ resource })),
      });
    if (method === "POST")
      return json(nrlCode("RESOURCE_CREATED", "Resource created", "The document has been created"), 201);
    return methodNotAllowed("GET, POST");
  }
  if (method === "GET") {
    const { id: _omitted, ...first } = pointers[0]!;
    return json(first);
  }
  if (method === "PUT") return json(resourceUpdated());
  if (method === "DELETE")
    return json(nrlCode("RESOURCE_DELETED", "Resource deleted", "The requested DocumentReference has been deleted"));
  return methodNotAllowed("GET, PUT, DELETE");
}

/**
 * Answers as the mock receiver does. `path` is the part after the base path. `layer` "receiver" adds the
 * routes the proxy never lets through (DocumentReference, /errors).
 */
export async function receiver(request: Request, path: string, layer: "proxy" | "receiver"): Promise<Response> {
  const url = new URL(request.url);
  const method = request.method;
  const hasTarget = request.headers.has("nhsd-target-identifier");
  const segments = path.split("/").filter(Boolean);
  const [resource, id, extra] = segments;
  if (extra !== undefined) return fastApiNotFound();

  if (layer === "receiver") {
    if (resource === "DocumentReference") return receiverPointerRoutes(request, id);
    if (resource === "errors" && id !== undefined && method === "GET") return cannedError(request);
    if (resource === "_status" && id === undefined && method === "GET") return new Response(null, { status: 200 });
  }

  switch (resource) {
    case "metadata":
      if (id !== undefined) return fastApiNotFound();
      if (method !== "GET") return methodNotAllowed("GET");
      return hasTarget ? json(receiverCapabilityStatement()) : badRequest();

    case "MessageDefinition":
      if (id !== undefined) return fastApiNotFound();
      if (method !== "GET") return methodNotAllowed("GET");
      if (!hasTarget || !url.searchParams.has("context")) return badRequest();
      return json(messageDefinitionBundle());

    case "$process-message":
      if (id !== undefined) return fastApiNotFound();
      if (method !== "POST") return methodNotAllowed("POST");
      return hasTarget ? json(processMessageReceipt()) : badRequest();

    case "Slot": {
      if (id !== undefined) return fastApiNotFound();
      if (method !== "GET") return methodNotAllowed("GET");
      const status = last(url, "status");
      const start = last(url, "start");
      const include = last(url, "_include");
      const valid =
        hasTarget &&
        (status === "free" || status === "busy") &&
        start !== undefined &&
        isDateTime(start) &&
        include !== undefined &&
        RECEIVER_SLOT_INCLUDES.includes(include);
      return valid ? json(slotBundle()) : badRequest();
    }

    case "Appointment":
      if (id === undefined) {
        if (method === "GET")
          return hasTarget && url.searchParams.has("patient:identifier") ? json(appointmentBundle()) : badRequest();
        if (method === "POST")
          return hasTarget && (await hasResourceBody(request)) ? json(appointment()) : badRequest();
        return methodNotAllowed("GET, POST");
      }
      if (method === "POST") return methodNotAllowed("GET, PATCH, PUT, DELETE");
      if (!hasTarget || !UUID.test(id)) return badRequest();
      if (method === "GET")
        return (IDS.appointments as readonly string[]).includes(id.toLowerCase()) ? json(appointment()) : recNotFound();
      if (method === "PUT" || method === "PATCH")
        return (await hasResourceBody(request)) ? json(appointment()) : badRequest();
      if (method === "DELETE")
        return (IDS.appointments as readonly string[]).includes(id.toLowerCase())
          ? json(resourceUpdated())
          : json(null, 404);
      return methodNotAllowed("GET, PATCH, PUT, DELETE");

    case "ServiceRequest":
      if (id === undefined) {
        if (method === "GET")
          return hasTarget && url.searchParams.has("patient:identifier") ? json(referralBundle()) : badRequest();
        if (method === "POST") return hasTarget && (await hasResourceBody(request)) ? json(referral()) : badRequest();
        // The mock allows GET here although it implements POST too.
        return methodNotAllowed("GET");
      }
      if (method === "POST") return methodNotAllowed("GET, PATCH, PUT, DELETE");
      if (!hasTarget || !UUID.test(id)) return badRequest();
      if (method === "GET") return id.toLowerCase() === IDS.readableReferral ? json(referral()) : recNotFound();
      if (method === "PUT" || method === "PATCH")
        return (await hasResourceBody(request)) ? json(referral()) : badRequest();
      if (method === "DELETE")
        return id.toLowerCase() === IDS.readableReferral ? json(resourceUpdated()) : json(null, 404);
      return methodNotAllowed("GET, PATCH, PUT, DELETE");

    default:
      return fastApiNotFound();
  }
}
