// Through the hosted proxy, BaRS DocumentReference calls (BaRS Core 1.1.0 and later) go to the NRL sandbox,
// a real NRL back end that keeps what producers write. This is a small model of what NRL does there: the
// header checks, the sandbox permission table, search/read rules and the producer writes.
import { isValidNhsNumber } from "@nhskit/core";
import { decodeJsonHeader } from "../headers.js";
import { type Json, NRL_PERMISSIONS, nrlSeedPointers } from "./fixtures.js";
import { nrlError, nrlJson, outcome } from "./responses.js";

const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
const ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
const SNOMED = "http://snomed.info/sct";
const NRL_SUCCESS_SYSTEM = "https://fhir.nhs.uk/ValueSet/NRL-ResponseCode";
const CONSUMER_BASE = "https://sandbox.api.service.nhs.uk/record-locator/consumer/FHIR/R4";

export type PointerStore = Map<string, Json>;

export function pointerStore(): PointerStore {
  return new Map(nrlSeedPointers().map((p) => [p.id as string, p]));
}

const typeOf = (p: Json) =>
  ((p.type as { coding?: Array<{ code?: string }> } | undefined)?.coding?.[0]?.code ?? "") as string;
const subjectOf = (p: Json) => (p.subject as { identifier?: { value?: string } } | undefined)?.identifier?.value;
const custodianOf = (p: Json) => (p.custodian as { identifier?: { value?: string } } | undefined)?.identifier?.value;

/**
 * The ODS code NRL sees: `NHSD-End-User-Organisation-ODS` when the caller sends it, otherwise the ODS code
 * in the BaRS `NHSD-End-User-Organisation` header.
 */
function odsOf(request: Request): string | undefined {
  const direct = request.headers.get("nhsd-end-user-organisation-ods");
  if (direct !== null) return direct.trim() || undefined;
  const header = request.headers.get("nhsd-end-user-organisation");
  if (!header) return undefined;
  try {
    const org = decodeJsonHeader(header) as { identifier?: Array<{ system?: string; value?: string }> } | null;
    const ids = org?.identifier ?? [];
    return (ids.find((i) => i.system === ODS_SYSTEM) ?? ids[0])?.value || undefined;
  } catch {
    return undefined;
  }
}

function success(request: Request, status: number, code: string, display: string, diagnostics: string, headers = {}) {
  return nrlJson(
    request,
    outcome({
      severity: "information",
      code: "informational",
      coding: code,
      display,
      diagnostics,
      system: NRL_SUCCESS_SYSTEM,
    }),
    status,
    headers,
  );
}

const forbiddenAuthor = (request: Request, diagnostics: string) =>
  nrlError(request, 403, { code: "forbidden", coding: "AUTHOR_CREDENTIALS_ERROR", diagnostics });
const noRecord = (request: Request) =>
  nrlError(request, 404, {
    code: "not-found",
    coding: "NO_RECORD_FOUND",
    diagnostics: "The requested DocumentReference could not be found",
  });
const badRequest = (request: Request, diagnostics: string) =>
  nrlError(request, 400, { code: "invalid", coding: "BAD_REQUEST", diagnostics });

