import { gpConnectAppointments } from "@nhskit/catalogue";
import { isValidNhsNumber } from "@nhskit/core";
import { anyOrigin, fhirResponse, sandboxBasePath, UUID } from "@nhskit/mock-kit";
import { http, type RequestHandler } from "msw";
import { PROVIDER_OPERATIONS, type ProviderOperationName } from "../interactions.js";
import { isFhirDate, isFhirDateTime } from "../rules.js";
import { badRequest, gpcError, invalidParameter, invalidResource, notFound } from "./outcome.js";
import { capabilityStatement, type Json, providerResources } from "./provider-fixtures.js";

/** Where nhskit serves the provider API (the catalogue's local URL path). */
export const PROVIDER_BASE_PATH = sandboxBasePath(gpConnectAppointments, "provider");

const CANCELLATION_REASON =
  "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-AppointmentCancellationReason-1";
const DAY_MS = 86_400_000;

function decodePart(part: string | undefined): unknown {
  if (!part) return undefined;
  try {
    const binary = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
}

/** What is wrong with the audit JWT for an interaction needing `scope`, if anything. */
function jwtProblem(authorization: string | null, scope: string): string | undefined {
  if (authorization === null) return "the Authorization header is missing (Bearer and the audit JWT)";
  const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
  if (!token) return "the Authorization header must be Bearer followed by the audit JWT";
  const parts = token.split(".");
  if (parts.length !== 3) return "the JWT must have three dot-separated parts (the third, the signature, empty)";
  const header = decodePart(parts[0]) as { alg?: unknown } | undefined;
  if (header?.alg !== "none") return "the JWT must be unsigned: header alg none";
  const claims = decodePart(parts[1]) as Record<string, unknown> | undefined;
  if (!claims || typeof claims !== "object") return "the JWT's claims are not JSON";
  for (const claim of [
    "iss",
    "sub",
    "aud",
    "exp",
    "iat",
    "reason_for_request",
    "requested_scope",
    "requesting_device",
    "requesting_organization",
    "requesting_practitioner",
  ]) {
    if (claims[claim] === undefined || claims[claim] === null || claims[claim] === "") {
      return `the JWT has no ${claim} claim`;
    }
  }
  if (claims.reason_for_request !== "directcare") return "the JWT's reason_for_request must be directcare";
  if (claims.requested_scope !== scope) return `the JWT's requested_scope must be ${scope} for this interaction`;
  const [iat, exp] = [Number(claims.iat), Number(claims.exp)];
  if (!Number.isInteger(iat) || exp - iat !== 300) return "the JWT's exp must be 300 seconds (5 minutes) after iat";
  if (exp * 1000 < Date.now()) return "the JWT has expired";
  const practitioner = claims.requesting_practitioner as { resourceType?: unknown; id?: unknown };
  if (practitioner.resourceType !== "Practitioner") return "requesting_practitioner must be a Practitioner";
  if (practitioner.id !== claims.sub) return "the JWT's sub must equal requesting_practitioner.id";
  const organization = claims.requesting_organization as { resourceType?: unknown; identifier?: unknown };
  if (organization.resourceType !== "Organization" || !Array.isArray(organization.identifier)) {
    return "requesting_organization must be an Organization with its ODS code";
  }
  if ((claims.requesting_device as { resourceType?: unknown }).resourceType !== "Device") {
    return "requesting_device must be a Device";
  }
  return undefined;
}

/** The Spine Secure Proxy's header rules and the audit JWT, checked before any operation runs. */
function sspProblem(request: Request, allowed: readonly ProviderOperationName[]): Response | undefined {
  const traceId = request.headers.get("ssp-traceid");
  if (traceId === null || !UUID.test(traceId)) return badRequest(request, "Ssp-TraceID must be a UUID");
  for (const name of ["Ssp-From", "Ssp-To"]) {
    const asid = request.headers.get(name);
    if (asid === null || !/^\d{12}$/.test(asid)) return badRequest(request, `${name} must be an ASID (12 digits)`);
  }
  const interaction = request.headers.get("ssp-interactionid");
  const operation = allowed.find((name) => PROVIDER_OPERATIONS[name].interactionId === interaction);
  if (!operation) {
    const expected = allowed.map((name) => PROVIDER_OPERATIONS[name].interactionId).join(" or ");
    return badRequest(
      request,
      `Ssp-InteractionID ${interaction ?? "(missing)"} does not match this request: expected ${expected}`,
    );
  }
  const problem = jwtProblem(request.headers.get("authorization"), PROVIDER_OPERATIONS[operation].scope);
  return problem ? badRequest(request, problem) : undefined;
}

function searchset(request: Request, base: string, resources: Json[]) {
  return fhirResponse(request, {
    resourceType: "Bundle",
    type: "searchset",
    total: resources.length,
    ...(resources.length
      ? {
          entry: resources.map((resource) => ({
            fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
            resource: structuredClone(resource),
          })),
        }
      : {}),
  });
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body = (await request.json()) as unknown;
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `[ge|le]` + date or date-time, as the instant it bounds (a date's whole day for `le`). */
function bound(value: string, prefix: "ge" | "le"): { instant: number; day: number } | undefined {
  if (!value.startsWith(prefix)) return undefined;
  const text = value.slice(2);
  if (!isFhirDate(text) && !isFhirDateTime(text)) return undefined;
  const day = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
  if (text.length > 10) return { instant: Date.parse(text), day };
  return { instant: prefix === "ge" ? day : day + DAY_MS - 1, day };
}

export interface ProviderMockOptions {
  /** Keep bookings, amendments, cancellations and registrations (per handler set). Default: stateless. */
  stateful?: boolean;
  /** Serve under another path, e.g. the demonstrator's `/B82617/STU3/1/gpconnect/fhir`. */
  basePath?: string;
}

/** Handlers for the provider document: nhskit's model of a practice behind the Spine Secure Proxy. */
export function providerHandlers(options: ProviderMockOptions = {}): RequestHandler[] {
  const basePath = options.basePath ?? PROVIDER_BASE_PATH;
  const store = providerResources();
  let nextId = 100;
  const at = (path: string) => anyOrigin(basePath, path);
  const baseOf = (request: Request) => {
    const url = new URL(request.url);
    return `${url.origin}${url.pathname.slice(0, url.pathname.lastIndexOf(basePath) + basePath.length)}`;
  };
  const all = (type: string) => [...store.values()].filter((r) => r.resourceType === type);
  const save = (resource: Json) => {
    if (options.stateful) store.set(`${resource.resourceType}/${resource.id}`, resource);
  };

  function read(type: string, code: string) {
    return ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
      const name = `read${type}` as ProviderOperationName;
      const problem = sspProblem(request, [name]);
      if (problem) return problem;
      const found = store.get(`${type}/${String(params.id)}`);
      if (!found) return notFound(request, code, `No ${type} with id ${String(params.id)}`);
      return fhirResponse(request, structuredClone(found));
    };
  }

  type Invalid = { spineCode: string; display: string; diagnostics: string } | undefined;

  function find(type: string, system: string, valid: (value: string) => Invalid) {
    return ({ request }: { request: Request }) => {
      const problem = sspProblem(request, [`find${type}` as ProviderOperationName]);
      if (problem) return problem;
      const identifiers = new URL(request.url).searchParams.getAll("identifier");
      if (identifiers.length !== 1) return badRequest(request, "give the identifier parameter once");
      const [given, value = ""] = identifiers[0]!.split("|");
      if (given !== system) {
        return gpcError(request, 400, {
          code: "value",
          spineCode: "INVALID_IDENTIFIER_SYSTEM",
          display: "Invalid identifier system",
          diagnostics: `identifier must use the system ${system}`,
        });
      }
      const invalid = valid(value);
      if (invalid) return gpcError(request, 400, { code: "value", ...invalid });
      const matches = all(type).filter((r) =>
        (r.identifier as Array<{ system?: string; value?: string }> | undefined)?.some(
          (i) => i.system === system && i.value?.toLowerCase() === value.toLowerCase(),
        ),
      );
      return searchset(request, baseOf(request), matches);
    };
  }

  const invalidNhsNumber = (value: string): Invalid =>
    isValidNhsNumber(value)
      ? undefined
      : {
          spineCode: "INVALID_NHS_NUMBER",
          display: "NHS number invalid",
          diagnostics: `${value} is not a valid NHS number`,
        };
  const invalidIdentifier =
    (what: string) =>
    (value: string): Invalid =>
      /^[A-Za-z0-9]{1,20}$/.test(value)
        ? undefined
        : {
            spineCode: "INVALID_IDENTIFIER_VALUE",
            display: "Invalid identifier value",
            diagnostics: `${value} is not a valid ${what}`,
          };

  return [
    http.get(
      at("/metadata"),
      ({ request }) => sspProblem(request, ["getCapabilityStatement"]) ?? fhirResponse(request, capabilityStatement()),
    ),

    http.get(at("/Patient"), find("Patient", "https://fhir.nhs.uk/Id/nhs-number", invalidNhsNumber)),
    http.get(
      at("/Practitioner"),
      find("Practitioner", "https://fhir.nhs.uk/Id/sds-user-id", invalidIdentifier("SDS user id")),
    ),
    http.get(
      at("/Organization"),
      find("Organization", "https://fhir.nhs.uk/Id/ods-organization-code", invalidIdentifier("ODS code")),
    ),

    http.post(at("/Patient/$gpc.registerpatient"), async ({ request }) => {
      const problem = sspProblem(request, ["registerPatient"]);
      if (problem) return problem;
      const body = await jsonBody(request);
      const parameter = (body?.parameter as Array<{ name?: string; resource?: Json }> | undefined)?.find(
        (p) => p.name === "registerPatient",
      );
      const patient = parameter?.resource;
      if (body?.resourceType !== "Parameters" || patient?.resourceType !== "Patient") {
        return invalidResource(request, "the body must be a Parameters resource with a registerPatient Patient");
      }
      const nhsNumber = (patient.identifier as Array<{ system?: string; value?: string }> | undefined)?.find(
        (i) => i.system === "https://fhir.nhs.uk/Id/nhs-number",
      )?.value;
      if (!nhsNumber || !isValidNhsNumber(nhsNumber)) {
        return gpcError(request, 400, {
          code: "value",
          spineCode: "INVALID_NHS_NUMBER",
          display: "NHS number invalid",
          diagnostics: `${String(nhsNumber)} is not a valid NHS number`,
        });
      }
      const registered = all("Patient").some((p) =>
        (p.identifier as Array<{ value?: string }>).some((i) => i.value === nhsNumber),
      );
      if (registered) {
        return gpcError(request, 409, {
          code: "duplicate",
          spineCode: "DUPLICATE_REJECTED",
          display: "Create would lead to creation of a duplicate resource",
          diagnostics: `${nhsNumber} is already registered at this practice`,
        });
      }
      const created: Json = {
        ...patient,
        id: String(nextId++),
        meta: { versionId: "1", profile: ["https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1"] },
        active: true,
      };
      save(created);
      return searchset(request, baseOf(request), [created]);
    }),

    http.get(at("/Patient/:id/Appointment"), ({ request, params }) => {
      const problem = sspProblem(request, ["getPatientAppointments"]);
      if (problem) return problem;
      const id = String(params.id);
      if (!store.has(`Patient/${id}`)) return notFound(request, "PATIENT_NOT_FOUND", `No Patient with id ${id}`);
      const starts = new URL(request.url).searchParams.getAll("start");
      const from = starts.find((s) => s.startsWith("ge"));
      const to = starts.find((s) => s.startsWith("le"));
      if (starts.length !== 2 || !from || !to) {
        return badRequest(request, "start must be given twice: once with ge and once with le");
      }
      const [lower, upper] = [bound(from, "ge"), bound(to, "le")];
      if (!lower || !upper || upper.day < lower.day) {
        return invalidParameter(request, "start must be two dates (YYYY-MM-DD), ge before le");
      }
      const appointments = all("Appointment").filter((a) => {
        const when = Date.parse(String(a.start));
        const patients = (a.participant as Array<{ actor?: { reference?: string } }>).map((p) => p.actor?.reference);
        return patients.includes(`Patient/${id}`) && when >= lower.instant && when <= upper.instant;
      });
      return searchset(request, baseOf(request), appointments);
    }),

    http.get(at("/Patient/:id"), read("Patient", "PATIENT_NOT_FOUND")),
    http.get(at("/Practitioner/:id"), read("Practitioner", "PRACTITIONER_NOT_FOUND")),
    http.get(at("/Organization/:id"), read("Organization", "ORGANISATION_NOT_FOUND")),
    http.get(at("/Location/:id"), read("Location", "NO_RECORD_FOUND")),

    http.get(at("/Slot"), ({ request }) => {
      const problem = sspProblem(request, ["searchFreeSlots"]);
      if (problem) return problem;
      const query = new URL(request.url).searchParams;
      for (const name of ["start", "end", "status", "_include"]) {
        if (!query.has(name)) return badRequest(request, `the ${name} parameter is required`);
      }
      if (query.getAll("start").length > 1 || query.getAll("end").length > 1) {
        return invalidParameter(request, "start and end may each be given only once");
      }
      const lower = bound(query.get("start")!, "ge");
      if (!lower) return invalidParameter(request, "start must be ge followed by a date or a date-time with offset");
      const upper = bound(query.get("end")!, "le");
      if (!upper) return invalidParameter(request, "end must be le followed by a date or a date-time with offset");
      if (upper.instant < lower.instant || (upper.day - lower.day) / DAY_MS > 14) {
        return invalidParameter(request, "the search window must run forwards and cover at most 14 days");
      }
      if (query.getAll("status").some((s) => s !== "free")) return invalidParameter(request, "status must be free");
      if (query.getAll("_include").some((s) => s !== "Slot:schedule")) {
        return invalidParameter(request, "_include must be Slot:schedule");
      }
      const recurse = query.getAll("_include:recurse");
      const known = ["Schedule:actor:Practitioner", "Schedule:actor:Location", "Location:managingOrganization"];
      const unknown = recurse.find((r) => !known.includes(r));
      if (unknown) return invalidParameter(request, `${unknown} is not a supported _include:recurse value`);

      const slots = all("Slot").filter(
        (s) =>
          s.status === "free" &&
          Date.parse(String(s.start)) >= lower.instant &&
          Date.parse(String(s.end)) <= upper.instant,
      );
      const refs = (r: Json, key: string) =>
        ((Array.isArray(r[key]) ? r[key] : [r[key]]) as Array<{ reference?: string }>).map((x) => x?.reference ?? "");
      const scheduleIds = [...new Set(slots.flatMap((s) => refs(s, "schedule")))];
      const schedules = scheduleIds.flatMap((id) => (store.get(id) ? [store.get(id)!] : []));
      const actors = schedules.flatMap((s) => refs(s, "actor"));
      const included: Json[] = [];
      const add = (id: string) => {
        const resource = store.get(id);
        if (resource && !included.includes(resource)) included.push(resource);
      };
      if (recurse.includes("Schedule:actor:Practitioner"))
        actors.filter((a) => a.startsWith("Practitioner/")).forEach(add);
      if (recurse.includes("Schedule:actor:Location")) actors.filter((a) => a.startsWith("Location/")).forEach(add);
      if (recurse.includes("Location:managingOrganization")) {
        for (const location of actors.filter((a) => a.startsWith("Location/"))) {
          const org = (store.get(location)?.managingOrganization as { reference?: string } | undefined)?.reference;
          if (org) add(org);
        }
      }
      return searchset(request, baseOf(request), [...slots, ...schedules, ...included]);
    }),

    http.post(at("/Appointment"), async ({ request }) => {
      const problem = sspProblem(request, ["bookAppointment"]);
      if (problem) return problem;
      const body = await jsonBody(request);
      if (body?.resourceType !== "Appointment") return invalidResource(request, "the body must be an Appointment");
      const slotRefs = ((body.slot as Array<{ reference?: string }> | undefined) ?? []).map((s) => s.reference ?? "");
      if (slotRefs.length === 0) return invalidResource(request, "the appointment must reference its slots");
      const patientRef = (body.participant as Array<{ actor?: { reference?: string } }> | undefined)
        ?.map((p) => p.actor?.reference ?? "")
        .find((r) => r.startsWith("Patient/"));
      if (!patientRef) return invalidResource(request, "the appointment must have the patient as a participant");
      if (!store.has(patientRef)) return notFound(request, "PATIENT_NOT_FOUND", `No ${patientRef} at this practice`);
      for (const ref of slotRefs) {
        const slot = store.get(ref);
        if (slot?.resourceType !== "Slot") return invalidResource(request, `${ref} does not exist`);
        if (slot.status !== "free") {
          return gpcError(request, 409, {
            code: "duplicate",
            spineCode: "DUPLICATE_REJECTED",
            display: "Create would lead to creation of a duplicate resource",
            diagnostics: `${ref} is already booked`,
          });
        }
      }
      const appointment: Json = {
        ...(body as Json),
        id: String(nextId++),
        meta: { versionId: "1", profile: ["https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1"] },
        status: "booked",
      };
      save(appointment);
      if (options.stateful) for (const ref of slotRefs) store.set(ref, { ...store.get(ref)!, status: "busy" });
      return fhirResponse(request, appointment, {
        status: 201,
        headers: { Location: `${baseOf(request)}/Appointment/${appointment.id}` },
      });
    }),

    http.get(at("/Appointment/:id"), read("Appointment", "NO_RECORD_FOUND")),

    http.put(at("/Appointment/:id"), async ({ request, params }) => {
      const problem = sspProblem(request, ["amendAppointment", "cancelAppointment"]);
      if (problem) return problem;
      const cancel = request.headers.get("ssp-interactionid") === PROVIDER_OPERATIONS.cancelAppointment.interactionId;
      const id = String(params.id);
      const body = await jsonBody(request);
      if (body?.resourceType !== "Appointment") return invalidResource(request, "the body must be an Appointment");
      if (body.id !== id)
        return badRequest(request, `the body's id ${String(body.id)} is not the id in the URL (${id})`);
      const current = store.get(`Appointment/${id}`);
      if (!current) return notFound(request, "NO_RECORD_FOUND", `No Appointment with id ${id}`);
      if (current.status === "cancelled") {
        return invalidResource(request, "the appointment is already cancelled");
      }
      const reason = (body.extension as Array<{ url?: string; valueString?: string }> | undefined)?.find(
        (e) => e.url === CANCELLATION_REASON,
      )?.valueString;
      if (cancel && (body.status !== "cancelled" || !reason)) {
        return invalidResource(request, "a cancellation needs status cancelled and a cancellation reason");
      }
      if (!cancel && body.status !== current.status) {
        return invalidResource(request, "an amendment cannot change the status (use the cancel interaction)");
      }
      const version = Number((current.meta as { versionId?: string } | undefined)?.versionId ?? "1") + 1;
      const updated: Json = {
        ...current,
        ...(cancel ? { status: "cancelled", extension: body.extension } : {}),
        ...(!cancel && body.description !== undefined ? { description: body.description } : {}),
        ...(!cancel && body.comment !== undefined ? { comment: body.comment } : {}),
        meta: { ...(current.meta as object), versionId: String(version) },
      };
      save(updated);
      return fhirResponse(request, updated);
    }),
  ];
}
