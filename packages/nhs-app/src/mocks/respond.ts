import { type OutcomeIssue, operationOutcome } from "@nhskit/mock-kit";
import { HttpResponse } from "msw";

/** The request's X-Correlation-ID, echoed only when sent (sandbox fact 5). */
export function correlation(request: Request): Record<string, string> {
  const id = request.headers.get("x-correlation-id");
  return id === null ? {} : { "X-Correlation-ID": id };
}

/** A FHIR OperationOutcome error with one or more issues (sandbox fact 4). */
export function outcome(
  request: Request,
  status: number,
  issues: OutcomeIssue[],
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(operationOutcome(...issues), {
    status,
    headers: { "Content-Type": "application/fhir+json", ...correlation(request), ...headers },
  });
}

/** One `invalid` issue: what the API says, and where. */
export const invalid = (diagnostics: string, expression?: string): OutcomeIssue => ({
  code: "invalid",
  diagnostics,
  ...(expression ? { expression: [expression] } : {}),
});
