import { isValidNhsNumber } from "@nhskit/core";
import { FHIR_JSON, outcomeResponse } from "@nhskit/mock-kit";
import { HttpResponse } from "msw";
import { badRequest } from "./checks.js";
import { coverageBundle } from "./fixtures.js";

const FORMAT = "Coverage search request must follow the format /Coverage?subscriber:identifier=NHS_NUMBER";

// The coverage handlers mirror only X-Request-ID, not X-Correlation-ID, like the hosted sandbox.
function coverageResponse(request: Request, body: unknown, status: number, etag: string) {
  const requestId = request.headers.get("x-request-id");
  return HttpResponse.json(body as object, {
    status,
    headers: { "Content-Type": FHIR_JSON, ETag: etag, ...(requestId ? { "X-Request-ID": requestId } : {}) },
  });
}

export function getCoverage(request: Request) {
  const query = new URL(request.url).searchParams;
  const names = [...query.keys()];
  const nhsNumber = query.get("subscriber:identifier");
  if (names.length !== 1 || nhsNumber === null || !isValidNhsNumber(nhsNumber)) {
    return badRequest(request, "INVALID_SEARCH_DATA", FORMAT, "invalid");
  }
  const bundle = coverageBundle(nhsNumber);
  return coverageResponse(request, bundle, 200, `W/"${(bundle.meta as { versionId: string }).versionId}"`);
}

type Json = Record<string, unknown>;

export async function upsertCoverage(request: Request) {
  const ifMatch = request.headers.get("if-match");
  if (ifMatch === null) {
    return outcomeResponse(request, 412, {
      code: "value",
      spineCode: "PRECONDITION_FAILED",
      display: "Required condition was not fulfilled",
      diagnostics: "Invalid request with error - If-Match header must be supplied to update this resource",
    });
  }
  if (!request.headers.get("content-type")) {
    return badRequest(
      request,
      "UNSUPPORTED_SERVICE",
      "Invalid request with error - Content-Type must be supplied",
      "processing",
    );
  }
  let body: Json;
  try {
    body = (await request.json()) as Json;
  } catch {
    return badRequest(request, "INVALID_VALUE", "Invalid value - request body is not valid JSON", "structure");
  }
  for (const field of ["identifier", "status", "subscriber", "beneficiary", "period"]) {
    if (body?.[field] === undefined)
      return badRequest(request, "MISSING_VALUE", `Missing value - '${field}'`, "required");
  }
  if (body.status !== "active")
    return badRequest(request, "INVALID_VALUE", `Invalid value - '${String(body.status)}' in field 'status'`);
  const card = (
    Array.isArray(body.identifier) ? (body.identifier[0] as Json | undefined)?.value : undefined
  ) as unknown;
  if (typeof card !== "string" || !/^\d{1,20}$/.test(card)) {
    return badRequest(request, "INVALID_VALUE", `Invalid value - '${String(card)}' in field 'identifier/0/value'`);
  }
  const subscriber = ((body.subscriber as Json).identifier as Json | undefined)?.value;
  const nhsNumber = typeof subscriber === "string" && isValidNhsNumber(subscriber) ? subscriber : "9000000009";
  const current = coverageBundle(nhsNumber);
  const version = Number((current.meta as { versionId: string }).versionId);
  if (ifMatch !== `W/"${version}"`) {
    return outcomeResponse(request, 409, {
      code: "conflict",
      spineCode: "RESOURCE_VERSION_MISMATCH",
      display: "Resource version mismatch",
      diagnostics: `Invalid update with error - the current version is W/"${version}"`,
    });
  }
  const updated = coverageBundle(nhsNumber, version + 1);
  updated.entry = [
    { fullUrl: "urn:uuid:6c8a2b6e-0b8a-4a6f-9f43-1b0c6d1f3e21", resource: { resourceType: "Coverage", ...body } },
  ];
  updated.total = 1;
  return coverageResponse(request, updated, 201, `W/"${version + 1}"`);
}