async function readBody(request: Request): Promise<Json | undefined> {
  try {
    const body = JSON.parse(await request.clone().text());
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** Answers a DocumentReference call the way the NRL sandbox would. `id` is the path id, if any. */
export async function nrl(request: Request, id: string | undefined, store: PointerStore): Promise<Response> {
  const requestId = request.headers.get("x-request-id");
  if (!requestId?.trim())
    return nrlError(request, 400, {
      code: "invalid",
      coding: "MISSING_OR_INVALID_HEADER",
      diagnostics: "The X-Request-Id header is missing or invalid",
    });
  const ods = odsOf(request);
  if (!ods)
    return nrlError(request, 400, {
      code: "required",
      coding: "PRECONDITION_FAILED",
      diagnostics: "The NHSD-End-User-Organisation-ODS header is missing or invalid",
    });
  const allowed = NRL_PERMISSIONS[ods];
  if (!allowed)
    return nrlError(request, 403, {
      code: "forbidden",
      coding: "ACCESS_DENIED",
      diagnostics: "Provided ODS code has no pointers within requesting app",
    });
  if (allowed.length === 0)
    return nrlError(request, 403, {
      code: "forbidden",
      coding: "ACCESS DENIED",
      diagnostics: `Your organisation '${ods}' does not have permission to access this resource. Contact the onboarding team.`,
    });

  const method = request.method;
  if (id === undefined && method === "GET") return search(request, allowed, store);
  if (id === undefined && method === "POST") return create(request, ods, allowed, store);
  if (id === undefined) return nrlError(request, 405, { code: "not-supported", coding: "METHOD_NOT_ALLOWED" });

  const existing = store.get(id);
  if (method === "GET") {
    if (!existing) return noRecord(request);
    if (!allowed.includes(typeOf(existing)))
      return nrlError(request, 403, {
        code: "forbidden",
        coding: "ACCESS DENIED",
        diagnostics: "The requested DocumentReference is not of a type that this organisation is allowed to access",
      });
    return nrlJson(request, existing);
  }
  if (method === "PUT") {
    const body = await readBody(request);
    if (!body) return badRequest(request, "The request body is not a DocumentReference");
    if (body.id !== id)
      return badRequest(request, "The document id in the path does not match the document id in the body");
    if (!id.startsWith(`${ods}-`)) return forbiddenAuthor(request, "The pointer belongs to another organisation");
    if (!existing) return noRecord(request);
    const fixed = { subject: subjectOf, type: typeOf, custodian: custodianOf };
    for (const [field, read] of Object.entries(fixed)) {
      if (read(body) !== read(existing))
        return badRequest(request, `The field '${field}' is immutable and cannot be updated`);
    }
    store.set(id, body);
    return success(request, 200, "RESOURCE_UPDATED", "Resource updated", "The DocumentReference has been updated");
  }
  if (method === "DELETE") {
    if (!existing) return noRecord(request);
    if (custodianOf(existing) !== ods) return forbiddenAuthor(request, "The pointer belongs to another organisation");
    store.delete(id);
    return success(
      request,
      200,
      "RESOURCE_DELETED",
      "Resource deleted",
      "The requested DocumentReference has been deleted",
    );
  }
  return nrlError(request, 405, { code: "not-supported", coding: "METHOD_NOT_ALLOWED" });
}

function search(request: Request, allowed: readonly string[], store: PointerStore) {
  const url = new URL(request.url);
  const subject = url.searchParams.get("subject:identifier") ?? "";
  const [system, nhsNumber] = subject.includes("|") ? subject.split("|", 2) : ["", subject];
  if (system !== NHS_NUMBER_SYSTEM || !isValidNhsNumber(nhsNumber))
    return nrlError(request, 400, {
      code: "invalid",
      coding: "INVALID_NHS_NUMBER",
      diagnostics: "A valid NHS number is required to search for document references",
      expression: ["subject:identifier"],
    });
  const type = url.searchParams.get("type");
  let wanted = allowed;
  if (type !== null) {
    const [typeSystem, code] = type.split("|", 2);
    if (typeSystem !== SNOMED || !code || !allowed.includes(code))
      return nrlError(request, 400, {
        code: "code-invalid",
        coding: "INVALID_CODE_SYSTEM",
        diagnostics:
          "Invalid query parameter (The provided type system does not match the allowed types for this organisation)",
      });
    wanted = [code];
  }
  const custodian = url.searchParams.get("custodian:identifier")?.split("|").pop();
  const found = [...store.values()].filter(
    (p) => subjectOf(p) === nhsNumber && wanted.includes(typeOf(p)) && (!custodian || custodianOf(p) === custodian),
  );
  const self = new URL(`${CONSUMER_BASE}/DocumentReference`);
  self.searchParams.set("subject:identifier", `${NHS_NUMBER_SYSTEM}|${nhsNumber}`);
  if (url.searchParams.has("custodian:identifier"))
    self.searchParams.set("custodian:identifier", url.searchParams.get("custodian:identifier") ?? "");
  if (type !== null) self.searchParams.set("type", type);
  return nrlJson(request, {
    resourceType: "Bundle",
    type: "searchset",
    total: found.length,
    link: [{ relation: "self", url: decodeURIComponent(self.toString()) }],
    entry: found.map((resource) => ({ resource })),
  });
}

async function create(request: Request, ods: string, allowed: readonly string[], store: PointerStore) {
  const body = await readBody(request);
  if (body?.resourceType !== "DocumentReference")
    return badRequest(request, "The request body is not a DocumentReference");
  if (custodianOf(body) !== ods)
    return badRequest(
      request,
      "The custodian of the provided DocumentReference does not match the expected ODS code for this organisation",
    );
  if (!allowed.includes(typeOf(body)))
    return forbiddenAuthor(request, "The type of the provided DocumentReference is not in the list of allowed types");
  const id = `${ods}-${crypto.randomUUID()}`;
  const superseded = ((body.relatesTo as Array<{ code?: string; target?: { identifier?: { value?: string } } }>) ?? [])
    .filter((r) => r.code === "replaces")
    .map((r) => r.target?.identifier?.value)
    .filter((v): v is string => typeof v === "string");
  for (const old of superseded) store.delete(old);
  store.set(id, { ...body, id });
  const location = { Location: `/producer/FHIR/R4/DocumentReference/${id}` };
  return superseded.length
    ? success(
        request,
        201,
        "RESOURCE_SUPERSEDED",
        "Resource superseded",
        "The document has been superseded by a new version",
        location,
      )
    : success(request, 201, "RESOURCE_CREATED", "Resource created", "The document has been created", location);
}
