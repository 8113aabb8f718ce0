import { bars } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  hintFor,
  NhsApiError,
  NhsValidationError,
  parseErrorBody,
  type ValidationIssue,
} from "@nhskit/core";
import type { paths } from "./generated/openapi.js";
import {
  deviceResource,
  type EndUserOrganisation,
  encodeJsonHeader,
  NHS_NUMBER_SYSTEM,
  ODS_ORGANIZATION_CODE_SYSTEM,
  organizationResource,
  practitionerRoleResource,
  type RequestingPractitioner,
  type RequestingSoftware,
  SNOMED_SYSTEM,
  type TargetIdentifier,
} from "./headers.js";
import { BARS_OPERATIONS, type BarsOperationId, versionAtLeast } from "./operations.js";
import {
  type AppointmentSearch,
  appointmentSearchSchema,
  type BarsCoreVersion,
  barsVersionSchema,
  check,
  checkNhsNumber,
  correlationIdSchema,
  type EndpointSearch,
  type EndpointTemplateSearch,
  endpointSearchSchema,
  endpointTemplateSearchSchema,
  endUserOrganisationSchema,
  type HealthcareServiceSearch,
  healthcareServiceSearchSchema,
  type MessageDefinitionSearch,
  messageDefinitionSearchSchema,
  messageProblems,
  type PointerSearch,
  pointerIdSchema,
  pointerProblems,
  pointerSearchSchema,
  type ReferralSearch,
  referralSearchSchema,
  requestingPractitionerSchema,
  requestingSoftwareSchema,
  resourceProblems,
  type SlotSearch,
  slotSearchSchema,
  targetSchema,
  tokenText,
  useContextSchema,
  uuidSchema,
} from "./schemas.js";
import type {
  Appointment,
  AppointmentBundle,
  CapabilityStatement,
  DocumentReference,
  DocumentReferenceBundle,
  Endpoint,
  EndpointBundle,
  EndpointTemplate,
  EndpointTemplateBundle,
  FhirInput,
  FhirResource,
  HealthcareService,
  HealthcareServiceBundle,
  MessageBundle,
  MessageDefinition,
  MessageDefinitionBundle,
  OperationOutcome,
  PointerInput,
  ServiceRequest,
  ServiceRequestBundle,
  SlotBundle,
} from "./types.js";
import { BARS_VERSION } from "./version.js";

export interface BarsClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /** The organisation your user works for, sent on every call as `NHSD-End-User-Organisation`. */
  endUserOrganisation: EndUserOrganisation;
  /** Your product, sent on every call as `NHSD-Requesting-Software`. */
  requestingSoftware: RequestingSoftware;
  /** The clinician, sent as `NHSD-Requesting-Practitioner` when known (a call may change or drop it). */
  requestingPractitioner?: RequestingPractitioner;
  /** The receiver for calls that need `NHSD-Target-Identifier` (a call may name another). */
  target?: TargetIdentifier;
  /** BaRS Core version sent in `Accept`. Default 1.4.0. Calls to operations newer than it are refused. */
  barsVersion?: BarsCoreVersion;
  /** Default `use-context` for writes (a write may give its own). */
  useContext?: string;
  /**
   * X-Correlation-Id for every call. BaRS requires one; without it each call gets a fresh UUID (returned
   * as `correlationId`). Pass one per call to tie the calls of one workflow together.
   */
  correlationId?: string;
}

/** Per-call options every method takes. */
export interface BarsCallOptions {
  signal?: AbortSignal;
  /** X-Request-Id (a UUID). Default: a fresh one, kept across retries. */
  requestId?: string;
  /** X-Correlation-Id (a UUID). Default: the client's, else a fresh one. */
  correlationId?: string;
  timeoutMs?: number;
  /** Replaces the client's practitioner for this call; `null` sends none. */
  requestingPractitioner?: RequestingPractitioner | null;
}

/** Calls to a receiver (slots, bookings, referrals, messages) may name another target than the client's. */
export interface BarsReceiverCallOptions extends BarsCallOptions {
  target?: TargetIdentifier;
}

/** Writes also carry `use-context`. */
export interface BarsWriteOptions extends BarsReceiverCallOptions {
  useContext?: string;
}

/** Pointer (DocumentReference) writes carry `use-context` but no target. */
export interface BarsPointerWriteOptions extends BarsCallOptions {
  useContext?: string;
}

/** What every method returns besides its data. */
export interface BarsCallResult {
  /** The X-Request-Id sent. */
  requestId: string;
  /** The X-Correlation-Id sent (generated when you gave none). */
  correlationId: string;
}

