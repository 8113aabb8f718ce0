import {
  type ApiClient,
  type CallInfo,
  hintFor,
  NhsApiError,
  NhsResponseError,
  NhsValidationError,
  parseErrorBody,
} from "@nhskit/core";
import { checkMessage, checkPrescriptionIds, checkReleaseParameters, checkResource, checkTask } from "./checks.js";
import type { ExtraPaths } from "./extra-paths.js";
import type { paths as CombinedPaths } from "./generated/openapi.js";
import { assertPrescriptionId } from "./prescription-id.js";
import { callOptionsSchema, check } from "./schemas.js";
import { fromBase64 } from "./signature.js";
import type {
  CancellationBundle,
  CancellationResponseBundle,
  CapabilityStatement,
  DispenseClaim,
  DispenseNotificationBundle,
  FhirBundle,
  FhirClaim,
  FhirMessageBundle,
  FhirParameters,
  FhirResource,
  FhirTask,
  MedicationRequest,
  OperationOutcome,
  PrepareResponse,
  PrescriptionBundle,
  PrescriptionOrderBundle,
  ReleaseParameters,
  ReleaseParametersResponse,
  ReturnTask,
  WithdrawTask,
} from "./types.js";

export const FHIR_JSON = "application/fhir+json";

/** Every path the three EPS documents publish, plus the ones the service answers unpublished. */
export type InternalPaths = CombinedPaths & ExtraPaths;
export type InternalClient = ApiClient<InternalPaths>;

/** Per-call options for every EPS method. */
export interface EpsCallOptions {
  signal?: AbortSignal;
  /** Sent as X-Request-ID; EPS refuses anything but a UUID. Minted when absent. */
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
  /** `NHSD-Session-URID` for this call only (the user switched role), instead of the client's `sessionUrid`. */
  sessionUrid?: string;
  /**
   * Sends `x-skip-validation`, which tells EPS to skip its FHIR validator (business rules still run). Meant for
   * testing against the sandbox; never rely on it in live use.
   */
  skipValidation?: boolean;
}

/** How the client authenticates, worked out from its `auth` strategy. */
export type AccessMode = "none" | "user-restricted" | "application-restricted";

export interface OperationContext {
  readonly core: InternalClient;
  readonly sessionUrid: string | undefined;
  readonly accessMode: AccessMode;
}

/** A 200 OperationOutcome with only informational issues: EPS (or Spine) accepted the message. */
export interface Acknowledgement {
  operationOutcome: OperationOutcome;
  requestId: string;
}

/** `$prepare`'s answer, unpacked. */
export interface PrepareResult {
  /** Base64 XML-DSig SignedInfo: what the prescriber signs. */
  digest: string;
  /** `digest` decoded (an XML string), or undefined when it is not readable text. */
  signedInfo: string | undefined;
  /** Signing time; goes into the Provenance of the signed prescription. */
  timestamp: string;
  /** `RS256` by default; `RS1` for applications EPS has set up for SHA-1. */
  algorithm: string;
  parameters: PrepareResponse;
  requestId: string;
}

/** What a cancellation answered. */
export type CancellationResult =
  | {
      kind: "response";
      /** The prescription-order-response message. */
      bundle: CancellationResponseBundle;
      /** The MedicationRequests it describes (their status and status history say what happened). */
      medicationRequests: MedicationRequest[];
      requestId: string;
    }
  | { kind: "outcome"; operationOutcome: OperationOutcome; requestId: string };

/** What `Task/$release` released. */
export interface ReleaseResult {
  /** The released prescriptions: one prescription-order message Bundle each. */
  prescriptions: FhirBundle[];
  /** Prescriptions EPS could not release (only in the Parameters-shaped answer; see the README). */
  failures: FhirResource[];
  /**
   * `searchset`: a Bundle of prescription Bundles (what the sandbox answers); `parameters`: Parameters with
   * passedPrescriptions / failedPrescriptions (what the published spec describes).
   */
  shape: "searchset" | "parameters";
  body: FhirBundle | ReleaseParametersResponse;
  requestId: string;
}

