import { fhirResponse, operationOutcome } from "@nhskit/mock-kit";

/** GP Connect's error code system for STU3. */
export const GPC_ERROR_SYSTEM = "https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1";
const PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-OperationOutcome-1";

/** A GPConnect-OperationOutcome-1 body: one error issue with its Spine code. */
export function gpcOutcome(issue: { code: string; spineCode: string; display: string; diagnostics?: string }) {
  return {
    ...operationOutcome({ ...issue, system: GPC_ERROR_SYSTEM }),
    meta: { profile: [PROFILE] },
  };
}

export function gpcError(
  request: Request,
  status: number,
  issue: { code: string; spineCode: string; display: string; diagnostics?: string },
) {
  return fhirResponse(request, gpcOutcome(issue), { status });
}

export const badRequest = (request: Request, diagnostics: string) =>
  gpcError(request, 400, { code: "invalid", spineCode: "BAD_REQUEST", display: "Bad request", diagnostics });

export const invalidParameter = (request: Request, diagnostics: string) =>
  gpcError(request, 422, {
    code: "invalid",
    spineCode: "INVALID_PARAMETER",
    display: "Submitted parameter is not valid.",
    diagnostics,
  });

export const invalidResource = (request: Request, diagnostics: string) =>
  gpcError(request, 422, {
    code: "invalid",
    spineCode: "INVALID_RESOURCE",
    display: "Submitted resource is not valid.",
    diagnostics,
  });

export const notFound = (request: Request, spineCode: string, diagnostics: string) =>
  gpcError(request, 404, { code: "not-found", spineCode, display: "Resource not found", diagnostics });
