import { outcomeResponse } from "@nhskit/mock-kit";
import { backendError } from "./outcomes.js";

/** Who is calling, as the sandbox proxy tells the back end (from its own table, never from the caller). */
export interface Caller {
  ods: string;
  /** Pointer types (`system|code`) the organisation may read and write. */
  pointerTypes: readonly string[];
}

/**
 * What the hosted sandbox does before any handler: the proxy's header checks and permission lookup, then the
 * back end's refusal of an organisation with no pointer types. Anything the caller sends as
 * `NHSD-Connection-Metadata` is ignored, as the proxy overwrites it.
 */
export function gate(request: Request, permissions: Readonly<Record<string, readonly string[]>>): Caller | Response {
  const requestId = request.headers.get("x-request-id");
  if (!requestId) {
    return outcomeResponse(request, 400, {
      code: "invalid",
      spineCode: "MISSING_OR_INVALID_HEADER",
      display: "There is a required header missing or invalid",
      diagnostics: "The X-Request-Id header is missing or invalid",
    });
  }
  const ods = request.headers.get("nhsd-end-user-organisation-ods");
  if (!ods) {
    return outcomeResponse(request, 400, {
      code: "required",
      spineCode: "PRECONDITION_FAILED",
      display: "Precondition failed",
      diagnostics: "The NHSD-End-User-Organisation-ODS header is missing or invalid",
    });
  }
  const pointerTypes = Object.hasOwn(permissions, ods) ? permissions[ods] : undefined;
  if (pointerTypes === undefined) {
    return outcomeResponse(request, 403, {
      code: "forbidden",
      spineCode: "ACCESS_DENIED",
      display: "Access has been denied to process this request",
      diagnostics: "Provided ODS code has no pointers within requesting app",
    });
  }
  if (pointerTypes.length === 0) {
    return backendError(request, 403, {
      code: "forbidden",
      spineCode: "ACCESS DENIED",
      diagnostics: `Your organisation '${ods}' does not have permission to access this resource. Contact the onboarding team.`,
    });
  }
  return { ods, pointerTypes };
}
