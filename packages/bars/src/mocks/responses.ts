import { mirroredHeaders, SPINE_ERROR_SYSTEM } from "@nhskit/mock-kit";
import { HttpResponse } from "msw";

/** The code system BaRS (proxy and mock receiver) uses in its OperationOutcomes. */
export const BARS_ERROR_SYSTEM = "https://fhir.nhs.uk/Codesystem/http-error-codes";

/**
 * A JSON answer. The hosted mock receiver is a FastAPI app: it answers `application/json` and, unlike most
 * NHS APIs, does not mirror X-Request-ID / X-Correlation-ID, so neither do these helpers unless asked.
 */
export function json(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
  contentType = "application/json",
): Response {
  return new HttpResponse(JSON.stringify(body), { status, headers: { "Content-Type": contentType, ...headers } });
}

export interface BarsIssue {
  code: string;
  coding?: string;
  diagnostics?: string;
  severity?: "error" | "warning" | "information" | "fatal";
  system?: string;
  display?: string;
  expression?: string[];
}

/** An OperationOutcome with one issue, shaped as BaRS writes them (coding without display unless given). */
export function outcome(issue: BarsIssue, id?: string) {
  return {
    resourceType: "OperationOutcome",
    ...(id ? { id } : {}),
    issue: [
      {
        severity: issue.severity ?? "error",
        code: issue.code,
        ...(issue.coding
          ? {
              details: {
                coding: [
                  {
                    system: issue.system ?? BARS_ERROR_SYSTEM,
                    code: issue.coding,
                    ...(issue.display ? { display: issue.display } : {}),
                  },
                ],
              },
            }
          : {}),
        ...(issue.diagnostics ? { diagnostics: issue.diagnostics } : {}),
        ...(issue.expression ? { expression: issue.expression } : {}),
      },
    ],
  };
}

export function outcomeJson(status: number, issue: BarsIssue, headers: Record<string, string> = {}) {
  return json(outcome(issue), status, headers);
}

/** NRL answers FHIR JSON and mirrors both ids (its errors use the Spine code system). */
export function nrlJson(request: Request, body: unknown, status = 200, headers: Record<string, string> = {}) {
  return json(body, status, { ...mirroredHeaders(request), ...headers }, "application/fhir+json");
}

export function nrlError(request: Request, status: number, issue: BarsIssue) {
  return nrlJson(request, outcome({ system: SPINE_ERROR_SYSTEM, ...issue }), status);
}
