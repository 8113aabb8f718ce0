import { eps } from "@nhskit/catalogue";
import {
  anyOrigin,
  FHIR_JSON,
  fhirResponse,
  mirroredHeaders,
  operationOutcome,
  sandboxBasePath,
  UUID,
} from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { type Algorithm, digestValue, fromBase64Text, signedInfo, toBase64Text } from "./digest.js";
import { capabilityStatement, rawSpineReply, trackerResponse } from "./fixtures.js";
import {
  bundleIssues,
  claimIssues,
  EVENTS,
  entries,
  eventOf,
  type Issue,
  type RuleContext,
  releaseIssues,
  statusForIssues,
  taskIssues,
  validatorIssues,
} from "./rules.js";
import { type Interaction, notSupported, REPLY_ROOT, spineReply } from "./spine.js";

export interface EpsMockOptions {
  /**
   * Check prescription-order signatures against what `$prepare` returned, as EPS does when
   * ENABLE_PRESCRIBING_SIGNATURE_VALIDATION is on. Off by default, as in the hosted sandbox.
   */
  verifySignatures?: boolean;
  /**
   * Answer as EPS does for an application-restricted (signed JWT) token: prescribing and attended dispensing are
   * refused with 403, release works without an agent. Default `user-restricted`, as in the hosted sandbox.
   */
  accessMode?: "user-restricted" | "application-restricted";
  /** The `apikey` that `GET /_status` accepts. Without one `_status` is always 403, as on the hosted sandbox. */
  statusApiKey?: string;
  /** The signing algorithm `$prepare` names. Default RS256; RS1 is for applications EPS set up for SHA-1. */
  algorithm?: Algorithm;
}

/** Hosted sandbox base paths, e.g. `/electronic-prescriptions`. */
export const EPS_BASE_PATHS = {
  default: sandboxBasePath(eps, "default"),
  prescribing: sandboxBasePath(eps, "prescribing"),
  dispensing: sandboxBasePath(eps, "dispensing"),
} as const;

type Document = keyof typeof EPS_BASE_PATHS;
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** EPS answers FHIR with this content type. */
export const EPS_FHIR_CONTENT_TYPE = "application/fhir+json; fhirVersion=4.0";

function fhir(request: Request, body: unknown, status = 200) {
  return fhirResponse(request, body, { status, headers: { "Content-Type": EPS_FHIR_CONTENT_TYPE } });
}

function outcome(request: Request, status: number, issues: Issue[]) {
  return fhir(request, operationOutcome(...issues), status);
}

/** The platform proxy's X-Request-ID rule, applied before the request reaches EPS. */
function requestIdProblem(request: Request): Response | undefined {
  const id = request.headers.get("x-request-id");
  if (id !== null && UUID.test(id)) return undefined;
  return fhirResponse(
    request,
    operationOutcome({
      severity: "fatal",
      code: "value",
      spineCode: "MISSING_FIELD",
      display: "X-Request-ID header missing or malformed",
      version: "1",
    }),
    { status: 400, headers: { "Content-Type": FHIR_JSON } },
  );
}

type Parsed = { body: unknown; response?: undefined } | { response: Response; body?: undefined };

/** Reads the JSON body; bad JSON is refused the way EPS's FHIR parser refuses it. */
async function readJson(request: Request): Promise<Parsed> {
  const text = await request.text();
  try {
    return { body: JSON.parse(text) };
  } catch (error) {
    return {
      response: outcome(request, 400, [
        {
          severity: "error",
          code: "invalid",
          diagnostics: `Failed to parse JSON encoded FHIR content: ${(error as Error).message}`,
        },
      ]),
    };
  }
}

/** Header rule, JSON parsing, then the FHIR validator unless the caller asked to skip it. */
async function admit(request: Request): Promise<Parsed> {
  const problem = requestIdProblem(request);
  if (problem) return { response: problem };
  const parsed = await readJson(request);
  if (parsed.response) return parsed;
  if (!request.headers.has("x-skip-validation")) {
    const issues = validatorIssues(parsed.body);
    if (issues.length) return { response: outcome(request, 400, issues) };
  }
  return parsed;
}

/** Business-rule issues as EPS answers them; undefined when there are none. */
function ruled(request: Request, issues: Issue[]): Response | undefined {
  return issues.length ? outcome(request, statusForIssues(issues), issues) : undefined;
}

/** The canned Spine reply (or its raw XML when `x-raw-response` is sent). */
function reply(request: Request, interaction: Interaction): Response {
  if (request.headers.has("x-raw-response")) {
    return new HttpResponse(rawSpineReply(REPLY_ROOT[interaction]), {
      status: 200,
      headers: { "Content-Type": "application/xml", ...mirroredHeaders(request) },
    });
  }
  const { status, body } = spineReply(interaction);
  return fhir(request, body, status);
}

