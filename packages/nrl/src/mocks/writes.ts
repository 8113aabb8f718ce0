import { CATEGORY_OF_TYPE, isKnownPointerType, snomedToken } from "../codes.js";
import type { StoredPointer } from "./fixtures.js";
import type { Caller } from "./gate.js";
import { authorCredentials, badRequest, invalidResource, notFound, notWellFormed, writeOutcome } from "./outcomes.js";
import { codingToken, custodianOf, subjectOf, typeToken } from "./search.js";

/** Where NRL's back end says a new pointer lives (a back-end path, not the proxy's). */
const LOCATION_PREFIX = "/producer/FHIR/R4/DocumentReference/";

const REQUIRED = ["status", "type", "category", "subject", "custodian", "author", "content"] as const;
const IMMUTABLE = [
  "masterIdentifier",
  "id",
  "identifier",
  "status",
  "type",
  "subject",
  "custodian",
  "relatesTo",
  "author",
] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The request body as JSON, or NRL's "not well formed" answer. */
async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return notWellFormed(request);
  }
}

/** The body as a DocumentReference with NRL's required fields, or the error NRL sends for it. */
function asPointer(request: Request, body: unknown): StoredPointer | Response {
  if (body instanceof Response) return body;
  if (!isRecord(body) || body.resourceType !== "DocumentReference") return notWellFormed(request);
  const missing = REQUIRED.filter((f) => body[f] === undefined || body[f] === null || body[f] === "");
  if (missing.length) {
    return invalidResource(
      request,
      missing.map((field) => ({ field, diagnostics: `The required field '${field}' is missing` })),
    );
  }
  return body as StoredPointer;
}

/** JSON equality that ignores key order. */
function same(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : isRecord(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical(v[k])]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

const producerOf = (id: string) => id.split("-", 1)[0];

export async function createPointer(request: Request, store: Map<string, StoredPointer>, caller: Caller) {
  const parsed = asPointer(request, await jsonBody(request));
  if (parsed instanceof Response) return parsed;
  const pointer = structuredClone(parsed);

  if (custodianOf(pointer) !== caller.ods) {
    return badRequest(
      request,
      "The custodian of the provided DocumentReference does not match the expected ODS code for this organisation",
      "custodian.identifier.value",
    );
  }
  const type = typeToken(pointer);
  if (!type || !caller.pointerTypes.includes(type)) {
    return authorCredentials(
      request,
      "The type of the provided DocumentReference is not in the list of allowed types for this organisation",
      "type.coding[0].code",
    );
  }
  const typeCode = type.slice(type.indexOf("|") + 1);
  const category = codingToken((pointer.category as Array<{ coding?: unknown[] }>)[0]?.coding?.[0]);
  if (isKnownPointerType(typeCode) && category !== snomedToken(CATEGORY_OF_TYPE[typeCode])) {
    return badRequest(
      request,
      "The Category code of the provided document does not match the allowed category for this type",
      "category.coding[0].code",
    );
  }

  const replaced: string[] = [];
  const relatesTo = Array.isArray(pointer.relatesTo) ? (pointer.relatesTo as unknown[]) : [];
  for (const [i, relation] of relatesTo.entries()) {
    const where = `relatesTo[${i}].target.identifier.value`;
    const r = relation as { code?: unknown; target?: { identifier?: { value?: unknown } } };
    const target = r.target?.identifier?.value;
    if (typeof target !== "string" || !target) {
      return badRequest(request, "No identifier value provided for relatesTo target", where);
    }
    if (producerOf(target) !== caller.ods) {
      return badRequest(
        request,
        "The relatesTo target identifier value does not include the expected ODS code for this organisation",
        where,
      );
    }
    const existing = store.get(target);
    if (!existing) return badRequest(request, "The relatesTo target document does not exist", where);
    if (subjectOf(existing) !== subjectOf(pointer)) {
      return badRequest(
        request,
        "The relatesTo target document NHS number does not match the NHS number in the request",
        where,
      );
    }
    if (typeToken(existing) !== type) {
      return badRequest(request, "The relatesTo target document type does not match the type in the request", where);
    }
    if (r.code === "replaces") replaced.push(target);
  }

  const now = new Date().toISOString();
  const id = `${caller.ods}-${crypto.randomUUID()}`;
  store.set(id, { ...pointer, id, date: now, meta: { ...(pointer.meta as object), lastUpdated: now } });
  for (const old of replaced) store.delete(old);
  return writeOutcome(request, replaced.length ? "RESOURCE_SUPERSEDED" : "RESOURCE_CREATED", {
    Location: `${LOCATION_PREFIX}${id}`,
  });
}

export async function updatePointer(
  request: Request,
  pathId: string,
  store: Map<string, StoredPointer>,
  caller: Caller,
) {
  const body = await jsonBody(request);
  if (isRecord(body) && body.id !== pathId) {
    return badRequest(request, "The document id in the path does not match the document id in the body");
  }
  const parsed = asPointer(request, body);
  if (parsed instanceof Response) return parsed;
  if (producerOf(pathId) !== caller.ods) {
    return authorCredentials(
      request,
      "The id of the provided DocumentReference does not include the expected ODS code for this organisation",
    );
  }
  const existing = store.get(pathId);
  if (!existing) return notFound(request);
  for (const field of IMMUTABLE) {
    if (!same(parsed[field], existing[field])) {
      return badRequest(request, `The field '${field}' is immutable and cannot be updated`, field);
    }
  }
  store.set(pathId, {
    ...structuredClone(parsed),
    date: existing.date,
    meta: { ...(parsed.meta as object), lastUpdated: new Date().toISOString() },
  });
  return writeOutcome(request, "RESOURCE_UPDATED");
}

export function deletePointer(request: Request, id: string, store: Map<string, StoredPointer>, caller: Caller) {
  if (producerOf(id) !== caller.ods) {
    return authorCredentials(
      request,
      "The requested DocumentReference cannot be deleted because it belongs to another organisation",
    );
  }
  if (!store.delete(id)) return notFound(request);
  return writeOutcome(request, "RESOURCE_DELETED");
}

export function readOwnPointer(request: Request, id: string, store: Map<string, StoredPointer>, caller: Caller) {
  if (producerOf(id) !== caller.ods) {
    return authorCredentials(
      request,
      "The requested DocumentReference cannot be read because it belongs to another organisation",
    );
  }
  const pointer = store.get(id);
  return pointer ? undefined : notFound(request);
}
