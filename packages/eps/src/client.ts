import { eps } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  type AuthStrategy,
  createApiClient,
  NhsValidationError,
  type ValidationIssue,
} from "@nhskit/core";
import { createDispense, createPrescribe } from "./flows.js";
import type { paths as DispensingPaths } from "./generated/dispensing.js";
import type { paths as CombinedPaths } from "./generated/openapi.js";
import type { paths as PrescribingPaths } from "./generated/prescribing.js";
import { type AccessMode, createOperations, type InternalPaths, type Operations } from "./operations.js";
import { sessionUridSchema } from "./schemas.js";
import { EPS_VERSION } from "./version.js";

type BaseOptions = Omit<ApiClientOptions, "api" | "document" | "clientName" | "auth">;

/**
 * Options for the user-restricted documents (combined and prescribing). Without `auth` (the sandboxes) the role
 * id is optional; with `auth` (NHS CIS2 through `userToken`) `sessionUrid` is required, as the spec says.
 */
export type EpsUserRestrictedOptions = BaseOptions &
  (
    | {
        auth?: undefined;
        /** `NHSD-Session-URID`: the CIS2 role profile id the user picked (digits). Optional in the sandbox. */
        sessionUrid?: string;
      }
    | {
        /** NHS CIS2 (user-restricted): `userToken({ getAccessToken })` from `@nhskit/auth`. */
        auth: AuthStrategy;
        /** `NHSD-Session-URID`: the CIS2 role profile id the user picked (digits). */
        sessionUrid: string;
      }
  );

export type EpsClientOptions = EpsUserRestrictedOptions;
export type EpsPrescribingClientOptions = EpsUserRestrictedOptions;

/**
 * Options for the dispensing document. With CIS2 (`userToken`) `sessionUrid` is required; with a signed JWT
 * (application-restricted, allowed for `release` only) leave it out.
 */
export interface EpsDispensingClientOptions extends BaseOptions {
  auth?: AuthStrategy;
  sessionUrid?: string;
}

type Document = "default" | "prescribing" | "dispensing";

function accessModeOf(auth: AuthStrategy | undefined): AccessMode {
  if (!auth || auth.kind === "none") return "none";
  return auth.kind === "signed-jwt" ? "application-restricted" : "user-restricted";
}

function build(operation: string, document: Document, options: EpsClientOptions | EpsDispensingClientOptions) {
  if (!options || typeof options !== "object") {
    throw new NhsValidationError(operation, [
      { path: "options", message: 'are required: at least { environment: "sandbox" } or { baseUrl }' },
    ]);
  }
  const { sessionUrid, auth, ...rest } = options as EpsDispensingClientOptions;
  const mode = accessModeOf(auth);
  const issues: ValidationIssue[] = [];
  if (sessionUrid !== undefined) {
    const parsed = sessionUridSchema.safeParse(sessionUrid);
    if (!parsed.success) issues.push({ path: "sessionUrid", message: parsed.error.issues[0]!.message });
  }
  if (mode === "user-restricted" && sessionUrid === undefined) {
    issues.push({
      path: "sessionUrid",
      message:
        "is required with NHS CIS2 (user-restricted) auth: the role profile id the user selected, sent as NHSD-Session-URID",
    });
  }
  if (mode === "application-restricted") {
    if (document !== "dispensing") {
      issues.push({
        path: "auth",
        message: `is a signed JWT (application-restricted), but EPS ${document === "default" ? "" : "prescribing "}accepts only NHS CIS2 (userToken from @nhskit/auth); only fhir-dispensing's release allows a signed JWT`,
      });
    } else if (sessionUrid !== undefined) {
      issues.push({ path: "sessionUrid", message: "must be left out with application-restricted (signed JWT) auth" });
    }
  }
  if (issues.length) throw new NhsValidationError(operation, issues);

  const core = createApiClient<InternalPaths>({
    ...rest,
    ...(auth ? { auth } : {}),
    api: eps,
    document,
    clientName: `nhskit-eps/${EPS_VERSION}`,
  });
  return { core, ops: createOperations({ core, sessionUrid, accessMode: mode }) };
}

/** The methods common to every EPS client. */
interface EpsClientBase<Paths extends {}> {
  /** Every operation in this client's OpenAPI document, typed, for anything the methods do not cover. */
  readonly raw: ApiClient<Paths>;
  readonly baseUrl: string;
  /** `GET /metadata`: the service's CapabilityStatement. */
  getCapabilityStatement: Operations["getCapabilityStatement"];
  /** Follows a `Content-Location` from a 202 answer (asynchronous Spine replies). */
  pollMessage: Operations["pollMessage"];
}