async function verifySignature(bundle: Json): Promise<string | undefined> {
  const provenance = entries(bundle, "Provenance")[0];
  const signature = Array.isArray(provenance?.signature) ? provenance.signature[0] : undefined;
  if (!isObject(signature) || typeof signature.data !== "string") return "Prescription is not signed.";
  let xml: string;
  try {
    xml = fromBase64Text(signature.data);
  } catch {
    return "Signature data is not base64.";
  }
  const given = /<DigestValue>([^<]*)<\/DigestValue>/.exec(xml)?.[1];
  const value = /<SignatureValue>([^<]*)<\/SignatureValue>/.exec(xml)?.[1];
  if (!value?.trim()) return "Signature is missing its SignatureValue.";
  const algorithm: Algorithm = xml.includes("rsa-sha1") ? "RS1" : "RS256";
  const expected = await digestValue(bundle, String(signature.when ?? ""), algorithm);
  return given === expected ? undefined : "Signature doesn't match prescription.";
}

/** Which HL7 interaction `$convert` would produce for a resource (the root element of our stand-in XML). */
function convertedInteraction(body: unknown): Interaction | "UNKNOWN" {
  if (!isObject(body)) return "UNKNOWN";
  if (body.resourceType === "Bundle") {
    const event = eventOf(body);
    if (event === EVENTS.prescription) return "PARENT_PRESCRIPTION_URGENT";
    if (event === EVENTS.cancellation) return "CANCEL_REQUEST";
    if (event === EVENTS.dispense) return "DISPENSE_NOTIFICATION";
  }
  if (body.resourceType === "Parameters") return "NOMINATED_PRESCRIPTION_RELEASE_REQUEST";
  if (body.resourceType === "Task")
    return body.status === "rejected" ? "DISPENSE_PROPOSAL_RETURN" : "DISPENSER_WITHDRAW";
  if (body.resourceType === "Claim") return "DISPENSE_CLAIM_INFORMATION";
  return "UNKNOWN";
}