export interface TrackResult {
  bundle: FhirBundle;
  /** The Tasks describing the prescription and its items. */
  tasks: FhirResource[];
  requestId: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;

/** The operations every EPS client is built from. Each client exposes the ones its document has. */
export function createOperations(ctx: OperationContext) {
  const { core } = ctx;

  function prepareCall(operation: string, options: EpsCallOptions | undefined, body = true) {
    const o = check(operation, callOptionsSchema, options, "options") ?? {};
    const sessionUrid = o.sessionUrid ?? ctx.sessionUrid;
    const headers: Record<string, string> = { Accept: `${FHIR_JSON}, application/json` };
    if (body) headers["Content-Type"] = FHIR_JSON;
    if (o.skipValidation) headers["x-skip-validation"] = "true";
    return {
      // The combined document marks the header required; in the sandbox it may be absent, which openapi-fetch
      // leaves out when the value is undefined.
      params: { header: { "NHSD-Session-URID": sessionUrid as string } },
      headers,
      ...(o.signal ? { signal: o.signal } : {}),
      nhs: {
        operation,
        ...(o.requestId ? { requestId: o.requestId } : {}),
        ...(o.correlationId ? { correlationId: o.correlationId } : {}),
        ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
      },
    };
  }

  function userRestrictedOnly(operation: string) {
    if (ctx.accessMode === "application-restricted") {
      throw new NhsValidationError(operation, [
        {
          path: "auth",
          message:
            "is application-restricted (signed JWT), which EPS allows for Task/$release only; this operation needs NHS CIS2 (userToken from @nhskit/auth) and a sessionUrid",
        },
      ]);
    }
  }

  function callInfo(operation: string, path: string, requestId: string): CallInfo {
    return { operation, method: "POST", url: `${core.baseUrl}${path.replace(/#.*$/, "")}`, requestId, attempts: 1 };
  }

  function unexpected(operation: string, path: string, requestId: string, status: number, what: string) {
    return new NhsResponseError(
      `${operation} answered ${status} with ${what}; the API or a proxy in between sent something unexpected. [request id ${requestId}]`,
      callInfo(operation, path, requestId),
      status,
    );
  }

  /** A 200 OperationOutcome is success only when none of its issues is an error. */
  function acknowledgement(
    operation: string,
    path: string,
    data: unknown,
    response: Response,
    requestId: string,
  ): Acknowledgement {
    if (!isObject(data) || data.resourceType !== "OperationOutcome") {
      throw unexpected(operation, path, requestId, response.status, "something other than an OperationOutcome");
    }
    const outcome = data as OperationOutcome;
    const failed = (outcome.issue ?? []).some((i) => i.severity === "error" || i.severity === "fatal");
    if (failed) {
      const parsed = parseErrorBody(outcome);
      throw new NhsApiError({
        status: response.status,
        statusText: response.statusText,
        code: parsed.code,
        diagnostics: parsed.diagnostics,
        issues: parsed.issues,
        hint: hintFor(400, parsed.code),
        call: callInfo(operation, path, requestId),
        retryAfterSeconds: undefined,
        body: outcome,
        headers: response.headers,
      });
    }
    return { operationOutcome: outcome, requestId };
  }

  async function prepare(bundle: PrescriptionBundle | FhirMessageBundle, options?: EpsCallOptions) {
    const operation = "prepare";
    userRestrictedOnly(operation);
    checkMessage(operation, bundle, "prescription-order");
    const path = "/FHIR/R4/$prepare";
    const { data, response, requestId } = await core.POST(path, {
      body: bundle as never,
      ...prepareCall(operation, options),
    });
    const parameters = data as PrepareResponse;
    const value = (name: string) =>
      (parameters?.parameter ?? []).find((p) => p.name === name)?.valueString as string | undefined;
    const digest = value("digest");
    const timestamp = value("timestamp");
    const algorithm = value("algorithm");
    if (parameters?.resourceType !== "Parameters" || !digest || !timestamp || !algorithm) {
      throw unexpected(operation, path, requestId, response.status, "no digest, timestamp and algorithm parameters");
    }
    let signedInfo: string | undefined;
    try {
      signedInfo = fromBase64(digest);
    } catch {
      signedInfo = undefined;
    }
    return { digest, signedInfo, timestamp, algorithm, parameters, requestId } satisfies PrepareResult;
  }

  async function sendPrescriptionOrder(
    bundle: PrescriptionOrderBundle | FhirMessageBundle,
    options?: EpsCallOptions,
  ): Promise<Acknowledgement> {
    const operation = "sendPrescriptionOrder";
    userRestrictedOnly(operation);
    checkMessage(operation, bundle, "prescription-order");
    const path = "/FHIR/R4/$process-message#prescription-order";
    const { data, response, requestId } = await core.POST(path, {
      body: bundle as never,
      ...prepareCall(operation, options),
    });
    return acknowledgement(operation, path, data, response, requestId);
  }

  async function cancelPrescription(
    bundle: CancellationBundle | FhirMessageBundle,
    options?: EpsCallOptions,
  ): Promise<CancellationResult> {
    const operation = "cancelPrescription";
    userRestrictedOnly(operation);
    checkMessage(operation, bundle, "prescription-order-update");
    const path = "/FHIR/R4/$process-message#prescription-order-update";
    const { data, response, requestId } = await core.POST(path, {
      body: bundle as never,
      ...prepareCall(operation, options),
    });
    const body = data as unknown;
    if (isObject(body) && body.resourceType === "OperationOutcome") {
      const ack = acknowledgement(operation, path, body, response, requestId);
      return { kind: "outcome", operationOutcome: ack.operationOutcome, requestId };
    }
    if (!isObject(body) || body.resourceType !== "Bundle") {
      throw unexpected(operation, path, requestId, response.status, "neither a Bundle nor an OperationOutcome");
    }
    const responseBundle = body as CancellationResponseBundle;
    const medicationRequests = (responseBundle.entry ?? []).flatMap((e) => {
      const resource = (e as { resource?: { resourceType?: string } }).resource;
      return resource?.resourceType === "MedicationRequest" ? [resource as MedicationRequest] : [];
    });
    return { kind: "response", bundle: responseBundle, medicationRequests, requestId };
  }

  async function release(parameters: ReleaseParameters | FhirParameters, options?: EpsCallOptions) {
    const operation = "release";
    checkReleaseParameters(operation, parameters);
    const path = "/FHIR/R4/Task/$release";
    const { data, response, requestId } = await core.POST(path, {
      body: parameters as never,
      ...prepareCall(operation, options),
    });
    const body = data as unknown;
    if (isObject(body) && body.resourceType === "Bundle") {
      const bundle = body as FhirBundle;
      const prescriptions = (bundle.entry ?? []).flatMap((e) =>
        e.resource?.resourceType === "Bundle" ? [e.resource as FhirBundle] : [],
      );
      return { prescriptions, failures: [], shape: "searchset", body: bundle, requestId } satisfies ReleaseResult;
    }
    if (isObject(body) && body.resourceType === "Parameters") {
      const answer = body as ReleaseParametersResponse;
      const entries = (name: string) =>
        ((answer.parameter ?? []).find((p) => p.name === name)?.resource?.entry ?? []) as unknown[];
      const prescriptions = entries("passedPrescriptions").flatMap((e) => {
        const resource = isObject(e) ? (e.resource as FhirResource | undefined) : undefined;
        return resource?.resourceType === "Bundle" ? [resource as FhirBundle] : [];
      });
      const failures = entries("failedPrescriptions").filter(isObject) as FhirResource[];
      return { prescriptions, failures, shape: "parameters", body: answer, requestId } satisfies ReleaseResult;
    }
    throw unexpected(operation, path, requestId, response.status, "neither a Bundle nor Parameters");
  }

  async function returnPrescription(task: ReturnTask | FhirTask, options?: EpsCallOptions) {
    const operation = "returnPrescription";
    userRestrictedOnly(operation);
    checkTask(operation, task, "rejected");
    const path = "/FHIR/R4/Task#return";
    const { data, response, requestId } = await core.POST(path, {
      body: task as never,
      ...prepareCall(operation, options),
    });
    return acknowledgement(operation, path, data, response, requestId);
  }

  async function sendDispenseNotification(
    bundle: DispenseNotificationBundle | FhirMessageBundle,
    options?: EpsCallOptions,
  ) {
    const operation = "sendDispenseNotification";
    userRestrictedOnly(operation);
    checkMessage(operation, bundle, "dispense-notification");
    const path = "/FHIR/R4/$process-message#dispense-notification";
    const { data, response, requestId } = await core.POST(path, {
      body: bundle as never,
      ...prepareCall(operation, options),
    });
    return acknowledgement(operation, path, data, response, requestId);
  }

  async function withdrawDispenseNotification(task: WithdrawTask | FhirTask, options?: EpsCallOptions) {
    const operation = "withdrawDispenseNotification";
    userRestrictedOnly(operation);
    checkTask(operation, task, "in-progress");
    const path = "/FHIR/R4/Task#withdraw";
    const { data, response, requestId } = await core.POST(path, {
      body: task as never,
      ...prepareCall(operation, options),
    });
    return acknowledgement(operation, path, data, response, requestId);
  }

  async function sendDispenseClaim(claim: DispenseClaim | FhirClaim, options?: EpsCallOptions) {
    const operation = "sendDispenseClaim";
    userRestrictedOnly(operation);
    checkResource(operation, claim, "Claim", "claim");
    checkPrescriptionIds(operation, claim, "claim");
    const path = "/FHIR/R4/Claim";
    const { data, response, requestId } = await core.POST(path, {
      body: claim as never,
      ...prepareCall(operation, options),
    });
    return acknowledgement(operation, path, data, response, requestId);
  }

  async function getCapabilityStatement(options?: EpsCallOptions) {
    const operation = "getCapabilityStatement";
    const { params: _unused, ...init } = prepareCall(operation, options, false);
    const { data, response, requestId } = await core.GET("/metadata", init);
    if (!isObject(data) || data.resourceType !== "CapabilityStatement") {
      throw unexpected(
        operation,
        "/metadata",
        requestId,
        response.status,
        "something other than a CapabilityStatement",
      );
    }
    return { capabilityStatement: data as CapabilityStatement, requestId };
  }

  async function trackPrescription(prescriptionId: string, options?: EpsCallOptions): Promise<TrackResult> {
    const operation = "trackPrescription";
    assertPrescriptionId(operation, prescriptionId);
    const { params, ...init } = prepareCall(operation, options, false);
    const { data, response, requestId } = await core.GET("/FHIR/R4/Task", {
      params: { ...params, query: { "focus:identifier": prescriptionId } },
      ...init,
    });
    if (!isObject(data) || data.resourceType !== "Bundle") {
      throw unexpected(operation, "/FHIR/R4/Task", requestId, response.status, "something other than a Bundle");
    }
    const bundle = data as FhirBundle;
    const tasks = (bundle.entry ?? []).flatMap((e) => (e.resource?.resourceType === "Task" ? [e.resource] : []));
    return { bundle, tasks, requestId };
  }

  async function validate(resource: FhirResource, options?: EpsCallOptions) {
    const operation = "validate";
    if (!isObject(resource) || typeof resource.resourceType !== "string") {
      throw new NhsValidationError(operation, [
        { path: "resource", message: "must be a FHIR resource with a resourceType" },
      ]);
    }
    checkPrescriptionIds(operation, resource, "resource");
    const path = "/FHIR/R4/$validate";
    const { data, response, requestId } = await core.POST(path, { body: resource, ...prepareCall(operation, options) });
    return acknowledgement(operation, path, data, response, requestId);
  }

  async function convertToHl7(resource: FhirResource, options?: EpsCallOptions) {
    const operation = "convertToHl7";
    if (!isObject(resource) || typeof resource.resourceType !== "string") {
      throw new NhsValidationError(operation, [
        { path: "resource", message: "must be a FHIR resource with a resourceType" },
      ]);
    }
    const { headers, ...init } = prepareCall(operation, options);
    const { data, requestId } = await core.POST("/FHIR/R4/$convert", {
      body: resource,
      parseAs: "text",
      headers: { ...headers, Accept: "application/xml, text/plain" },
      ...init,
    });
    return { xml: data as unknown as string, requestId };
  }

  /**
   * Follows a `Content-Location` EPS handed back with a 202 (asynchronous Spine replies), on the client's own
   * origin. The hosted sandbox never answers 202, and its polling endpoint says INTERACTION_NOT_SUPPORTED.
   */
  async function pollMessage(contentLocation: string, options?: EpsCallOptions) {
    const operation = "pollMessage";
    if (typeof contentLocation !== "string" || contentLocation.trim() === "") {
      throw new NhsValidationError(operation, [
        { path: "contentLocation", message: "must be the Content-Location header EPS returned with a 202" },
      ]);
    }
    const o = check(operation, callOptionsSchema, options, "options") ?? {};
    const url = new URL(contentLocation, `${core.baseUrl}/`).toString();
    const { data, response, requestId } = await core.getUrl<FhirResource>(url, {
      operation,
      ...(o.requestId ? { requestId: o.requestId } : {}),
      ...(o.correlationId ? { correlationId: o.correlationId } : {}),
      ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
    });
    return { resource: data, status: response.status, requestId };
  }

  return {
    prepare,
    sendPrescriptionOrder,
    cancelPrescription,
    release,
    returnPrescription,
    sendDispenseNotification,
    withdrawDispenseNotification,
    sendDispenseClaim,
    getCapabilityStatement,
    trackPrescription,
    validate,
    convertToHl7,
    pollMessage,
  };
}

export type Operations = ReturnType<typeof createOperations>;