/** The prescribing operations (FHIR Prescribing, and the combined API). */
export interface EpsPrescribingOperations {
  /** `POST /FHIR/R4/$prepare`: the digest to sign for an unsigned prescription-order bundle. */
  prepare: Operations["prepare"];
  /** `POST /FHIR/R4/$process-message` with a signed prescription-order message. */
  sendPrescriptionOrder: Operations["sendPrescriptionOrder"];
  /** `POST /FHIR/R4/$process-message` with a prescription-order-update (cancellation) message. */
  cancelPrescription: Operations["cancelPrescription"];
  /** `POST /FHIR/R4/$validate`: EPS's FHIR validator (served, but only a placeholder in the published spec). */
  validate: Operations["validate"];
  /** `POST /FHIR/R4/$convert`: the HL7 v3 EPS would send to Spine (a debugging aid). */
  convertToHl7: Operations["convertToHl7"];
  /** $prepare → your signer → $process-message, in one call. */
  prescribe: ReturnType<typeof createPrescribe>;
}

/** The dispensing operations (FHIR Dispensing, and the combined API). */
export interface EpsDispensingOperations {
  /** `POST /FHIR/R4/Task/$release`: download nominated or patient-specific prescriptions. */
  release: Operations["release"];
  /** `POST /FHIR/R4/Task` with status `rejected`: hand a released prescription back to EPS. */
  returnPrescription: Operations["returnPrescription"];
  /** `POST /FHIR/R4/$process-message` with a dispense-notification message. */
  sendDispenseNotification: Operations["sendDispenseNotification"];
  /** `POST /FHIR/R4/Task` with status `in-progress`: withdraw the last dispense notification. */
  withdrawDispenseNotification: Operations["withdrawDispenseNotification"];
  /** `POST /FHIR/R4/Claim`: claim reimbursement for a dispensed prescription. */
  sendDispenseClaim: Operations["sendDispenseClaim"];
  /** $release → dispense notification per prescription → optional claim. */
  dispense: ReturnType<typeof createDispense>;
}

export interface EpsPrescribingClient extends EpsClientBase<PrescribingPaths>, EpsPrescribingOperations {}
export interface EpsDispensingClient extends EpsClientBase<DispensingPaths>, EpsDispensingOperations {}
export interface EpsClient extends EpsClientBase<CombinedPaths>, EpsPrescribingOperations, EpsDispensingOperations {
  /**
   * `GET /FHIR/R4/Task?focus:identifier=<id>`: the prescription tracker. Not in the published specs; the hosted
   * sandbox answers one canned prescription whatever id is asked for.
   */
  trackPrescription: Operations["trackPrescription"];
}

function prescribingPart(ops: Operations): EpsPrescribingOperations {
  return {
    prepare: ops.prepare,
    sendPrescriptionOrder: ops.sendPrescriptionOrder,
    cancelPrescription: ops.cancelPrescription,
    validate: ops.validate,
    convertToHl7: ops.convertToHl7,
    prescribe: createPrescribe(ops),
  };
}

function dispensingPart(ops: Operations): EpsDispensingOperations {
  return {
    release: ops.release,
    returnPrescription: ops.returnPrescription,
    sendDispenseNotification: ops.sendDispenseNotification,
    withdrawDispenseNotification: ops.withdrawDispenseNotification,
    sendDispenseClaim: ops.sendDispenseClaim,
    dispense: createDispense(ops),
  };
}

/**
 * A client for the combined EPS FHIR API (`/electronic-prescriptions`): prescribing and dispensing. Every
 * input is checked before anything is sent; every failure is an `NhsError` from `@nhskit/core`.
 */
export function createEpsClient(options: EpsClientOptions): EpsClient {
  const { core, ops } = build("createEpsClient", "default", options);
  return {
    raw: core as unknown as ApiClient<CombinedPaths>,
    baseUrl: core.baseUrl,
    getCapabilityStatement: ops.getCapabilityStatement,
    pollMessage: ops.pollMessage,
    trackPrescription: ops.trackPrescription,
    ...prescribingPart(ops),
    ...dispensingPart(ops),
  };
}

/** A client for EPS FHIR Prescribing (`/fhir-prescribing`). */
export function createEpsPrescribingClient(options: EpsPrescribingClientOptions): EpsPrescribingClient {
  const { core, ops } = build("createEpsPrescribingClient", "prescribing", options);
  return {
    raw: core as unknown as ApiClient<PrescribingPaths>,
    baseUrl: core.baseUrl,
    getCapabilityStatement: ops.getCapabilityStatement,
    pollMessage: ops.pollMessage,
    ...prescribingPart(ops),
  };
}

/** A client for EPS FHIR Dispensing (`/fhir-dispensing`). */
export function createEpsDispensingClient(options: EpsDispensingClientOptions): EpsDispensingClient {
  const { core, ops } = build("createEpsDispensingClient", "dispensing", options);
  return {
    raw: core as unknown as ApiClient<DispensingPaths>,
    baseUrl: core.baseUrl,
    getCapabilityStatement: ops.getCapabilityStatement,
    pollMessage: ops.pollMessage,
    ...dispensingPart(ops),
  };
}
