import { fhirResponse, type OutcomeIssue, operationOutcome, outcomeResponse } from "@nhskit/mock-kit";

// NRL's back end codes its errors with this value set and its successes with NRL-ResponseCode; the sandbox
// proxy's own header errors use the platform's Spine code system (mock-kit's default).
const BACKEND_ERROR_SYSTEM = "https://fhir.nhs.uk/ValueSet/Spine-ErrorOrWarningCode-1";
const RESPONSE_CODE_SYSTEM = "https://fhir.nhs.uk/ValueSet/NRL-ResponseCode";

const BACKEND_DISPLAY: Record<string, string> = {
  "ACCESS DENIED": "Access has been denied to process this request",
  INVALID_RESOURCE: "Invalid validation of resource",
  NO_RECORD_FOUND: "No record found",
  INVALID_NHS_NUMBER: "Invalid NHS number",
  INVALID_CODE_SYSTEM: "Invalid code system",
  BAD_REQUEST: "Bad request",
  AUTHOR_CREDENTIALS_ERROR: "Author credentials error",
  INVALID_PARAMETER: "Invalid parameter",
  MESSAGE_NOT_WELL_FORMED: "Message not well formed",
};

/** An error the NRL back end sends (after the proxy let the request through). */
export function backendError(
  request: Request,
  status: number,
  issue: { code: string; spineCode: string; diagnostics: string; expression?: string[] },
) {
  return outcomeResponse(request, status, {
    ...issue,
    system: BACKEND_ERROR_SYSTEM,
    display: BACKEND_DISPLAY[issue.spineCode] ?? issue.spineCode,
  });
}

/** Several back-end validation issues at once (400). */
export function invalidResource(
  request: Request,
  issues: Array<{ field: string; diagnostics: string; code?: string }>,
) {
  const outcome = operationOutcome(
    ...issues.map(
      (i): OutcomeIssue => ({
        code: i.code ?? "required",
        spineCode: "INVALID_RESOURCE",
        system: BACKEND_ERROR_SYSTEM,
        display: BACKEND_DISPLAY.INVALID_RESOURCE,
        diagnostics: i.diagnostics,
        expression: [i.field],
      }),
    ),
  );
  return fhirResponse(request, outcome, { status: 400 });
}

export const notFound = (request: Request) =>
  backendError(request, 404, {
    code: "not-found",
    spineCode: "NO_RECORD_FOUND",
    diagnostics: "The requested DocumentReference could not be found",
  });

export const badRequest = (request: Request, diagnostics: string, expression?: string) =>
  backendError(request, 400, {
    code: "invalid",
    spineCode: "BAD_REQUEST",
    diagnostics,
    ...(expression ? { expression: [expression] } : {}),
  });

export const authorCredentials = (request: Request, diagnostics: string, expression?: string) =>
  backendError(request, 403, {
    code: "forbidden",
    spineCode: "AUTHOR_CREDENTIALS_ERROR",
    diagnostics,
    ...(expression ? { expression: [expression] } : {}),
  });

export const notWellFormed = (request: Request) =>
  backendError(request, 400, {
    code: "invalid",
    spineCode: "MESSAGE_NOT_WELL_FORMED",
    diagnostics: "Request body could not be parsed",
  });

const SUCCESS = {
  RESOURCE_CREATED: ["Resource created", "The document has been created", 201],
  RESOURCE_SUPERSEDED: [
    "Resource created and resource(s) deleted",
    "The document has been superseded by a new version",
    201,
  ],
  RESOURCE_UPDATED: ["Resource updated", "The DocumentReference has been updated", 200],
  RESOURCE_DELETED: ["Resource deleted", "The requested DocumentReference has been deleted", 200],
} as const;

/** NRL's answer to a successful write: an OperationOutcome with one informational issue. */
export function writeOutcome(request: Request, code: keyof typeof SUCCESS, headers: Record<string, string> = {}) {
  const [display, diagnostics, status] = SUCCESS[code];
  return fhirResponse(
    request,
    {
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "information",
          code: "informational",
          details: { coding: [{ system: RESPONSE_CODE_SYSTEM, code, display }] },
          diagnostics,
        },
      ],
    },
    { status, headers },
  );
}
