// NHS England's BaRS proxy in front of the hosted sandbox: version from Accept, the target header checks,
// a path allow-list, its own CapabilityStatement, and DocumentReference routed to NRL.
import { decodeBase64Text } from "../headers.js";
import { versionAtLeast } from "../operations.js";
import { proxyCapabilityStatement } from "./fixtures.js";
import { BARS_ERROR_SYSTEM, json, outcome, outcomeJson } from "./responses.js";

const FHIR_OUTCOME_SYSTEM = "http://hl7.org/fhir/ValueSet/operation-outcome";

/**
 * The BaRS version an Accept header asks for: every `version=` parameter is read and the highest wins;
 * none means 1.0.0.
 */
export function acceptedVersion(accept: string | null): string {
  const found = [...(accept ?? "").matchAll(/version\s*=\s*"?([0-9]+(?:\.[0-9]+)*)"?/gi)].map((m) => m[1]!);
  return found.reduce((best, v) => (versionAtLeast(v, best) ? v : best), "1.0.0");
}

/** Paths the proxy passes to the mock receiver (anything else is its 404). */
const ALLOWED =
  /^\/(_status|metadata|\$process-message|Slot.*|Appointment.*|ServiceRequest.*|registry.*|MessageDefinition.*)$/;

export function isAllowedPath(path: string) {
  return ALLOWED.test(path);
}

/** The proxy's 404 for paths it does not serve (sent as text/plain, though the body is JSON). */
export function pageNotFound() {
  return json(
    outcome({ code: "not-found", coding: "NOT_FOUND" }, "91e8828a-c936-4667-b13b-0f5664b1e944"),
    404,
    {},
    "text/plain",
  );
}

export function proxyMetadata() {
  return json(proxyCapabilityStatement());
}

/** DocumentReference with a BaRS version below 1.1.0. */
export function sendNotAcceptable() {
  return outcomeJson(406, { code: "processing", coding: "SEND_NOT_ACCEPTABLE" });
}

/**
 * Checks NHSD-Target-Identifier when present: base64, then `{ system, value }`, then one of the two target
 * identities the sandbox knows. Returns the proxy's error, or undefined to pass the call on.
 */
export function targetProblem(request: Request): Response | undefined {
  const header = request.headers.get("nhsd-target-identifier");
  if (header === null) return undefined;
  let text: string;
  try {
    text = decodeBase64Text(header);
  } catch {
    return outcomeJson(400, {
      code: "400",
      coding: "PROXY_BAD_REQUEST",
      system: FHIR_OUTCOME_SYSTEM,
      diagnostics: "The base64 decoding of the NHSD-Target-Identifier header failed.",
    });
  }
  let decoded: { system?: unknown; value?: unknown } | null = null;
  try {
    decoded = JSON.parse(text) as { system?: unknown; value?: unknown } | null;
  } catch {
    decoded = null;
  }
  if (!decoded || typeof decoded !== "object" || !decoded.system || !decoded.value) {
    return outcomeJson(400, {
      code: "structure",
      coding: "PROXY_BAD_REQUEST",
      system: FHIR_OUTCOME_SYSTEM,
      diagnostics: "Invalid schema for NHSD-Target-Identifier header",
    });
  }
  const system = String(decoded.system);
  const value = String(decoded.value);
  const known =
    (system.toLowerCase() === "https://fhir.nhs.uk/id/dos-service-id" && value.startsWith("2000")) ||
    (system === "tests" && value.startsWith("NHS"));
  if (!known) {
    return outcomeJson(404, {
      code: "not-found",
      coding: "PROXY_NOT_FOUND",
      system: BARS_ERROR_SYSTEM,
      diagnostics: "The target endpoint does not exist in the Endpoint Catalogue.",
    });
  }
  return undefined;
}

/** GET /_ping: answered by the proxy itself. */
export function ping() {
  return json({ version: "nhskit-mock", revision: "0", releaseId: "0", commitId: "0" });
}

/** GET /_status: needs the platform's private apikey. */
export function status(request: Request, apiKey: string | undefined) {
  const given = request.headers.get("apikey");
  if (given === null || apiKey === undefined || given !== apiKey) {
    return outcomeJson(401, { code: "forbidden", diagnostics: "The status endpoint needs the platform's apikey" });
  }
  return json({
    status: "pass",
    version: "nhskit-mock",
    checks: { "bars-sandbox": [{ status: "pass", responseCode: 200 }] },
  });
}