export interface BarsClient {
  /** Every operation of the BaRS 1.4.0 document, typed, for anything the methods below do not cover. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** The BaRS Core version sent in `Accept`. */
  readonly barsVersion: BarsCoreVersion;

  /** GET /metadata. Without a target (`target: null`) the BaRS proxy answers with its own statement. */
  getCapabilityStatement(
    options?: BarsCallOptions & { target?: TargetIdentifier | null },
  ): Promise<BarsCallResult & { capabilityStatement: CapabilityStatement }>;
  /** GET /MessageDefinition: what the receiver needs in a message for a service and use case. */
  getMessageDefinitions(
    params: MessageDefinitionSearch,
    options?: BarsReceiverCallOptions,
  ): Promise<BarsCallResult & { messageDefinitions: MessageDefinition[]; bundle: MessageDefinitionBundle }>;
  /** POST /$process-message: send a BaRS message (referral, booking, validation...). */
  sendMessage(
    message: FhirInput<MessageBundle>,
    options?: BarsWriteOptions,
  ): Promise<BarsCallResult & { bundle: MessageBundle; messageHeader: FhirResource | undefined }>;
  /** GET /Slot: free (or busy) slots, with what `include` asked for alongside. */
  searchSlots(
    params: SlotSearch,
    options?: BarsReceiverCallOptions,
  ): Promise<BarsCallResult & { slots: FhirResource[]; included: FhirResource[]; total: number; bundle: SlotBundle }>;
  searchAppointments(
    params: AppointmentSearch,
    options?: BarsReceiverCallOptions,
  ): Promise<BarsCallResult & { appointments: Appointment[]; bundle: AppointmentBundle }>;
  createAppointment(
    appointment: FhirInput<Appointment>,
    options?: BarsWriteOptions,
  ): Promise<BarsCallResult & { appointment: Appointment }>;
  getAppointment(id: string, options?: BarsReceiverCallOptions): Promise<BarsCallResult & { appointment: Appointment }>;
  updateAppointment(
    id: string,
    appointment: FhirInput<Appointment>,
    options?: BarsWriteOptions,
  ): Promise<BarsCallResult & { appointment: Appointment }>;
  patchAppointment(
    id: string,
    changes: FhirInput<Appointment>,
    options?: BarsWriteOptions,
  ): Promise<BarsCallResult & { appointment: Appointment }>;
  deleteAppointment(id: string, options?: BarsWriteOptions): Promise<BarsCallResult & { outcome: OperationOutcome }>;
  searchReferrals(
    params: ReferralSearch,
    options?: BarsReceiverCallOptions,
  ): Promise<BarsCallResult & { referrals: ServiceRequest[]; bundle: ServiceRequestBundle }>;
  createReferral(
    referral: FhirInput<ServiceRequest>,
    options?: BarsWriteOptions,
  ): Promise<BarsCallResult & { referral: ServiceRequest }>;
  getReferral(id: string, options?: BarsReceiverCallOptions): Promise<BarsCallResult & { referral: ServiceRequest }>;
  updateReferral(
    id: string,
    referral: FhirInput<ServiceRequest>,
    options?: BarsWriteOptions,
  ): Promise<BarsCallResult & { referral: ServiceRequest }>;
  patchReferral(
    id: string,
    changes: FhirInput<ServiceRequest>,
    options?: BarsWriteOptions,
  ): Promise<BarsCallResult & { referral: ServiceRequest }>;
  deleteReferral(id: string, options?: BarsWriteOptions): Promise<BarsCallResult & { outcome: OperationOutcome }>;
  /** GET /DocumentReference: booking and referral pointers for a patient (BaRS passes these to NRL). */
  searchPointers(
    params: PointerSearch,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { pointers: DocumentReference[]; total: number; bundle: DocumentReferenceBundle }>;
  createPointer(
    pointer: PointerInput,
    options?: BarsPointerWriteOptions,
  ): Promise<
    BarsCallResult & { outcome: OperationOutcome; location: string | undefined; pointerId: string | undefined }
  >;
  readPointer(id: string, options?: BarsCallOptions): Promise<BarsCallResult & { pointer: DocumentReference }>;
  updatePointer(
    id: string,
    pointer: PointerInput,
    options?: BarsPointerWriteOptions,
  ): Promise<BarsCallResult & { outcome: OperationOutcome }>;
  deletePointer(id: string, options?: BarsPointerWriteOptions): Promise<BarsCallResult & { outcome: OperationOutcome }>;
  searchHealthcareServices(
    params?: HealthcareServiceSearch,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { healthcareServices: HealthcareService[]; bundle: HealthcareServiceBundle }>;
  createHealthcareService(
    service: FhirInput<HealthcareService>,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { healthcareService: HealthcareService }>;
  getHealthcareService(
    id: string,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { healthcareService: HealthcareService }>;
  replaceHealthcareService(
    id: string,
    service: FhirInput<HealthcareService>,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { healthcareService: HealthcareService; created: boolean }>;
  deleteHealthcareService(
    id: string,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { outcome: OperationOutcome }>;
  searchEndpoints(
    params?: EndpointSearch,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { endpoints: Endpoint[]; bundle: EndpointBundle }>;
  createEndpoint(
    endpoint: FhirInput<Endpoint>,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { endpoint: Endpoint }>;
  getEndpoint(id: string, options?: BarsCallOptions): Promise<BarsCallResult & { endpoint: Endpoint }>;
  replaceEndpoint(
    id: string,
    endpoint: FhirInput<Endpoint>,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { endpoint: Endpoint; created: boolean }>;
  deleteEndpoint(id: string, options?: BarsCallOptions): Promise<BarsCallResult & { outcome: OperationOutcome }>;
  searchEndpointTemplates(
    params?: EndpointTemplateSearch,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { templates: EndpointTemplate[]; bundle: EndpointTemplateBundle }>;
  createEndpointTemplate(
    template: FhirInput<EndpointTemplate>,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { template: EndpointTemplate }>;
  replaceEndpointTemplate(
    id: string,
    template: FhirInput<EndpointTemplate>,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { template: EndpointTemplate; created: boolean }>;
  deleteEndpointTemplate(
    id: string,
    options?: BarsCallOptions,
  ): Promise<BarsCallResult & { outcome: OperationOutcome }>;
}

type AnyCallOptions = BarsCallOptions & { target?: TargetIdentifier | null; useContext?: string };
type Query = Record<string, string | string[]>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function entries(bundle: unknown): FhirResource[] {
  const list = isRecord(bundle) && Array.isArray(bundle.entry) ? bundle.entry : [];
  // A search entry wraps its resource; the hosted sandbox's ServiceRequest search puts the resource itself
  // in `entry`, so both shapes are read.
  return list.flatMap((e: unknown) => {
    if (!isRecord(e)) return [];
    const resource = isRecord(e.resource) ? e.resource : typeof e.resourceType === "string" ? e : undefined;
    return resource ? [resource as FhirResource] : [];
  });
}

function ofType<T>(bundle: unknown, resourceType: string): T[] {
  return entries(bundle).filter((r) => r.resourceType === resourceType) as T[];
}

/**
 * A client for the BaRS FHIR API. It builds the BaRS headers from typed inputs, checks every input before
 * anything is sent, and reports failures as `NhsApiError` (or another `NhsError`) from `@nhskit/core`.
 */
export function createBarsClient(options: BarsClientOptions): BarsClient {
  if (!options || typeof options !== "object") {
    throw new NhsValidationError("createBarsClient", [
      { path: "options", message: "must give endUserOrganisation, requestingSoftware and environment or baseUrl" },
    ]);
  }
  const {
    endUserOrganisation,
    requestingSoftware,
    requestingPractitioner,
    target,
    barsVersion: versionOption,
    useContext,
    correlationId,
    ...rest
  } = options;
  const where = "createBarsClient";
  const issues: ValidationIssue[] = [];
  const collect = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      if (error instanceof NhsValidationError) issues.push(...error.issues);
      else throw error;
    }
  };
  let version: BarsCoreVersion = "1.4.0";
  collect(() => check(where, endUserOrganisationSchema, endUserOrganisation, "endUserOrganisation"));
  collect(() => check(where, requestingSoftwareSchema, requestingSoftware, "requestingSoftware"));
  if (requestingPractitioner !== undefined)
    collect(() => check(where, requestingPractitionerSchema, requestingPractitioner, "requestingPractitioner"));
  if (target !== undefined) collect(() => check(where, targetSchema, target, "target"));
  if (versionOption !== undefined)
    collect(() => (version = check(where, barsVersionSchema, versionOption, "barsVersion")));
  if (useContext !== undefined) collect(() => check(where, useContextSchema, useContext, "useContext"));
  if (correlationId !== undefined) collect(() => check(where, correlationIdSchema, correlationId, "correlationId"));
  if (issues.length) throw new NhsValidationError(where, issues);

  const raw = createApiClient<paths>({ ...rest, api: bars, clientName: `nhskit-bars/${BARS_VERSION}` });
  const organisationHeader = encodeJsonHeader(organizationResource(endUserOrganisation));
  const softwareHeader = encodeJsonHeader(deviceResource(requestingSoftware));
  const practitionerHeader = requestingPractitioner
    ? encodeJsonHeader(practitionerRoleResource(requestingPractitioner))
    : undefined;

  /** Checks the per-call options and builds the headers; throws NhsValidationError before anything is sent. */
  function prepare(operationId: BarsOperationId, call: AnyCallOptions | undefined, extra: ValidationIssue[] = []) {
    const op = BARS_OPERATIONS[operationId];
    const name = op.clientMethod;
    const problems: ValidationIssue[] = [...extra];
    const guard = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        if (error instanceof NhsValidationError) problems.push(...error.issues);
        else throw error;
      }
    };
    if (call !== undefined && !isRecord(call))
      problems.push({ path: "options", message: "must be an object of call options" });
    const c = isRecord(call) ? call : {};
    if (!versionAtLeast(version, op.since)) {
      problems.push({
        path: "barsVersion",
        message: `${op.method} ${op.path} needs BaRS Core ${op.since} or later; this client sends ${version}`,
      });
    }
    if (c.requestId !== undefined) guard(() => check(name, uuidSchema, c.requestId, "options.requestId"));
    if (c.correlationId !== undefined)
      guard(() => check(name, correlationIdSchema, c.correlationId, "options.correlationId"));
    const headers: Record<string, string> = {
      Accept: op.versionedAccept ? `application/fhir+json; version=${version}` : "application/fhir+json",
      "NHSD-End-User-Organisation": organisationHeader,
      "NHSD-Requesting-Software": softwareHeader,
    };
    if (c.requestingPractitioner === null) {
      // dropped for this call
    } else if (c.requestingPractitioner !== undefined) {
      guard(() => {
        check(name, requestingPractitionerSchema, c.requestingPractitioner, "options.requestingPractitioner");
        headers["NHSD-Requesting-Practitioner"] = encodeJsonHeader(
          practitionerRoleResource(c.requestingPractitioner as RequestingPractitioner),
        );
      });
    } else if (practitionerHeader) headers["NHSD-Requesting-Practitioner"] = practitionerHeader;

    if (op.target !== "none") {
      const chosen = c.target === undefined ? target : c.target;
      if (chosen === null || chosen === undefined) {
        if (op.target === "required")
          problems.push({
            path: "options.target",
            message: `${op.method} ${op.path} needs NHSD-Target-Identifier: set target on the client or this call, e.g. dosService("2000011147")`,
          });
      } else {
        guard(() => {
          const checked = check(name, targetSchema, chosen, "options.target");
          headers["NHSD-Target-Identifier"] = encodeJsonHeader({ value: checked.value, system: checked.system });
        });
      }
    }
    if (op.useContext) {
      const context = c.useContext ?? useContext;
      if (context === undefined)
        problems.push({
          path: "options.useContext",
          message:
            "writes carry use-context: set useContext on the client or this call (e.g. a4t2|validation|servicerequest-response|new)",
        });
      else guard(() => (headers["use-context"] = check(name, useContextSchema, context, "options.useContext")));
    }
    if (problems.length) throw new NhsValidationError(name, problems);
    const correlation = (c.correlationId as string | undefined) ?? correlationId ?? crypto.randomUUID();
    return { op, name, headers, call: c, correlation };
  }

  async function send(
    operationId: BarsOperationId,
    request: { path?: Record<string, string>; query?: Query; body?: unknown },
    callOptions: AnyCallOptions | undefined,
    extra: ValidationIssue[] = [],
  ) {
    const { op, name, headers, call, correlation } = prepare(operationId, callOptions, extra);
    if (request.body !== undefined) headers["Content-Type"] = "application/fhir+json";
    const init = {
      params: {
        ...(request.path ? { path: request.path } : {}),
        ...(request.query ? { query: request.query } : {}),
      },
      ...(request.body !== undefined ? { body: request.body } : {}),
      headers,
      ...(call.signal ? { signal: call.signal } : {}),
      nhs: {
        operation: name,
        correlationId: correlation,
        ...(call.requestId ? { requestId: call.requestId as string } : {}),
        ...(call.timeoutMs ? { timeoutMs: call.timeoutMs as number } : {}),
      },
    };
    // The typed surface is `raw`; here the operation table picks the path and method.
    // biome-ignore lint/suspicious/noExplicitAny: dispatching by the operation table
    const result = await (raw[op.method] as any)(op.path, init);
    const { data, response, requestId } = result as { data: unknown; response: Response; requestId: string };
    failOnErrorOutcome(name, op.method, response, requestId, data);
    return { data, response, requestId, correlationId: correlation };
  }

  /** A 2xx answer whose body is an OperationOutcome reporting an error is a failure, not a result. */
  function failOnErrorOutcome(name: string, method: string, response: Response, requestId: string, body: unknown) {
    if (!isRecord(body) || body.resourceType !== "OperationOutcome") return;
    const issues = Array.isArray(body.issue) ? body.issue : [];
    if (!issues.some((i: unknown) => isRecord(i) && (i.severity === "error" || i.severity === "fatal"))) return;
    const parsed = parseErrorBody(body);
    throw new NhsApiError({
      status: response.status,
      statusText: response.statusText,
      code: parsed.code,
      diagnostics: parsed.diagnostics,
      issues: parsed.issues,
      hint: `The receiver answered ${response.status} but its OperationOutcome reports an error: treat the call as failed. ${hintFor(400, parsed.code)}`,
      call: { operation: name, method, url: response.url || raw.baseUrl, requestId, attempts: 1 },
      retryAfterSeconds: undefined,
      body,
      headers: response.headers,
    });
  }

  const bodyIssues = (problems: Array<{ path: string; message: string }>, where: string): ValidationIssue[] =>
    problems.map((p) => ({ path: p.path ? `${where}.${p.path}` : where, message: p.message }));

  function idIssues(id: unknown, kind: "uuid" | "pointer", name: string): ValidationIssue[] {
    try {
      check(name, kind === "uuid" ? uuidSchema : pointerIdSchema, id, "id");
      return [];
    } catch (error) {
      if (error instanceof NhsValidationError) return [...error.issues];
      throw error;
    }
  }

  /**
   * Validates params with zod, collecting problems with the other checks so one error lists them all. A bad
   * NHS number is thrown at once as core's NhsNumberError.
   */
  function parse<T>(run: () => T, params?: unknown, name = ""): { value: T | undefined; issues: ValidationIssue[] } {
    if (isRecord(params) && params.nhsNumber !== undefined) checkNhsNumber(name, params.nhsNumber, "params.nhsNumber");
    try {
      return { value: run(), issues: [] };
    } catch (error) {
      if (error instanceof NhsValidationError) return { value: undefined, issues: [...error.issues] };
      throw error;
    }
  }

  const patientToken = (nhsNumber: string) => `${NHS_NUMBER_SYSTEM}|${nhsNumber}`;

  function patientQuery(p: { nhsNumber?: string; name?: string; birthDate?: string; postcode?: string }): Query {
    const query: Query = {};
    if (p.nhsNumber) query["patient:identifier"] = patientToken(p.nhsNumber);
    if (p.name) query["patient:name"] = p.name;
    if (p.birthDate) query["patient:birthdate"] = p.birthDate.startsWith("eq") ? p.birthDate : `eq${p.birthDate}`;
    if (p.postcode) query["patient:address-postalcode"] = p.postcode;
    return query;
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    barsVersion: version,

    async getCapabilityStatement(callOptions) {
      const { data, requestId, correlationId } = await send("getMeta", {}, callOptions);
      return { capabilityStatement: data as CapabilityStatement, requestId, correlationId };
    },

    async getMessageDefinitions(params, callOptions) {
      const name = "getMessageDefinitions";
      const { value, issues } = parse(() => check(name, messageDefinitionSearchSchema, params, "params"));
      const context = value ? (typeof value.context === "string" ? [value.context] : [...value.context]) : [];
      const { data, requestId, correlationId } = await send(
        "getMessageDefinition",
        { query: { context } },
        callOptions,
        issues,
      );
      return {
        messageDefinitions: ofType<MessageDefinition>(data, "MessageDefinition"),
        bundle: data as MessageDefinitionBundle,
        requestId,
        correlationId,
      };
    },

    async sendMessage(message, callOptions) {
      const issues = bodyIssues(messageProblems(message), "message");
      const { data, requestId, correlationId } = await send("processMessage", { body: message }, callOptions, issues);
      return {
        bundle: data as MessageBundle,
        messageHeader: entries(data).find((r) => r.resourceType === "MessageHeader"),
        requestId,
        correlationId,
      };
    },

    async searchSlots(params, callOptions) {
      const name = "searchSlots";
      const { value, issues } = parse(() => check(name, slotSearchSchema, params, "params"));
      const query: Query = {};
      if (value) {
        // BaRS asks for several statuses comma-separated (status=free,busy), not a repeated parameter.
        query.status = typeof value.status === "string" ? value.status : value.status.join(",");
        query.start = typeof value.start === "string" ? value.start : [...value.start];
        query._include = [...value.include];
        if (value.healthcareService) query["Schedule.actor:HealthcareService"] = value.healthcareService;
      }
      const { data, requestId, correlationId } = await send("getSlots", { query }, callOptions, issues);
      const all = entries(data);
      const slots = all.filter((r) => r.resourceType === "Slot");
      const bundle = data as SlotBundle;
      return {
        slots,
        included: all.filter((r) => r.resourceType !== "Slot"),
        total: typeof bundle?.total === "number" ? bundle.total : all.length,
        bundle,
        requestId,
        correlationId,
      };
    },

    async searchAppointments(params, callOptions) {
      const name = "searchAppointments";
      const { value, issues } = parse(() => check(name, appointmentSearchSchema, params, "params"), params, name);
      const query = value ? patientQuery(value) : {};
      const { data, requestId, correlationId } = await send("getBookingByPatient", { query }, callOptions, issues);
      return {
        appointments: ofType<Appointment>(data, "Appointment"),
        bundle: data as AppointmentBundle,
        requestId,
        correlationId,
      };
    },

    async createAppointment(appointment, callOptions) {
      const issues = bodyIssues(resourceProblems(appointment, "Appointment"), "appointment");
      const { data, requestId, correlationId } = await send(
        "createAppointment",
        { body: appointment },
        callOptions,
        issues,
      );
      return { appointment: data as Appointment, requestId, correlationId };
    },

    async getAppointment(id, callOptions) {
      const issues = idIssues(id, "uuid", "getAppointment");
      const { data, requestId, correlationId } = await send("getBooking", { path: { id } }, callOptions, issues);
      return { appointment: data as Appointment, requestId, correlationId };
    },

    async updateAppointment(id, appointment, callOptions) {
      const issues = [
        ...idIssues(id, "uuid", "updateAppointment"),
        ...bodyIssues(resourceProblems(appointment, "Appointment"), "appointment"),
      ];
      const { data, requestId, correlationId } = await send(
        "updateAppointment",
        { path: { id }, body: appointment },
        callOptions,
        issues,
      );
      return { appointment: data as Appointment, requestId, correlationId };
    },

    async patchAppointment(id, changes, callOptions) {
      const issues = [
        ...idIssues(id, "uuid", "patchAppointment"),
        ...bodyIssues(resourceProblems(changes, "Appointment"), "changes"),
      ];
      const { data, requestId, correlationId } = await send(
        "patchAppointment",
        { path: { id }, body: changes },
        callOptions,
        issues,
      );
      return { appointment: data as Appointment, requestId, correlationId };
    },

    async deleteAppointment(id, callOptions) {
      const issues = idIssues(id, "uuid", "deleteAppointment");
      const { data, requestId, correlationId } = await send("deleteAppointment", { path: { id } }, callOptions, issues);
      return { outcome: data as OperationOutcome, requestId, correlationId };
    },

    async searchReferrals(params, callOptions) {
      const name = "searchReferrals";
      const { value, issues } = parse(() => check(name, referralSearchSchema, params, "params"), params, name);
      const query = value ? patientQuery(value) : {};
      if (value?.identifier) query["ServiceRequest.identifier"] = value.identifier;
      const { data, requestId, correlationId } = await send("getReferralByPatient", { query }, callOptions, issues);
      return {
        referrals: ofType<ServiceRequest>(data, "ServiceRequest"),
        bundle: data as ServiceRequestBundle,
        requestId,
        correlationId,
      };
    },

    async createReferral(referral, callOptions) {
      const issues = bodyIssues(resourceProblems(referral, "ServiceRequest"), "referral");
      const { data, requestId, correlationId } = await send("createReferral", { body: referral }, callOptions, issues);
      return { referral: data as ServiceRequest, requestId, correlationId };
    },

    async getReferral(id, callOptions) {
      const issues = idIssues(id, "uuid", "getReferral");
      const { data, requestId, correlationId } = await send("getReferral", { path: { id } }, callOptions, issues);
      return { referral: data as ServiceRequest, requestId, correlationId };
    },

    async updateReferral(id, referral, callOptions) {
      const issues = [
        ...idIssues(id, "uuid", "updateReferral"),
        ...bodyIssues(resourceProblems(referral, "ServiceRequest"), "referral"),
      ];
      const { data, requestId, correlationId } = await send(
        "putReferral",
        { path: { id }, body: referral },
        callOptions,
        issues,
      );
      return { referral: data as ServiceRequest, requestId, correlationId };
    },

    async patchReferral(id, changes, callOptions) {
      const issues = [
        ...idIssues(id, "uuid", "patchReferral"),
        ...bodyIssues(resourceProblems(changes, "ServiceRequest"), "changes"),
      ];
      const { data, requestId, correlationId } = await send(
        "patchReferral",
        { path: { id }, body: changes },
        callOptions,
        issues,
      );
      return { referral: data as ServiceRequest, requestId, correlationId };
    },

    async deleteReferral(id, callOptions) {
      const issues = idIssues(id, "uuid", "deleteReferral");
      const { data, requestId, correlationId } = await send("deleteReferral", { path: { id } }, callOptions, issues);
      return { outcome: data as OperationOutcome, requestId, correlationId };
    },

    async searchPointers(params, callOptions) {
      const name = "searchPointers";
      const { value, issues } = parse(() => check(name, pointerSearchSchema, params, "params"), params, name);
      const query: Query = {};
      if (value) {
        query["subject:identifier"] = patientToken(value.nhsNumber);
        if (value.custodian) query["custodian:identifier"] = `${ODS_ORGANIZATION_CODE_SYSTEM}|${value.custodian}`;
        if (value.type)
          query.type =
            typeof value.type === "string"
              ? `${SNOMED_SYSTEM}|${value.type}`
              : `${value.type.system ?? SNOMED_SYSTEM}|${value.type.code}`;
        if (value.nextPageToken) query["next-page-token"] = value.nextPageToken;
      }
      const { data, requestId, correlationId } = await send("searchDocumentReference", { query }, callOptions, issues);
      const pointers = ofType<DocumentReference>(data, "DocumentReference");
      const bundle = data as DocumentReferenceBundle;
      return {
        pointers,
        total: typeof bundle?.total === "number" ? bundle.total : pointers.length,
        bundle,
        requestId,
        correlationId,
      };
    },

    async createPointer(pointer, callOptions) {
      const issues = bodyIssues(pointerProblems(pointer), "pointer");
      const { data, response, requestId, correlationId } = await send(
        "createDocumentReference",
        { body: pointer },
        callOptions,
        issues,
      );
      const location = response.headers.get("location") ?? undefined;
      return {
        outcome: data as OperationOutcome,
        location,
        pointerId: location
          ? decodeURIComponent(location.split("?")[0]!.split("/").pop() ?? "") || undefined
          : undefined,
        requestId,
        correlationId,
      };
    },

    async readPointer(id, callOptions) {
      const issues = idIssues(id, "pointer", "readPointer");
      const { data, requestId, correlationId } = await send(
        "readDocumentReference",
        { path: { id } },
        callOptions,
        issues,
      );
      return { pointer: data as DocumentReference, requestId, correlationId };
    },

    async updatePointer(id, pointer, callOptions) {
      const issues = [...idIssues(id, "pointer", "updatePointer"), ...bodyIssues(pointerProblems(pointer), "pointer")];
      const { data, requestId, correlationId } = await send(
        "updateDocumentReference",
        { path: { id }, body: pointer },
        callOptions,
        issues,
      );
      return { outcome: data as OperationOutcome, requestId, correlationId };
    },

    async deletePointer(id, callOptions) {
      const issues = idIssues(id, "pointer", "deletePointer");
      const { data, requestId, correlationId } = await send(
        "deleteDocumentReference",
        { path: { id } },
        callOptions,
        issues,
      );
      return { outcome: data as OperationOutcome, requestId, correlationId };
    },

    async searchHealthcareServices(params = {}, callOptions) {
      const name = "searchHealthcareServices";
      const { value, issues } = parse(() => check(name, healthcareServiceSearchSchema, params, "params"));
      const query: Query = {};
      if (value?.providedBy) query["HealthcareService.providedBy"] = value.providedBy;
      if (value?.identifier) query["HealthcareService.identifier"] = tokenText(value.identifier);
      const { data, requestId, correlationId } = await send("getHealthcareServices", { query }, callOptions, issues);
      return {
        healthcareServices: ofType<HealthcareService>(data, "HealthcareService"),
        bundle: data as HealthcareServiceBundle,
        requestId,
        correlationId,
      };
    },

    async createHealthcareService(service, callOptions) {
      const issues = bodyIssues(resourceProblems(service, "HealthcareService", false), "service");
      const { data, requestId, correlationId } = await send(
        "createHealthcareService",
        { body: service },
        callOptions,
        issues,
      );
      return { healthcareService: data as HealthcareService, requestId, correlationId };
    },

    async getHealthcareService(id, callOptions) {
      const issues = idIssues(id, "uuid", "getHealthcareService");
      const { data, requestId, correlationId } = await send(
        "getHealthcareService",
        { path: { id } },
        callOptions,
        issues,
      );
      return { healthcareService: data as HealthcareService, requestId, correlationId };
    },

    async replaceHealthcareService(id, service, callOptions) {
      const issues = [
        ...idIssues(id, "uuid", "replaceHealthcareService"),
        ...bodyIssues(resourceProblems(service, "HealthcareService", false), "service"),
      ];
      const { data, response, requestId, correlationId } = await send(
        "replaceHealthcareService",
        { path: { id }, body: service },
        callOptions,
        issues,
      );
      return {
        healthcareService: data as HealthcareService,
        created: response.status === 201,
        requestId,
        correlationId,
      };
    },

    async deleteHealthcareService(id, callOptions) {
      const issues = idIssues(id, "uuid", "deleteHealthcareService");
      const { data, requestId, correlationId } = await send(
        "deleteHealthcareService",
        { path: { id } },
        callOptions,
        issues,
      );
      return { outcome: data as OperationOutcome, requestId, correlationId };
    },

    async searchEndpoints(params = {}, callOptions) {
      const name = "searchEndpoints";
      const { value, issues } = parse(() => check(name, endpointSearchSchema, params, "params"));
      const query: Query = {};
      if (value?.healthcareServiceId) query["_has:HealthcareService.Id"] = value.healthcareServiceId;
      if (value?.healthcareServiceIdentifier)
        query["_has:HealthcareService.Identifier"] = tokenText(value.healthcareServiceIdentifier);
      if (value?.identifier) query["Endpoint.identifier"] = tokenText(value.identifier);
      const { data, requestId, correlationId } = await send("getEndpoints", { query }, callOptions, issues);
      return {
        endpoints: ofType<Endpoint>(data, "Endpoint"),
        bundle: data as EndpointBundle,
        requestId,
        correlationId,
      };
    },

    async createEndpoint(endpoint, callOptions) {
      const issues = bodyIssues(resourceProblems(endpoint, "Endpoint", false), "endpoint");
      const { data, requestId, correlationId } = await send("createEndpoint", { body: endpoint }, callOptions, issues);
      return { endpoint: data as Endpoint, requestId, correlationId };
    },

    async getEndpoint(id, callOptions) {
      const issues = idIssues(id, "uuid", "getEndpoint");
      const { data, requestId, correlationId } = await send("getEndpoint", { path: { id } }, callOptions, issues);
      return { endpoint: data as Endpoint, requestId, correlationId };
    },

    async replaceEndpoint(id, endpoint, callOptions) {
      const issues = [
        ...idIssues(id, "uuid", "replaceEndpoint"),
        ...bodyIssues(resourceProblems(endpoint, "Endpoint", false), "endpoint"),
      ];
      const { data, response, requestId, correlationId } = await send(
        "replaceEndpoint",
        { path: { id }, body: endpoint },
        callOptions,
        issues,
      );
      return { endpoint: data as Endpoint, created: response.status === 201, requestId, correlationId };
    },

    async deleteEndpoint(id, callOptions) {
      const issues = idIssues(id, "uuid", "deleteEndpoint");
      const { data, requestId, correlationId } = await send("deleteEndpoint", { path: { id } }, callOptions, issues);
      return { outcome: data as OperationOutcome, requestId, correlationId };
    },

    async searchEndpointTemplates(params = {}, callOptions) {
      const name = "searchEndpointTemplates";
      const { value, issues } = parse(() => check(name, endpointTemplateSearchSchema, params, "params"));
      const query: Query = {};
      if (value?.identifier) query["Endpoint.identifier"] = tokenText(value.identifier);
      if (value?.connectionType) query.ConnectionType = tokenText(value.connectionType);
      if (value?.payloadType) query.PayloadType = tokenText(value.payloadType);
      const { data, requestId, correlationId } = await send("getEndpointTemplates", { query }, callOptions, issues);
      return {
        templates: ofType<EndpointTemplate>(data, "Endpoint"),
        bundle: data as EndpointTemplateBundle,
        requestId,
        correlationId,
      };
    },

    async createEndpointTemplate(template, callOptions) {
      const issues = bodyIssues(resourceProblems(template, "Endpoint", false), "template");
      const { data, requestId, correlationId } = await send(
        "createEndpointTemplate",
        { body: template },
        callOptions,
        issues,
      );
      return { template: data as EndpointTemplate, requestId, correlationId };
    },

    async replaceEndpointTemplate(id, template, callOptions) {
      const issues = [
        ...idIssues(id, "uuid", "replaceEndpointTemplate"),
        ...bodyIssues(resourceProblems(template, "Endpoint", false), "template"),
      ];
      const { data, response, requestId, correlationId } = await send(
        "replaceEndpointTemplate",
        { path: { id }, body: template },
        callOptions,
        issues,
      );
      return { template: data as EndpointTemplate, created: response.status === 201, requestId, correlationId };
    },

    async deleteEndpointTemplate(id, callOptions) {
      const issues = idIssues(id, "uuid", "deleteEndpointTemplate");
      const { data, requestId, correlationId } = await send(
        "deleteEndpointTemplate",
        { path: { id } },
        callOptions,
        issues,
      );
      return { outcome: data as OperationOutcome, requestId, correlationId };
    },
  };
}
