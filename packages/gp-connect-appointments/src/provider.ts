import { gpConnectAppointments, normalizeBaseUrl } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  NhsValidationError,
  type ValidationIssue,
} from "@nhskit/core";
import type { paths } from "./generated/provider.js";
import { PROVIDER_OPERATIONS, type ProviderOperationName } from "./interactions.js";
import { auditClaims, type GpConnectAuditIdentity, unsignedJwt } from "./jwt.js";
import { loadSchemas } from "./lazy-schemas.js";
import {
  type AppointmentWindow,
  asidProblem,
  auditIdentityProblems,
  checkNhsNumber,
  type FreeSlotSearch,
  NHS_NUMBER_SYSTEM,
  ODS_CODE_SYSTEM,
  SDS_USER_ID_SYSTEM,
  slotQuery,
  windowQuery,
} from "./rules.js";
import {
  type AppointmentsResult,
  appointmentProblems,
  appointmentsResult,
  callInit,
  cancelled,
  checkRequestId,
  type FreeSlotsResult,
  freeSlotsResult,
  type GpConnectCallOptions,
  resourcesOf,
} from "./shared.js";
import type {
  Appointment,
  AppointmentBundle,
  CapabilityStatement,
  Location,
  Organization,
  OrganizationBundle,
  Patient,
  PatientBundle,
  Practitioner,
  PractitionerBundle,
  SlotBundle,
} from "./types.js";
import { GP_CONNECT_APPOINTMENTS_VERSION } from "./version.js";

const FHIR_JSON = { "Content-Type": "application/fhir+json", Accept: "application/fhir+json" };
const ACCEPT = { Accept: "application/fhir+json" };

export interface GpConnectProviderClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /**
   * The practice's FHIR base URL, as SDS lists it for the practice's ODS code (an Endpoint `address`). Required
   * unless `environment: "local"` (nhskit's sandbox).
   */
  baseUrl?: string | URL;
  /**
   * The Spine Secure Proxy's URL. When given, calls go to `<sspUrl>/<baseUrl>/...`, as the SSP expects; without
   * it they go straight to `baseUrl` (nhskit's sandbox, or a provider you reach directly in testing).
   */
  sspUrl?: string | URL;
  /** `Ssp-From`: your system's ASID (12 digits). */
  fromAsid: string;
  /** `Ssp-To`: the practice system's ASID from SDS (12 digits). */
  toAsid: string;
  /** Who is asking: becomes the audit claims of the JWT sent with every call. */
  audit: GpConnectAuditIdentity;
  /** `aud` of the JWT. Default: `baseUrl` (the provider's FHIR base, without the SSP prefix). */
  audience?: string;
  /** Clock for the JWT's `iat`/`exp`, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** The headers a provider call carries; build them for `raw` calls with `headersFor`. */
export interface SspHeaders {
  "Ssp-TraceID": string;
  "Ssp-From": string;
  "Ssp-To": string;
  "Ssp-InteractionID": string;
  Authorization: string;
  [name: string]: string;
}

type Read<K extends string, R> = { [P in K]: R } & { requestId: string };

export interface GpConnectProviderClient {
  /** Every provider operation, typed from the converted Swagger document (headers are yours to add: `headersFor`). */
  readonly raw: ApiClient<paths>;
  /** Where calls go: `<sspUrl>/<baseUrl>` or `baseUrl`. */
  readonly baseUrl: string;
  /** The provider's own FHIR base (the JWT's default audience). */
  readonly providerBaseUrl: string;
  /** The SSP headers and JWT for one call of `operation` (a fresh Ssp-TraceID unless given). */
  headersFor(operation: ProviderOperationName, traceId?: string): SspHeaders;

