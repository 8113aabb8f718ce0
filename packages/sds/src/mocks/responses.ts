import { operationOutcome, UUID } from "@nhskit/mock-kit";
import { HttpResponse } from "msw";

/** The Spine coding system the SDS service puts in its OperationOutcomes. */
export const SDS_ERROR_SYSTEM = "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1";

const DISPLAY: Record<string, string> = {
  BAD_REQUEST: "Bad request",
  NOT_IMPLEMENTED: "Not implemented",
  NO_RECORD_FOUND: "No record found",
  MISSING_OR_INVALID_HEADER: "There is a required header missing or invalid",
  INTERNAL_SERVER_ERROR: "Unexpected internal server error",
  ACCESS_DENIED: "Access has been denied to process this request",
};

/** SDS mints an uppercase UUID where it needs an id. */
export const newId = () => crypto.randomUUID().toUpperCase();

/**
 * The correlation id an answer carries: the caller's when it is a UUID, a fresh one otherwise (the service
 * never echoes a value it rejected).
 */
export function correlationIdOf(request: Request): string {
  const given = request.headers.get("x-correlation-id");
  return given && UUID.test(given) ? given : newId();
}

/** An SDS error: an OperationOutcome whose id is the correlation id, also sent as X-Correlation-Id. */
export function sdsError(
  correlationId: string,
  status: number,
  issue: { code: string; spineCode: string; diagnostics?: string },
  headers: Record<string, string> = {},
) {
  const outcome = operationOutcome({
    code: issue.code,
    spineCode: issue.spineCode,
    display: DISPLAY[issue.spineCode] ?? issue.spineCode,
    system: SDS_ERROR_SYSTEM,
    ...(issue.diagnostics ? { diagnostics: issue.diagnostics } : {}),
  });
  return HttpResponse.json(
    { resourceType: outcome.resourceType, id: correlationId, issue: outcome.issue },
    {
      status,
      headers: { "Content-Type": "application/fhir+json", "X-Correlation-Id": correlationId, ...headers },
    },
  );
}

/**
 * The service's 400s carry the web framework's rendering of the validation error as diagnostics:
 * `HTTP 400: Bad Request (<message>)`.
 */
export function badRequest(correlationId: string, message: string) {
  return sdsError(correlationId, 400, {
    code: "required",
    spineCode: "BAD_REQUEST",
    diagnostics: `HTTP 400: Bad Request (${message})`,
  });
}
