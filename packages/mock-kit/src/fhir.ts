import { HttpResponse } from "msw";

export const FHIR_JSON = "application/fhir+json";
export const SPINE_ERROR_SYSTEM = "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode";

export interface OutcomeIssue {
  /** FHIR issue type: invalid, not-found, value, structure, processing, forbidden, exception... */
  code: string;
  /** Spine error code, e.g. RESOURCE_NOT_FOUND. */
  spineCode?: string;
  display?: string;
  diagnostics?: string;
  severity?: "error" | "warning" | "information" | "fatal";
  system?: string;
  /** FHIR version of the coding (some APIs send "1"). */
  version?: string;
  expression?: string[];
}

/** A FHIR OperationOutcome resource with one issue per entry. */
export function operationOutcome(...issues: OutcomeIssue[]) {
  return {
    resourceType: "OperationOutcome" as const,
    issue: issues.map((issue) => ({
      severity: issue.severity ?? "error",
      code: issue.code,
      ...(issue.spineCode
        ? {
            details: {
              coding: [
                {
                  system: issue.system ?? SPINE_ERROR_SYSTEM,
                  ...(issue.version ? { version: issue.version } : {}),
                  code: issue.spineCode,
                  display: issue.display ?? issue.spineCode,
                },
              ],
            },
          }
        : {}),
      ...(issue.diagnostics ? { diagnostics: issue.diagnostics } : {}),
      ...(issue.expression ? { expression: issue.expression } : {}),
    })),
  };
}

/** The request's X-Request-ID and X-Correlation-ID, mirrored back as the platform does. */
export function mirroredHeaders(
  request: Request,
  names = ["X-Request-ID", "X-Correlation-ID"],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = request.headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}

/** A FHIR JSON response with the request's ids mirrored. */
export function fhirResponse(
  request: Request,
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  return HttpResponse.json(body as object, {
    status: init.status ?? 200,
    headers: { "Content-Type": FHIR_JSON, ...mirroredHeaders(request), ...init.headers },
  });
}

/** An OperationOutcome error response with the request's ids mirrored. */
export function outcomeResponse(
  request: Request,
  status: number,
  issue: OutcomeIssue,
  headers: Record<string, string> = {},
) {
  return fhirResponse(request, operationOutcome(issue), { status, headers });
}

export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