  /** `GET /metadata`: the provider's CapabilityStatement. */
  getCapabilityStatement(options?: GpConnectCallOptions): Promise<Read<"capabilityStatement", CapabilityStatement>>;
  /** `GET /Patient?identifier=<nhs-number>`: the patient registered at the practice, if any. */
  findPatient(
    nhsNumber: string,
    options?: GpConnectCallOptions,
  ): Promise<{ patient: Patient | undefined; bundle: PatientBundle; requestId: string }>;
  /** `GET /Patient/{id}`. */
  readPatient(id: string, options?: GpConnectCallOptions): Promise<Read<"patient", Patient>>;
  /** `GET /Practitioner?identifier=<sds-user-id>`. */
  findPractitioner(
    sdsUserId: string,
    options?: GpConnectCallOptions,
  ): Promise<{ practitioners: Practitioner[]; bundle: PractitionerBundle; requestId: string }>;
  /** `GET /Practitioner/{id}`. */
  readPractitioner(id: string, options?: GpConnectCallOptions): Promise<Read<"practitioner", Practitioner>>;
  /** `GET /Organization?identifier=<ods-code>`. */
  findOrganization(
    odsCode: string,
    options?: GpConnectCallOptions,
  ): Promise<{ organizations: Organization[]; bundle: OrganizationBundle; requestId: string }>;
  /** `GET /Organization/{id}`. */
  readOrganization(id: string, options?: GpConnectCallOptions): Promise<Read<"organization", Organization>>;
  /** `GET /Location/{id}`. */
  readLocation(id: string, options?: GpConnectCallOptions): Promise<Read<"location", Location>>;
  /** `POST /Patient/$gpc.registerpatient`: register a temporary patient so they can be booked. */
  registerPatient(
    patient: Patient,
    options?: GpConnectCallOptions,
  ): Promise<{ patient: Patient | undefined; bundle: PatientBundle; requestId: string }>;
  /** `GET /Patient/{id}/Appointment?start=ge..&start=le..`: the patient's appointments in a window. */
  getPatientAppointments(
    patientId: string,
    window: AppointmentWindow,
    options?: GpConnectCallOptions,
  ): Promise<AppointmentsResult>;
  /** `GET /Slot`: free slots, at most 14 days at a time. */
  searchFreeSlots(search: FreeSlotSearch, options?: GpConnectCallOptions): Promise<FreeSlotsResult>;
  /** `POST /Appointment`: book (201). */
  bookAppointment(appointment: Appointment, options?: GpConnectCallOptions): Promise<Read<"appointment", Appointment>>;
  /** `GET /Appointment/{id}`. */
  readAppointment(id: string, options?: GpConnectCallOptions): Promise<Read<"appointment", Appointment>>;
  /** `PUT /Appointment/{id}` as the amend interaction (description, comment...); not for cancelling. */
  amendAppointment(appointment: Appointment, options?: GpConnectCallOptions): Promise<Read<"appointment", Appointment>>;
  /** `PUT /Appointment/{id}` as the cancel interaction: status `cancelled` with the reason. */
  cancelAppointment(
    appointment: Appointment,
    reason: string,
    options?: GpConnectCallOptions,
  ): Promise<Read<"appointment", Appointment>>;
}

/**
 * A client for the GP Connect Appointment Management provider API (system to system, through the Spine Secure
 * Proxy). Every call carries the Ssp-* headers for its interaction and an unsigned JWT with your audit identity.
 * Mutual TLS with the SSP is set up outside nhskit (pass a `fetch` whose agent presents your certificate).
 */
