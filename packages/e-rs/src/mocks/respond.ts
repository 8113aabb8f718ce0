import { FHIR_JSON } from "@nhskit/mock-kit";
import { HttpResponse } from "msw";

/** The hosted sandbox answers every call with this X-Request-ID, whatever the caller sent. */
export const SANDBOX_REQUEST_ID = "58621d65-d5ad-4c3a-959f-0438e355990e-1";

export const STU3_ERROR_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/eRS-APIErrorCode-1";
export const R4_ERROR_SYSTEM = "https://fhir.nhs.uk/CodeSystem/NHSD-API-ErrorOrWarningCode";
const STU3_OUTCOME_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/eRS-OperationOutcome-1";

/** The headers on every sandbox answer: its fixed request id, and the caller's correlation id echoed. */
export function sandboxHeaders(request: Request): Record<string, string> {
  const correlation = request.headers.get("x-correlation-id");
  return { "X-Request-ID": SANDBOX_REQUEST_ID, ...(correlation !== null ? { "X-Correlation-ID": correlation } : {}) };
}

export interface JsonInit {
  status?: number;
  /** Sent as a weak ETag, `W/"5"`. */
  version?: number | string;
  headers?: Record<string, string>;
}

export function fhirJson(request: Request, body: unknown, init: JsonInit = {}) {
  return HttpResponse.json(body as object, {
    status: init.status ?? 200,
    headers: {
      "Content-Type": FHIR_JSON,
      ...sandboxHeaders(request),
      ...(init.version !== undefined ? { ETag: `W/"${init.version}"` } : {}),
      ...init.headers,
    },
  });
}

export interface Stu3Issue {
  code: string;
  spineCode: string;
  display: string;
  diagnostics: string;
}

/** An e-RS STU3 OperationOutcome with one issue. */
export function stu3Outcome(issue: Stu3Issue) {
  return {
    resourceType: "OperationOutcome",
    meta: { profile: [STU3_OUTCOME_PROFILE] },
    issue: [
      {
        severity: "error",
        code: issue.code,
        details: { coding: [{ system: STU3_ERROR_SYSTEM, code: issue.spineCode, display: issue.display }] },
        diagnostics: issue.diagnostics,
      },
    ],
  };
}

/** What the sandbox says when a request matches none of its examples. */
export const SANDBOX_ERROR_DIAGNOSTICS =
  "This is a dummy error produced by sandbox environment. Please use example requests to get success responses and make sure the e-RS Business Function provided in the header matches business role specified in the example title";

export function stu3SandboxError(request: Request, status = 422) {
  return fhirJson(
    request,
    stu3Outcome({
      code: "invalid",
      spineCode: "SANDBOX_ERROR",
      display: "Sandbox error",
      diagnostics: SANDBOX_ERROR_DIAGNOSTICS,
    }),
    { status },
  );
}

export function r4SandboxError(request: Request, status = 422) {
  return fhirJson(
    request,
    {
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "invalid",
          details: { coding: [{ system: R4_ERROR_SYSTEM, code: "SANDBOX_ERROR", display: "Sandbox error" }] },
          diagnostics: SANDBOX_ERROR_DIAGNOSTICS,
        },
      ],
    },
    { status },
  );
}

/** A plain-text answer (the sandbox's business function refusals are text, not FHIR). */
export function plainText(request: Request, status: number, text: string) {
  return new HttpResponse(text, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", ...sandboxHeaders(request) },
  });
}

/** An answer with no body. */
export function noBody(request: Request, status: number, headers: Record<string, string> = {}) {
  return new HttpResponse(null, { status, headers: { ...sandboxHeaders(request), ...headers } });
}

/** A file download, named as the sandbox names it. */
export function attachment(
  request: Request | undefined,
  bytes: Uint8Array,
  disposition: string,
  contentType = "application/pdf",
) {
  return new HttpResponse(bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": disposition,
      "Content-Length": String(bytes.byteLength),
      ...(request ? sandboxHeaders(request) : {}),
    },
  });
}

/** JSON deep equality, key order ignored: how the sandbox compares a body with its example requests. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/** The request body as JSON, or undefined when it is not JSON. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    const text = await request.text();
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
