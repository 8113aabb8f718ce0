import { scr } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  type CallOptions,
  createApiClient,
  NhsValidationError,
  type ValidationIssue,
} from "@nhskit/core";
import {
  ACS_PERMISSION_SYSTEM,
  ALERT_REASON_SYSTEM,
  ALERT_REASONS_BY_TYPE,
  ALERT_TYPE_DISPLAY,
  ALERT_TYPE_SYSTEM,
  ASID_SYSTEM,
  GP_SUMMARY_TYPE,
  NHS_NUMBER_SYSTEM,
  NOTIFICATION_MESSAGE_URL,
  ODS_CODE_SYSTEM,
  patientIdentifier,
  type ScrAlertReason,
  type ScrAlertType,
  type ScrPermission,
  SDS_USER_SYSTEM,
} from "./codes.js";
import type { paths } from "./generated/openapi.js";
import {
  type AlertInput,
  alertInputSchema,
  auditEventProblems,
  check,
  checkNhsNumber,
  permissionSchema,
  scrIdSchema,
  sessionUridSchema,
  UUID,
  uploadProblems,
  uuidSchema,
} from "./schemas.js";
import type {
  ScrAuditEvent,
  ScrBundle,
  ScrComposition,
  ScrDocumentReferenceEntry,
  ScrIdBundle,
  ScrPermissionParameters,
  ScrUploadBundle,
} from "./types.js";
import { SCR_VERSION } from "./version.js";

export interface ScrClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /**
   * `NHSD-Session-URID`: the signed-in user's CIS2 role id (digits). SCR requires it to upload a summary, set
   * a permission and send an alert; it is also sent with `getScrId` when given.
   */
  sessionUrid?: string;
}

/** Per-call options for the named methods. */
export interface ScrCallOptions {
  signal?: AbortSignal;
  /** X-Request-ID; must be a UUID (a fresh one is sent when absent). Reuse it to resend a failed upload. */
  requestId?: string;
  /** X-Correlation-ID; must be a UUID. */
  correlationId?: string;
  timeoutMs?: number;
  /** The user's role id for this call (overrides the client's `sessionUrid`). */
  sessionUrid?: string;
}

/** The latest SCR's id for a patient, with the patient's view permission. */
export type ScrIdResult =
  | {
      kind: "found";
      /** The SCR's id (`masterIdentifier`): pass it to `getScr`, or to an upload that replaces it. */
      scrId: string;
      /** The patient's permission to view (`securityLabel`); `Yes` is legacy and means `Ask`. */
      permission: ScrPermission | undefined;
      documentReference: ScrDocumentReferenceEntry["resource"];
      bundle: ScrIdBundle;
      requestId: string;
    }
  /** The patient has no SCR. */
  | { kind: "none"; bundle: ScrIdBundle; requestId: string };

/** A patient's SCR, or an empty Bundle when the id given is not the latest one. */
export type ScrResult =
  | { kind: "record"; bundle: ScrBundle; composition: ScrComposition | undefined; requestId: string }
  | { kind: "empty"; bundle: ScrBundle; requestId: string };

export type LatestScrResult =
  | ({ scrId: string; permission: ScrPermission | undefined } & ScrResult)
  | { kind: "none"; requestId: string };