export function createGpConnectProviderClient(options: GpConnectProviderClientOptions): GpConnectProviderClient {
  const operation = "createGpConnectProviderClient";
  const { sspUrl, fromAsid, toAsid, audit, audience, now, baseUrl, ...rest } = options ?? ({} as never);
  if (baseUrl === undefined && rest.environment !== "local") {
    throw new NhsValidationError(operation, [
      {
        path: "baseUrl",
        message:
          "is required: the provider API has no fixed address; use the practice's FHIR endpoint from SDS (or environment: \"local\" for nhskit's sandbox)",
      },
    ]);
  }
  const issues: ValidationIssue[] = [];
  for (const [where, value] of [
    ["fromAsid", fromAsid],
    ["toAsid", toAsid],
  ] as const) {
    const problem = asidProblem(value);
    if (problem) issues.push({ path: where, message: problem });
  }
  issues.push(...auditIdentityProblems(audit));
  if (issues.length) throw new NhsValidationError(operation, issues);
  const identity: GpConnectAuditIdentity = audit;

  const providerBaseUrl = baseUrl === undefined ? undefined : normalizeBaseUrl(baseUrl);
  const target =
    sspUrl === undefined || providerBaseUrl === undefined
      ? providerBaseUrl
      : `${normalizeBaseUrl(sspUrl)}/${providerBaseUrl}`;
  const raw = createApiClient<paths>({
    ...rest,
    ...(target ? { baseUrl: target } : {}),
    api: gpConnectAppointments,
    document: "provider",
    clientName: `nhskit-gp-connect-appointments/${GP_CONNECT_APPOINTMENTS_VERSION}`,
  });
  const ownBase = providerBaseUrl ?? raw.baseUrl;
  const aud = audience ?? ownBase;
  const clock = now ?? Date.now;

  function headersFor(name: ProviderOperationName, traceId?: string): SspHeaders {
    const op = PROVIDER_OPERATIONS[name];
    if (!op) throw new NhsValidationError("headersFor", [{ path: "operation", message: `unknown operation ${name}` }]);
    const claims = auditClaims(identity, aud, op.scope, Math.floor(clock() / 1000));
    return {
      "Ssp-TraceID": traceId ?? crypto.randomUUID(),
      "Ssp-From": fromAsid,
      "Ssp-To": toAsid,
      "Ssp-InteractionID": op.interactionId,
      Authorization: `Bearer ${unsignedJwt(claims)}`,
    };
  }

  /** Headers and call options for one call; the trace id doubles as X-Request-ID. */
  function prepare(name: ProviderOperationName, callOptions: GpConnectCallOptions | undefined) {
    checkRequestId(name, callOptions, "Ssp-TraceID");
    const header = headersFor(name, callOptions?.requestId);
    return { header, init: callInit(callOptions, name, header["Ssp-TraceID"]) };
  }

  async function getCapabilityStatement(callOptions?: GpConnectCallOptions) {
    const { header, init } = prepare("getCapabilityStatement", callOptions);
    const { data, requestId } = await raw.GET("/metadata", { params: { header }, headers: ACCEPT, ...init });
    return { capabilityStatement: data as unknown as CapabilityStatement, requestId };
  }

  async function findPatient(nhsNumber: string, callOptions?: GpConnectCallOptions) {
    const value = checkNhsNumber("findPatient", nhsNumber);
    const { header, init } = prepare("findPatient", callOptions);
    const { data, requestId } = await raw.GET("/Patient", {
      params: { header, query: { identifier: `${NHS_NUMBER_SYSTEM}|${value}` } },
      headers: ACCEPT,
      ...init,
    });
    const bundle = data as unknown as PatientBundle;
    return { patient: resourcesOf(bundle, "Patient")[0], bundle, requestId };
  }

  async function readPatient(id: string, callOptions?: GpConnectCallOptions) {
    const { check, idSchema } = await loadSchemas();
    const checked = check("readPatient", idSchema, id, "id");
    const { header, init } = prepare("readPatient", callOptions);
    const { data, requestId } = await raw.GET("/Patient/{id}", {
      params: { header, path: { id: checked } },
      headers: ACCEPT,
      ...init,
    });
    return { patient: data as unknown as Patient, requestId };
  }

  async function findPractitioner(sdsUserId: string, callOptions?: GpConnectCallOptions) {
    const { check, sdsUserIdSchema } = await loadSchemas();
    const value = check("findPractitioner", sdsUserIdSchema, sdsUserId, "sdsUserId");
    const { header, init } = prepare("findPractitioner", callOptions);
    const { data, requestId } = await raw.GET("/Practitioner", {
      params: { header, query: { identifier: `${SDS_USER_ID_SYSTEM}|${value}` } },
      headers: ACCEPT,
      ...init,
    });
    const bundle = data as unknown as PractitionerBundle;
    return { practitioners: resourcesOf(bundle, "Practitioner"), bundle, requestId };
  }

  async function readPractitioner(id: string, callOptions?: GpConnectCallOptions) {
    const { check, idSchema } = await loadSchemas();
    const checked = check("readPractitioner", idSchema, id, "id");
    const { header, init } = prepare("readPractitioner", callOptions);
    const { data, requestId } = await raw.GET("/Practitioner/{id}", {
      params: { header, path: { id: checked } },
      headers: ACCEPT,
      ...init,
    });
    return { practitioner: data as unknown as Practitioner, requestId };
  }

  async function findOrganization(odsCode: string, callOptions?: GpConnectCallOptions) {
    const { check, odsCodeSchema } = await loadSchemas();
    const value = check("findOrganization", odsCodeSchema, odsCode, "odsCode");
    const { header, init } = prepare("findOrganization", callOptions);
    const { data, requestId } = await raw.GET("/Organization", {
      params: { header, query: { identifier: `${ODS_CODE_SYSTEM}|${value}` } },
      headers: ACCEPT,
      ...init,
    });
    const bundle = data as unknown as OrganizationBundle;
    return { organizations: resourcesOf(bundle, "Organization"), bundle, requestId };
  }

  async function readOrganization(id: string, callOptions?: GpConnectCallOptions) {
    const { check, idSchema } = await loadSchemas();
    const checked = check("readOrganization", idSchema, id, "id");
    const { header, init } = prepare("readOrganization", callOptions);
    const { data, requestId } = await raw.GET("/Organization/{id}", {
      params: { header, path: { id: checked } },
      headers: ACCEPT,
      ...init,
    });
    return { organization: data as unknown as Organization, requestId };
  }

  async function readLocation(id: string, callOptions?: GpConnectCallOptions) {
    const { check, idSchema } = await loadSchemas();
    const checked = check("readLocation", idSchema, id, "id");
    const { header, init } = prepare("readLocation", callOptions);
    const { data, requestId } = await raw.GET("/Location/{id}", {
      params: { header, path: { id: checked } },
      headers: ACCEPT,
      ...init,
    });
    return { location: data as unknown as Location, requestId };
  }

  async function registerPatient(patient: Patient, callOptions?: GpConnectCallOptions) {
    const problems: ValidationIssue[] = [];
    if (!patient || typeof patient !== "object" || patient.resourceType !== "Patient") {
      problems.push({ path: "patient", message: 'must be a Patient resource (resourceType "Patient")' });
    } else {
      const nhs = patient.identifier?.find((i) => i.system === NHS_NUMBER_SYSTEM)?.value;
      if (nhs === undefined) {
        problems.push({
          path: "patient.identifier",
          message: `must include the NHS number (system ${NHS_NUMBER_SYSTEM})`,
        });
      } else {
        checkNhsNumber("registerPatient", nhs, "patient.identifier[nhs-number].value");
      }
      if (!patient.name?.some((n) => n.family))
        problems.push({ path: "patient.name", message: "must include a family name" });
      if (!patient.gender) problems.push({ path: "patient.gender", message: "is required" });
      if (!patient.birthDate) problems.push({ path: "patient.birthDate", message: "is required (YYYY-MM-DD)" });
    }
    if (problems.length) throw new NhsValidationError("registerPatient", problems);
    const { header, init } = prepare("registerPatient", callOptions);
    const { data, requestId } = await raw.POST("/Patient/$gpc.registerpatient", {
      params: { header },
      body: { resourceType: "Parameters", parameter: [{ name: "registerPatient", resource: patient }] } as never,
      headers: FHIR_JSON,
      ...init,
    });
    const bundle = data as unknown as PatientBundle;
    return { patient: resourcesOf(bundle, "Patient")[0], bundle, requestId };
  }

  async function getPatientAppointments(
    patientId: string,
    window: AppointmentWindow,
    callOptions?: GpConnectCallOptions,
  ) {
    const { check, idSchema, providerAppointmentSearchSchema } = await loadSchemas();
    const id = check("getPatientAppointments", idSchema, patientId, "patientId");
    const checked = check("getPatientAppointments", providerAppointmentSearchSchema, window, "window");
    const { header, init } = prepare("getPatientAppointments", callOptions);
    const { data, requestId } = await raw.GET("/Patient/{id}/Appointment", {
      params: { header, path: { id }, query: { start: windowQuery(checked) } },
      headers: ACCEPT,
      ...init,
    });
    return appointmentsResult(data as unknown as AppointmentBundle, requestId);
  }

  async function searchFreeSlots(search: FreeSlotSearch, callOptions?: GpConnectCallOptions) {
    const { check, slotSearchSchema } = await loadSchemas();
    const checked = check("searchFreeSlots", slotSearchSchema, search, "search");
    const { header, init } = prepare("searchFreeSlots", callOptions);
    // The Swagger lists sample searchFilter values as an enum; any ODS code or organisation type is valid.
    const query = slotQuery(checked) as Omit<ReturnType<typeof slotQuery>, "searchFilter"> & { searchFilter?: never };
    const { data, requestId } = await raw.GET("/Slot", { params: { header, query }, headers: ACCEPT, ...init });
    return freeSlotsResult(data as unknown as SlotBundle, requestId);
  }

  async function bookAppointment(appointment: Appointment, callOptions?: GpConnectCallOptions) {
    const problems = appointmentProblems(appointment, "appointment", {});
    if (problems.length) throw new NhsValidationError("bookAppointment", problems);
    const { header, init } = prepare("bookAppointment", callOptions);
    const { data, requestId } = await raw.POST("/Appointment", {
      params: { header },
      body: appointment as never,
      headers: FHIR_JSON,
      ...init,
    });
    return { appointment: data as unknown as Appointment, requestId };
  }

  async function readAppointment(id: string, callOptions?: GpConnectCallOptions) {
    const { check, idSchema } = await loadSchemas();
    const checked = check("readAppointment", idSchema, id, "id");
    const { header, init } = prepare("readAppointment", callOptions);
    const { data, requestId } = await raw.GET("/Appointment/{id}", {
      params: { header, path: { id: checked } },
      headers: ACCEPT,
      ...init,
    });
    return { appointment: data as unknown as Appointment, requestId };
  }

  async function putAppointment(
    name: "amendAppointment" | "cancelAppointment",
    appointment: Appointment,
    callOptions: GpConnectCallOptions | undefined,
  ) {
    const { header, init } = prepare(name, callOptions);
    const { data, requestId } = await raw.PUT("/Appointment/{id}", {
      params: {
        header: header as SspHeaders & {
          "Ssp-InteractionID": (typeof PROVIDER_OPERATIONS)[typeof name]["interactionId"];
        },
        path: { id: appointment.id as string },
      },
      body: appointment as never,
      headers: FHIR_JSON,
      ...init,
    });
    return { appointment: data as unknown as Appointment, requestId };
  }

  async function amendAppointment(appointment: Appointment, callOptions?: GpConnectCallOptions) {
    const problems = appointmentProblems(appointment, "appointment", { id: true });
    if (appointment?.status === "cancelled") {
      problems.push({ path: "appointment.status", message: "is cancelled: use cancelAppointment to cancel" });
    }
    if (problems.length) throw new NhsValidationError("amendAppointment", problems);
    return putAppointment("amendAppointment", appointment, callOptions);
  }

  async function cancelAppointment(appointment: Appointment, reason: string, callOptions?: GpConnectCallOptions) {
    const problems = appointmentProblems(appointment, "appointment", { id: true });
    if (typeof reason !== "string" || reason.trim() === "") {
      problems.push({ path: "reason", message: "must say why the appointment is cancelled (GP Connect requires it)" });
    }
    if (problems.length) throw new NhsValidationError("cancelAppointment", problems);
    return putAppointment("cancelAppointment", cancelled(appointment, reason), callOptions);
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    providerBaseUrl: ownBase,
    headersFor,
    getCapabilityStatement,
    findPatient,
    readPatient,
    findPractitioner,
    readPractitioner,
    findOrganization,
    readOrganization,
    readLocation,
    registerPatient,
    getPatientAppointments,
    searchFreeSlots,
    bookAppointment,
    readAppointment,
    amendAppointment,
    cancelAppointment,
  };
}