/** msw handlers for one EPS document under its hosted base path. */
export function epsDocumentHandlers(document: Document, options: EpsMockOptions = {}): RequestHandler[] {
  const base = EPS_BASE_PATHS[document];
  const at = (path: string) => anyOrigin(base, path);
  const rules: RuleContext = { applicationRestricted: options.accessMode === "application-restricted" };
  const algorithm = options.algorithm ?? "RS256";
  const prescribing = document !== "dispensing";
  const dispensing = document !== "prescribing";
  const handlers: RequestHandler[] = [];

  if (prescribing) {
    handlers.push(
      http.post(at("/FHIR/R4/$prepare"), async ({ request }) => {
        const { body, response } = await admit(request);
        if (response) return response;
        const bundle = body as Json;
        const refused = ruled(request, bundleIssues(bundle, rules));
        if (refused) return refused;
        if (eventOf(bundle) !== EVENTS.prescription) {
          return outcome(request, 400, [
            {
              severity: "error",
              code: "value",
              diagnostics: `Only ${EVENTS.prescription} messages can be prepared for signing.`,
              expression: ["Bundle.entry.resource.ofType(MessageHeader).eventCoding.code"],
            },
          ]);
        }
        const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, "+00:00");
        const digest = toBase64Text(signedInfo(await digestValue(bundle, timestamp, algorithm), algorithm));
        return fhir(request, {
          resourceType: "Parameters",
          parameter: [
            { name: "digest", valueString: digest },
            { name: "timestamp", valueString: timestamp },
            { name: "algorithm", valueString: algorithm },
          ],
        });
      }),
    );
  }

  handlers.push(
    http.post(at("/FHIR/R4/$process-message"), async ({ request }) => {
      const { body, response } = await admit(request);
      if (response) return response;
      const bundle = body as Json;
      const refused = ruled(request, bundleIssues(bundle, rules));
      if (refused) return refused;
      const event = eventOf(bundle);
      if (event === EVENTS.prescription) {
        if (options.verifySignatures) {
          const problem = await verifySignature(bundle);
          if (problem) return outcome(request, 400, [{ severity: "error", code: "invalid", diagnostics: problem }]);
        }
        return reply(request, "PARENT_PRESCRIPTION_URGENT");
      }
      if (event === EVENTS.cancellation) return reply(request, "CANCEL_REQUEST");
      return reply(request, "DISPENSE_NOTIFICATION");
    }),
  );

  if (prescribing) {
    handlers.push(
      http.post(at("/FHIR/R4/$validate"), async ({ request }) => {
        const { response } = await admit(request);
        if (response) return response;
        return outcome(request, 200, [
          { severity: "information", code: "informational", diagnostics: "Validation passed." },
        ]);
      }),
      http.post(at("/FHIR/R4/$convert"), async ({ request }) => {
        const { body, response } = await admit(request);
        if (response) return response;
        return new HttpResponse(rawSpineReply(convertedInteraction(body)), {
          status: 200,
          headers: { "Content-Type": "application/xml", ...mirroredHeaders(request) },
        });
      }),
    );
  }

  if (dispensing) {
    handlers.push(
      http.post(at("/FHIR/R4/Task/$release"), async ({ request }) => {
        const { body, response } = await admit(request);
        if (response) return response;
        const parameters = body as Json;
        const refused = ruled(request, releaseIssues(parameters, rules));
        if (refused) return refused;
        const specific = (Array.isArray(parameters.parameter) ? parameters.parameter : []).some(
          (p) => isObject(p) && p.name === "group-identifier",
        );
        return reply(
          request,
          specific ? "PATIENT_PRESCRIPTION_RELEASE_REQUEST" : "NOMINATED_PRESCRIPTION_RELEASE_REQUEST",
        );
      }),
      http.post(at("/FHIR/R4/Task"), async ({ request }) => {
        const { body, response } = await admit(request);
        if (response) return response;
        const task = body as Json;
        const refused = ruled(request, taskIssues(task, rules));
        if (refused) return refused;
        return reply(request, task.status === "rejected" ? "DISPENSE_PROPOSAL_RETURN" : "DISPENSER_WITHDRAW");
      }),
      http.post(at("/FHIR/R4/Claim"), async ({ request }) => {
        const { body, response } = await admit(request);
        if (response) return response;
        const refused = ruled(request, claimIssues(body as Json, rules));
        if (refused) return refused;
        return reply(request, "DISPENSE_CLAIM_INFORMATION");
      }),
    );
  }

  if (document === "default") {
    // The prescription tracker: not in the published specs; one canned prescription whatever is asked.
    handlers.push(
      http.get(at("/FHIR/R4/Task"), ({ request }) => {
        const problem = requestIdProblem(request);
        if (problem) return problem;
        const query = new URL(request.url).searchParams;
        const keys = ["focus:identifier", "identifier", "patient:identifier"];
        if (!keys.some((k) => query.get(k))) {
          return outcome(request, 400, [
            {
              severity: "error",
              code: "invalid",
              diagnostics: `At least one of the following query parameters must be provided: ${keys.join(", ")}.`,
            },
          ]);
        }
        return fhir(request, trackerResponse());
      }),
    );
  }

  handlers.push(
    http.get(at("/metadata"), ({ request }) => {
      const problem = requestIdProblem(request);
      if (problem) return problem;
      return HttpResponse.json(capabilityStatement(document), {
        headers: { "Content-Type": "application/json; charset=utf-8", ...mirroredHeaders(request) },
      });
    }),
    // Polling a Content-Location: the sandbox's Spine stand-in supports none.
    http.get(at("/_poll/:path"), ({ request }) => {
      const problem = requestIdProblem(request);
      if (problem) return problem;
      return fhir(request, notSupported(), 400);
    }),
    http.get(at("/_ping"), () =>
      HttpResponse.json({
        version: "eps-sandbox",
        revision: "nhskit-mock",
        releaseId: "nhskit-mock",
        commitId: "nhskit-mock",
      }),
    ),
    http.get(at("/_status"), ({ request }) => {
      const key = request.headers.get("apikey");
      if (!options.statusApiKey || key !== options.statusApiKey) {
        return new HttpResponse(null, {
          status: 403,
          statusText: "Forbidden",
          headers: { "Content-Type": "text/plain" },
        });
      }
      return HttpResponse.json({
        status: "pass",
        commitId: "nhskit-mock",
        checks: {
          "validator:status": [{ status: "pass", timeout: "false", responseCode: 200 }],
          "spine:status": [{ status: "pass", timeout: "false", responseCode: 200 }],
        },
      });
    }),
  );
  return handlers;
}

/** The combined API (`/electronic-prescriptions`). */
export function epsCombinedHandlers(options?: EpsMockOptions): RequestHandler[] {
  return epsDocumentHandlers("default", options);
}

/** FHIR Prescribing (`/fhir-prescribing`). */
export function epsPrescribingHandlers(options?: EpsMockOptions): RequestHandler[] {
  return epsDocumentHandlers("prescribing", options);
}

/** FHIR Dispensing (`/fhir-dispensing`). */
export function epsDispensingHandlers(options?: EpsMockOptions): RequestHandler[] {
  return epsDocumentHandlers("dispensing", options);
}

/**
 * msw handlers that answer like the hosted EPS sandbox under all three base paths (`/electronic-prescriptions`,
 * `/fhir-prescribing`, `/fhir-dispensing`) on any origin. Stateless, as the sandbox is.
 */
export function epsHandlers(options: EpsMockOptions = {}): RequestHandler[] {
  return [...epsCombinedHandlers(options), ...epsPrescribingHandlers(options), ...epsDispensingHandlers(options)];
}