export interface ScrClient {
  /** Every SCR operation, typed from the OpenAPI document. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** The id of a patient's latest SCR (`GET /DocumentReference`). */
  getScrId(nhsNumber: string, options?: ScrCallOptions): Promise<ScrIdResult>;
  /** A patient's SCR by id (`GET /Bundle`). */
  getScr(nhsNumber: string, scrId: string, options?: ScrCallOptions): Promise<ScrResult>;
  /** Both steps: the latest id, then the record. */
  getLatestScr(nhsNumber: string, options?: ScrCallOptions): Promise<LatestScrResult>;
  /** Upload (create or replace) a GP summary (`POST /Bundle`). Needs `sessionUrid`. */
  uploadScr(bundle: ScrUploadBundle, options?: ScrCallOptions): Promise<{ status: number; requestId: string }>;
  /** Record the patient's permission to view their SCR (`POST /$setPermission`). Needs `sessionUrid`. */
  setPermission(
    nhsNumber: string,
    permission: ScrPermission,
    options?: ScrCallOptions,
  ): Promise<{ status: number; requestId: string }>;
  /**
   * Send a privacy alert after viewing an SCR without the patient's permission (`POST /AuditEvent`): from the
   * alert's details, or a ready-made AuditEvent. Needs `sessionUrid`.
   */
  sendAlert(
    alert: AlertInput | ScrAuditEvent,
    options?: ScrCallOptions,
  ): Promise<{ status: number; auditEvent: ScrAuditEvent; requestId: string }>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function permissionOf(resource: unknown): ScrPermission | undefined {
  const label = (resource as { securityLabel?: Array<{ coding?: unknown }> } | undefined)?.securityLabel?.[0];
  // The specification's schema has `coding` as an object; FHIR (and the API's examples) make it a list.
  const coding = Array.isArray(label?.coding) ? label.coding[0] : label?.coding;
  const code = (coding as { code?: unknown } | undefined)?.code;
  return code === "Yes" || code === "No" || code === "Ask" ? code : undefined;
}

/** A privacy alert AuditEvent from its details. */
export function buildAlert(input: AlertInput): ScrAuditEvent {
  const a = check("buildAlert", alertInputSchema, input, "alert");
  const type = a.type as ScrAlertType;
  const reason = a.reason as ScrAlertReason;
  const reasonDisplay = ALERT_REASONS_BY_TYPE[type][reason] ?? "";
  const id = a.id ?? crypto.randomUUID();
  return {
    resourceType: "AuditEvent",
    id,
    extension: [
      {
        url: NOTIFICATION_MESSAGE_URL,
        valueString:
          a.notification ?? `Privacy alert (${ALERT_TYPE_DISPLAY[type]}: ${reasonDisplay}) for SCR ${a.scrId}`,
      },
    ],
    type: { system: ALERT_TYPE_SYSTEM, code: type, display: ALERT_TYPE_DISPLAY[type] },
    subtype: [{ system: ALERT_REASON_SYSTEM, code: reason, display: reasonDisplay }],
    recorded: a.recorded ?? new Date().toISOString(),
    ...(a.description ? { outcomeDesc: a.description } : {}),
    agent: [
      { who: { identifier: { system: NHS_NUMBER_SYSTEM, value: a.nhsNumber } }, requestor: false },
      { who: { identifier: { system: ODS_CODE_SYSTEM, value: a.odsCode } }, requestor: false },
      {
        who: { identifier: { system: SDS_USER_SYSTEM, value: a.sdsUserId } },
        ...(a.userRole ? { role: [{ text: a.userRole }] } : {}),
        requestor: false,
      },
    ],
    source: { observer: { identifier: { system: ASID_SYSTEM, value: a.asid } } },
    entity: [{ what: { identifier: { value: a.scrId } } }],
  };
}

/**
 * A client for the SCR FHIR API: find and read a patient's Summary Care Record, upload a GP summary, record
 * the patient's permission and send privacy alerts. Inputs are checked before anything is sent (NHS numbers,
 * ids, UUID request and correlation ids, the role id where SCR needs it); failures are core's typed errors.
 */
export function createScrClient(options: ScrClientOptions): ScrClient {
  if (!options || typeof options !== "object") {
    throw new NhsValidationError("createScrClient", [
      { path: "options", message: 'are required: { environment: "sandbox" } or { baseUrl }' },
    ]);
  }
  const { sessionUrid, ...rest } = options;
  const issues: ValidationIssue[] = [];
  if (sessionUrid !== undefined) {
    const r = sessionUridSchema.safeParse(sessionUrid);
    if (!r.success) issues.push({ path: "sessionUrid", message: r.error.issues[0]?.message ?? "must be digits" });
  }
  if (rest.correlationId !== undefined && !UUID.test(rest.correlationId)) {
    issues.push({
      path: "correlationId",
      message: `${JSON.stringify(rest.correlationId)} must be a UUID: SCR refuses any other correlation id`,
    });
  }
  for (const [name, value] of Object.entries(rest.headers ?? {})) {
    if (/^x-(request|correlation)-id$/i.test(name) && !UUID.test(value)) {
      issues.push({ path: `headers.${name}`, message: "must be a UUID: SCR refuses any other" });
    }
  }
  if (issues.length) throw new NhsValidationError("createScrClient", issues);
  const hasAuthorization =
    rest.auth !== undefined || Object.keys(rest.headers ?? {}).some((k) => k.toLowerCase() === "authorization");

  const raw = createApiClient<paths>({ ...rest, api: scr, clientName: `nhskit-scr/${SCR_VERSION}` });

  /** The per-call pieces, checked: role id (when the operation needs it), ids, signal. */
  function callInit(op: string, options: ScrCallOptions | undefined, needsRole: boolean) {
    if (options?.requestId !== undefined) check(op, uuidSchema("request id"), options.requestId, "options.requestId");
    if (options?.correlationId !== undefined)
      check(op, uuidSchema("correlation id"), options.correlationId, "options.correlationId");
    const role =
      options?.sessionUrid !== undefined
        ? check(op, sessionUridSchema, options.sessionUrid, "options.sessionUrid")
        : sessionUrid;
    if (needsRole && role === undefined) {
      throw new NhsValidationError(op, [
        {
          path: "sessionUrid",
          message:
            "is required: SCR needs the user's role id (NHSD-Session-URID) for this operation; set it on the client or the call",
        },
      ]);
    }
    const nhs: CallOptions = {
      operation: op,
      ...(options?.requestId ? { requestId: options.requestId } : {}),
      ...(options?.correlationId ? { correlationId: options.correlationId } : {}),
      ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    };
    const init = { ...(options?.signal ? { signal: options.signal } : {}), nhs };
    return { role, init };
  }

  const FHIR_JSON = "application/fhir+json";

  async function getScrId(nhsNumber: string, options?: ScrCallOptions): Promise<ScrIdResult> {
    const op = "getScrId";
    const nhs = checkNhsNumber(op, nhsNumber);
    const { role, init } = callInit(op, options, false);
    const { data, requestId } = await raw.GET("/DocumentReference", {
      params: {
        query: { patient: patientIdentifier(nhs), type: GP_SUMMARY_TYPE, _sort: "date", _count: 1 },
        ...(role ? { header: { "NHSD-Session-URID": role } } : {}),
      },
      ...init,
    });
    const bundle = data as ScrIdBundle;
    const entry = (bundle.entry ?? []).find(
      (e): e is ScrDocumentReferenceEntry => isRecord(e.resource) && e.resource.resourceType === "DocumentReference",
    );
    const scrId = entry?.resource.masterIdentifier?.value;
    if (!entry || !scrId) return { kind: "none", bundle, requestId };
    return {
      kind: "found",
      scrId,
      permission: permissionOf(entry.resource),
      documentReference: entry.resource,
      bundle,
      requestId,
    };
  }

  async function getScr(nhsNumber: string, scrId: string, options?: ScrCallOptions): Promise<ScrResult> {
    const op = "getScr";
    const nhs = checkNhsNumber(op, nhsNumber);
    const id = check(op, scrIdSchema, scrId, "scrId");
    const { init } = callInit(op, options, false);
    const { data, requestId } = await raw.GET("/Bundle", {
      params: {
        query: { "composition.identifier": id, "composition.subject:Patient.identifier": patientIdentifier(nhs) },
      },
      ...init,
    });
    const bundle = data as ScrBundle;
    const entries = bundle.entry ?? [];
    if (entries.length === 0) return { kind: "empty", bundle, requestId };
    const composition = entries.find((e) => isRecord(e.resource) && e.resource.resourceType === "Composition")
      ?.resource as ScrComposition | undefined;
    return { kind: "record", bundle, composition, requestId };
  }

  async function getLatestScr(nhsNumber: string, options?: ScrCallOptions): Promise<LatestScrResult> {
    const latest = await getScrId(nhsNumber, options);
    if (latest.kind === "none") return { kind: "none", requestId: latest.requestId };
    const { requestId: _first, ...rest } = options ?? {};
    const record = await getScr(nhsNumber, latest.scrId, rest);
    return { scrId: latest.scrId, permission: latest.permission, ...record };
  }

  async function uploadScr(bundle: ScrUploadBundle, options?: ScrCallOptions) {
    const op = "uploadScr";
    const problems = uploadProblems(bundle);
    if (problems.length) throw new NhsValidationError(op, problems);
    const { role, init } = callInit(op, options, true);
    const { response, requestId } = await raw.POST("/Bundle", {
      params: { header: { "NHSD-Session-URID": role!, "Content-Type": FHIR_JSON } },
      body: bundle,
      ...init,
    });
    return { status: response.status, requestId };
  }

  async function setPermission(nhsNumber: string, permission: ScrPermission, options?: ScrCallOptions) {
    const op = "setPermission";
    const nhs = checkNhsNumber(op, nhsNumber);
    const code = check(op, permissionSchema, permission, "permission");
    const { role, init } = callInit(op, options, true);
    if (!hasAuthorization) {
      throw new NhsValidationError(op, [
        {
          path: "auth",
          message:
            'is required: $setPermission reads the Authorization header even in the sandbox; pass auth (userToken), or headers: { Authorization: "Bearer <anything>" } for the sandbox',
        },
      ]);
    }
    const body: ScrPermissionParameters = {
      resourceType: "Parameters",
      parameter: [
        {
          name: "setPermissions",
          part: [
            { name: "nhsNumber", valueString: nhs },
            { name: "permissionCode", valueCoding: { system: ACS_PERMISSION_SYSTEM, code } },
          ],
        },
      ],
    };
    const { response, requestId } = await raw.POST("/$setPermission", {
      params: { header: { "NHSD-Session-URID": role!, "Content-Type": FHIR_JSON } },
      body,
      ...init,
    });
    return { status: response.status, requestId };
  }

  async function sendAlert(alert: AlertInput | ScrAuditEvent, options?: ScrCallOptions) {
    const op = "sendAlert";
    let auditEvent: ScrAuditEvent;
    if (isRecord(alert) && "resourceType" in alert) {
      const problems = auditEventProblems(alert);
      if (problems.length) throw new NhsValidationError(op, problems);
      auditEvent = alert as ScrAuditEvent;
    } else {
      auditEvent = buildAlert(alert as AlertInput);
    }
    const { role, init } = callInit(op, options, true);
    const { response, requestId } = await raw.POST("/AuditEvent", {
      params: { header: { "NHSD-Session-URID": role!, "Content-Type": FHIR_JSON } },
      body: auditEvent as never,
      ...init,
    });
    return { status: response.status, auditEvent, requestId };
  }

  return { raw, baseUrl: raw.baseUrl, getScrId, getScr, getLatestScr, uploadScr, setPermission, sendAlert };
}
