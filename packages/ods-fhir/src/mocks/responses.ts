import { HttpResponse } from "msw";

export const FHIR_JSON_UTF8 = "application/fhir+json;charset=utf-8";
export const FHIR_XML_UTF8 = "application/fhir+xml;charset=utf-8";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The OperationOutcome shape the HAPI FHIR server behind ODS answers errors with (narrative included). */
export function hapiOutcome(code: string, diagnostics: string) {
  return {
    resourceType: "OperationOutcome",
    text: {
      status: "generated",
      div: `<div xmlns="http://www.w3.org/1999/xhtml"><h1>Operation Outcome</h1><table border="0"><tr><td style="font-weight: bold;">ERROR</td><td>[]</td><td>${escapeXml(diagnostics)}</td></tr></table></div>`,
    },
    issue: [{ severity: "error", code, diagnostics }],
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return HttpResponse.json(body as object, { status, headers: { "Content-Type": FHIR_JSON_UTF8, ...headers } });
}

export function hapiError(status: number, code: string, diagnostics: string, headers: Record<string, string> = {}) {
  return json(hapiOutcome(code, diagnostics), status, headers);
}

/** FHIR XML for a JSON resource: primitives as `value` attributes, objects nested, arrays repeated. */
export function toFhirXml(resource: Record<string, unknown>): string {
  const render = (name: string, value: unknown): string => {
    if (value === undefined || value === null) return "";
    if (Array.isArray(value)) return value.map((v) => render(name, v)).join("");
    if (typeof value === "object") {
      const obj = value as Record<string, unknown>;
      if (name === "div") return String(obj);
      if (typeof obj.resourceType === "string") return `<${name}>${toFhirXml(obj)}</${name}>`;
      const attrs = name === "extension" && typeof obj.url === "string" ? ` url="${escapeXml(obj.url)}"` : "";
      const inner = Object.entries(obj)
        .filter(([k]) => !(attrs && k === "url"))
        .map(([k, v]) => render(k, v))
        .join("");
      return `<${name}${attrs}>${inner}</${name}>`;
    }
    if (name === "div") return String(value);
    return `<${name} value="${escapeXml(String(value))}"/>`;
  };
  const { resourceType, ...rest } = resource;
  const inner = Object.entries(rest)
    .map(([k, v]) => render(k, v))
    .join("");
  return `<${String(resourceType)} xmlns="http://hl7.org/fhir">${inner}</${String(resourceType)}>`;
}

export function xml(body: Record<string, unknown>, status = 200) {
  return new HttpResponse(toFhirXml(body), { status, headers: { "Content-Type": FHIR_XML_UTF8 } });
}

/** The APIM size limit answer (JSON, or XML when the caller asked for XML). */
export function tooLarge(asXml: boolean) {
  const body = {
    resourceType: "OperationOutcome",
    issue: [
      {
        severity: "error",
        code: "too-costly",
        details: { text: "Response exceeds APIM size limit" },
        diagnostics: "Response exceeds APIM size limit",
      },
    ],
  };
  return asXml ? xml(body, 422) : json(body, 422);
}

/** The platform's answer to a missing or wrong API key (live and integration only). */
export function accessDenied(faultString: string) {
  return json(
    {
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "forbidden",
          details: {
            coding: [
              {
                system: "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode",
                version: "1",
                code: "ACCESS_DENIED",
                display: faultString,
              },
            ],
          },
        },
      ],
    },
    401,
  );
}

/** Over the rate limit. */
export function throttled() {
  return json(
    {
      resourceType: "OperationOutcome",
      issue: [
        {
          severity: "error",
          code: "throttled",
          details: {
            coding: [
              {
                system: "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode",
                version: "1",
                code: "TOO_MANY_REQUESTS",
                display: "You have exceeded your application's rate limit",
              },
            ],
          },
        },
      ],
    },
    429,
  );
}
