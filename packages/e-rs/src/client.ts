import { eRs } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  NhsValidationError,
  type ValidationIssue,
} from "@nhskit/core";
import { type ErsFile, fileFrom } from "./files.js";
import type { paths } from "./generated/openapi.js";
import { ERS_OPERATIONS, type ErsOperationName } from "./operations.js";
import {
  type AccessMode,
  ATTACHMENT_CONTENT_TYPES,
  type AttachmentContentType,
  accessModeSchema,
  type BusinessFunction,
  businessFunctionSchema,
  type CodeSystemType,
  type ConversationInclude,
  check,
  codeSystemTypeSchema,
  conversationIncludeSchema,
  fhirIdSchema,
  MAX_ATTACHMENT_BYTES,
  ON_BEHALF_OF_BUSINESS_FUNCTION,
  odsCodeSchema,
  parametersSchema,
  resourceSchema,
  type SlotSearch,
  slotSearchSchema,
  toIfMatch,
  type UploadInput,
  ubrnSchema,
  uploadSchema,
  userIdSchema,
  versionDigits,
  versionSchema,
} from "./schemas.js";
import type {
  AdviceConversation,
  Appointment,
  CancelAppointmentActionLaterParameters,
  CancelReferralParameters,
  CancelReferralResult,
  ChangeShortlistAndSendForTriageParameters,
  ChangeShortlistAndSendForTriageResult,
  ChangeShortlistParameters,
  CodeSystem,
  CommunicationRequest,
  ConvertAdviceToReferralParameters,
  CreateAdviceAndGuidanceParameters,
  CreateAdviceAndGuidanceResult,
  CreateReferralAndSendForTriageParameters,
  CreateReferralParameters,
  HealthcareService,
  HealthcareServiceBundle,
  MaintainReferralLetterParameters,
  NewAppointment,
  PatientServiceSearchParameters,
  PractitionerBundle,
  PractitionerRoleBundle,
  RecordReviewOutcomeParameters,
  ReferralRequest,
  RejectReferralParameters,
  SendAdviceResponseParameters,
  SendAdviceResponseResult,
  ServiceList,
  ServiceRequestBundle,
  SlotBundle,
  TaskBundle,
  Worklist,
  WorklistParameters,
} from "./types.js";
import { E_RS_VERSION } from "./version.js";

/** The e-RS headers a client sends by default; each call may override them. */
export interface ErsHeaderOptions {
  /** `NHSD-eRS-Business-Function`: the role the user acts in. Required in user-restricted mode. */
  businessFunction?: BusinessFunction;
  /** `NHSD-End-User-Organisation-ODS`: the ODS code of the user's organisation. Required in user-restricted mode. */
  endUserOrganisationOds?: string;
  /**
   * `NHSD-eRS-On-Behalf-Of-User-ID`: the clinician a SERVICE_PROVIDER_CLINICIAN_ADMIN acts for. Required with
   * that business function on the operations that take it, refused with any other.
   */
  onBehalfOfUserId?: string;
}

export interface ErsClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName">, ErsHeaderOptions {
  /**
   * How the application calls e-RS. `"user-restricted"` (default): an NHS CIS2 user is signed in (`userToken`
   * from @nhskit/auth); every operation is open and each call needs a business function and an ODS code.
   * `"application-restricted"`: unattended, with a signed JWT (`signedJwt`); only the operations e-RS offers
   * that way can be called (the others are refused before sending), and the e-RS headers are optional.
   */
  accessMode?: AccessMode;
}

/** Per-call options for every method. */
export interface ErsCallOptions extends ErsHeaderOptions {
  signal?: AbortSignal;
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

/** Per-call options for writes that must quote the version they change (sent as `If-Match`). */
export interface ErsVersionedCallOptions extends ErsCallOptions {
  /** The version from the last read: 5, "5" or `W/"5"`. */
  version: number | string;
}

/** A FHIR answer, with the version from its ETag when it had one. */
export interface ErsResult<T> {
  data: T;
  /** From ETag (`W/"5"` -> 5); quote it in the next versioned write. */
  version: number | undefined;
  etag: string | undefined;
  /** The X-Request-ID nhskit sent (the API may answer with its own). */
  requestId: string;
}

/** A file answer (PDF or attachment). */
export interface ErsFileResult extends ErsFile {
  requestId: string;
}

/** POST /STU3/Binary: where the uploaded file now lives. */
export interface UploadResult {
  /** The new Binary's id, taken from Location (`Binary/{id}`). */
  attachmentId: string | undefined;
  location: string | undefined;
  requestId: string;
}

export interface HealthcareServiceVersion {
  version: number | undefined;
  etag: string | undefined;
  requestId: string;
}

export interface ErsClient {
  /** Every e-RS operation, typed from the OpenAPI document, for anything the methods below do not cover. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  readonly accessMode: AccessMode;

  /** A004 `GET /STU3/CodeSystem/{type}`: reference data (specialties, clinic types, reasons, priorities). */
  getCodeSystem(type: CodeSystemType, options?: ErsCallOptions): Promise<ErsResult<CodeSystem>>;
  /** A005 `GET /STU3/ReferralRequest/{ubrn}`: the current version of a referral. */
  getReferral(ubrn: string, options?: ErsCallOptions): Promise<ErsResult<ReferralRequest>>;
  /** A005 `GET /STU3/ReferralRequest/{ubrn}/_history/{version}`: one version of a referral. */
  getReferralVersion(
    ubrn: string,
    version: number | string,
    options?: ErsCallOptions,
  ): Promise<ErsResult<ReferralRequest>>;
  /** A006 `GET /STU3/Binary/{id}` (deprecated upstream; prefer `downloadAttachment`): an attachment's bytes. */
  downloadAttachmentStu3(attachmentId: string, options?: ErsCallOptions): Promise<ErsFileResult>;
  /** A007 `POST /STU3/ReferralRequest/{ubrn}/$ers.generateCRI`: the referral's clinical information as a PDF. */
  generateClinicalInformationPdf(ubrn: string, options?: ErsCallOptions): Promise<ErsFileResult>;
  /** A008 `POST /STU3/ReferralRequest/$ers.fetchworklist`: a referral worklist. */
  fetchReferralWorklist(parameters: WorklistParameters, options?: ErsCallOptions): Promise<ErsResult<Worklist>>;
  /** A010 `POST /STU3/HealthcareService/$ers.searchHealthcareServicesForPatient`: services to refer a patient to. */
  searchServicesForPatient(
    parameters: PatientServiceSearchParameters,
    options?: ErsCallOptions,
  ): Promise<ErsResult<ServiceList>>;
  /** A011 `POST /STU3/ReferralRequest/$ers.createReferral`: a new referral (201, version 1). */
  createReferral(parameters: CreateReferralParameters, options?: ErsCallOptions): Promise<ErsResult<ReferralRequest>>;
  /** A012 `POST .../{ubrn}/$ers.maintainReferralLetter`: set the referral letter and attachments. */
  maintainReferralLetter(
    ubrn: string,
    parameters: MaintainReferralLetterParameters,
    options: ErsVersionedCallOptions,
  ): Promise<ErsResult<ReferralRequest>>;
  /** A013 `POST .../{ubrn}/$ers.acceptReferral`: the provider accepts the referral. */
  acceptReferral(ubrn: string, options: ErsVersionedCallOptions): Promise<ErsResult<ReferralRequest>>;
  /** A014 `POST .../{ubrn}/$ers.rejectReferral`: the provider rejects (returns) the referral. */
  rejectReferral(
    ubrn: string,
    parameters: RejectReferralParameters,
    options: ErsVersionedCallOptions,
  ): Promise<ErsResult<ReferralRequest>>;
  /** A015 `GET /STU3/Slot`: free appointment slots at a service. */
  searchSlots(search: SlotSearch, options?: ErsCallOptions): Promise<ErsResult<SlotBundle>>;
  /**
   * A015, page after page: yields each page's Bundle from `search.page` on, while the answer has a `next` link
   * (at most `maxPages`, default 100). Each page is a `searchSlots` call, with the same e-RS headers.
   */
  searchSlotPages(search: SlotSearch, options?: ErsCallOptions & { maxPages?: number }): AsyncIterable<SlotBundle>;
  /** A016 `POST /STU3/Appointment`: book an appointment or defer booking to the provider (201, version 1). */
  bookOrDeferAppointment(appointment: NewAppointment, options?: ErsCallOptions): Promise<ErsResult<Appointment>>;
  /** A019 `POST .../{ubrn}/$ers.generatePatientLetter`: the patient's appointment letter as a PDF. */
  generatePatientLetterPdf(ubrn: string, options?: ErsCallOptions): Promise<ErsFileResult>;
  /** A020 `POST /STU3/Binary`: upload a file to attach to a referral later. */
  uploadAttachment(input: UploadInput, options?: ErsCallOptions): Promise<UploadResult>;
  /** A021 `POST /STU3/ReferralRequest/$ers.createReferralAndSendForTriage` (deprecated upstream). */
  createReferralAndSendForTriage(
    parameters: CreateReferralAndSendForTriageParameters,
    options?: ErsCallOptions,
  ): Promise<ErsResult<ReferralRequest>>;
  /** A022 `POST .../{ubrn}/$ers.cancelAppointmentActionLater`: cancel the appointment, rebook later. */
  cancelAppointmentActionLater(
    ubrn: string,
    parameters: CancelAppointmentActionLaterParameters,
    options: ErsVersionedCallOptions,
  ): Promise<ErsResult<ReferralRequest>>;
  /** A023 `POST /STU3/CommunicationRequest/$ers.fetchworklist`: the advice and guidance worklist. */
  fetchAdviceWorklist(parameters: WorklistParameters, options?: ErsCallOptions): Promise<ErsResult<Worklist>>;
  /** A024 `GET /STU3/CommunicationRequest/{ubrn}`: an advice and guidance request. */
  getAdviceRequest(ubrn: string, options?: ErsCallOptions): Promise<ErsResult<CommunicationRequest>>;
  /** A024 `GET /STU3/CommunicationRequest/{ubrn}/_history/{version}`: one version of an A&G request. */
  getAdviceRequestVersion(
    ubrn: string,
    version: number | string,
    options?: ErsCallOptions,
  ): Promise<ErsResult<CommunicationRequest>>;
  /** A025 `GET /STU3/Communication?based-on=...`: the conversation on one version of an A&G request. */
  getAdviceConversation(
    ubrn: string,
    version: number | string,
    options?: ErsCallOptions & { include?: ConversationInclude | readonly ConversationInclude[] },
  ): Promise<ErsResult<AdviceConversation>>;
  /** A026 `POST /STU3/CommunicationRequest/{ubrn}/$ers.sendCommunicationToRequester`: answer an A&G request. */
  sendAdviceResponse(
    ubrn: string,
    parameters: SendAdviceResponseParameters,
    options: ErsVersionedCallOptions,
  ): Promise<ErsResult<SendAdviceResponseResult>>;
  /** A027 `POST /STU3/ReferralRequest/$ers.createFromCommunicationRequestActionLater`: A&G to referral. */
  convertAdviceToReferral(
    parameters: ConvertAdviceToReferralParameters,
    options?: ErsCallOptions,
  ): Promise<ErsResult<ReferralRequest>>;
  /** A028 `POST .../{ubrn}/$ers.recordReviewOutcome`: record the triage (review) outcome. */
  recordReviewOutcome(
    ubrn: string,
    parameters: RecordReviewOutcomeParameters,
    options: ErsVersionedCallOptions,
  ): Promise<ErsResult<ReferralRequest>>;
  /** A029 `GET /STU3/Task?focus=...`: what the user may do next with one version of a referral. */
  getAvailableActions(ubrn: string, version: number | string, options?: ErsCallOptions): Promise<ErsResult<TaskBundle>>;
  /** A030 `GET /R4/PractitionerRole`: the business functions the signed-in user holds (no e-RS headers sent). */
  getBusinessFunctions(
    options?: Omit<ErsCallOptions, keyof ErsHeaderOptions>,
  ): Promise<ErsResult<PractitionerRoleBundle>>;
  /** A031 `POST .../{ubrn}/$ers.changeShortlist`: replace the referral's shortlist. */
  changeShortlist(
    ubrn: string,
    parameters: ChangeShortlistParameters,
    options: ErsVersionedCallOptions,
  ): Promise<ErsResult<ReferralRequest>>;
  /** A032 `POST .../{ubrn}/$ers.changeShortlistAndSendForTriage` (deprecated upstream). */
  changeShortlistAndSendForTriage(
    ubrn: string,
    parameters: ChangeShortlistAndSendForTriageParameters,
    options: ErsVersionedCallOptions,
  ): Promise<ErsResult<ChangeShortlistAndSendForTriageResult>>;
  /** A033 `GET /R4/HealthcareService/{id}`: one service. */
  getHealthcareService(serviceId: string, options?: ErsCallOptions): Promise<ErsResult<HealthcareService>>;
  /** A037 `HEAD /R4/HealthcareService/{id}`: only the service's current version (to see whether a cache is stale). */
  getHealthcareServiceVersion(serviceId: string, options?: ErsCallOptions): Promise<HealthcareServiceVersion>;
  /** A034 `PUT /STU3/Appointment/{id}`: update (cancel) an appointment. */
  updateAppointment(
    appointmentId: string,
    appointment: Appointment,
    options: ErsVersionedCallOptions,
  ): Promise<ErsResult<Appointment>>;
  /** A035 `GET /R4/HealthcareService?_id=...`: several services by id (sent comma-separated). */
  searchHealthcareServices(
    serviceIds: readonly string[],
    options?: ErsCallOptions,
  ): Promise<ErsResult<HealthcareServiceBundle>>;
  /** A036 `POST .../{ubrn}/$ers.cancelReferral`: cancel a referral. */
  cancelReferral(
    ubrn: string,
    parameters: CancelReferralParameters,
    options: ErsVersionedCallOptions,
  ): Promise<ErsResult<CancelReferralResult>>;
  /** A038 `GET /STU3/Appointment/{id}`: an appointment. */
  getAppointment(appointmentId: string, options?: ErsCallOptions): Promise<ErsResult<Appointment>>;
  /** A038 `GET /STU3/Appointment/{id}/_history/{version}`: one version of an appointment. */
  getAppointmentVersion(
    appointmentId: string,
    version: number | string,
    options?: ErsCallOptions,
  ): Promise<ErsResult<Appointment>>;
  /** A040 `GET /R4/Practitioner?_query=onBehalfOf`: the clinicians a SERVICE_PROVIDER_CLINICIAN_ADMIN may act for. */
  getOnBehalfOfUsers(options?: ErsCallOptions): Promise<ErsResult<PractitionerBundle>>;
  /** A041 `GET /R4/ServiceRequest?identifier=...`: the referral and/or A&G request behind a UBRN. */
  searchServiceRequests(
    ubrn: string,
    options?: ErsCallOptions & { system?: string },
  ): Promise<ErsResult<ServiceRequestBundle>>;
  /** A042 `GET /R4/Binary/{id}`: an attachment; the 307 redirect to its storage URL is followed for you. */
  downloadAttachment(attachmentId: string, options?: ErsCallOptions): Promise<ErsFileResult>;
  /** A043 `POST /STU3/CommunicationRequest/{ubrn}/$ers.generateCRI`: an A&G request overview as a PDF. */
  generateAdviceAndGuidancePdf(ubrn: string, options?: ErsCallOptions): Promise<ErsFileResult>;
  /** A044 `POST /STU3/CommunicationRequest/$ers.createAdviceAndGuidance`: a new A&G request. */
  createAdviceAndGuidance(
    parameters: CreateAdviceAndGuidanceParameters,
    options?: ErsCallOptions,
  ): Promise<ErsResult<CreateAdviceAndGuidanceResult>>;
}

function versionOf(etag: string | null | undefined): number | undefined {
  const match = etag ? /^W\/"(\d+)"$/.exec(etag) : null;
  return match ? Number(match[1]) : undefined;
}

function result<T>(data: unknown, response: Response, requestId: string): ErsResult<T> {
  const etag = response.headers.get("etag") ?? undefined;
  return { data: data as T, version: versionOf(etag), etag, requestId };
}

const FHIR_JSON = "application/fhir+json";

/**
 * A client for the e-Referral Service FHIR API (STU3 and R4 under one base URL). Every input is checked before
 * anything is sent, including the e-RS header rules; every failure is one of core's typed errors.
 */
export function createErsClient(options: ErsClientOptions): ErsClient {
  const { accessMode: givenMode, businessFunction, endUserOrganisationOds, onBehalfOfUserId, ...rest } = options;
  const defaults = checkHeaderOptions("createErsClient", {
    businessFunction,
    endUserOrganisationOds,
    onBehalfOfUserId,
  });
  const accessMode = check("createErsClient", accessModeSchema, givenMode ?? "user-restricted", "accessMode");
  if (
    defaults.onBehalfOfUserId &&
    defaults.businessFunction &&
    defaults.businessFunction !== ON_BEHALF_OF_BUSINESS_FUNCTION
  ) {
    throw new NhsValidationError("createErsClient", [
      {
        path: "onBehalfOfUserId",
        message: `is only sent with businessFunction ${ON_BEHALF_OF_BUSINESS_FUNCTION} (not ${defaults.businessFunction})`,
      },
    ]);
  }

  const raw = createApiClient<paths>({ ...rest, api: eRs, clientName: `nhskit-e-rs/${E_RS_VERSION}` });

  /** The e-RS headers for one call, after the access-mode and on-behalf-of rules; throws before sending. */
  function ersHeaders(name: ErsOperationName, call: ErsCallOptions | undefined): Record<string, string> {
    const operation = ERS_OPERATIONS[name];
    const given = checkHeaderOptions(name, {
      businessFunction: call?.businessFunction,
      endUserOrganisationOds: call?.endUserOrganisationOds,
      onBehalfOfUserId: call?.onBehalfOfUserId,
    });
    const issues: ValidationIssue[] = [];
    if (accessMode === "application-restricted" && !operation.applicationRestricted) {
      issues.push({
        path: "accessMode",
        message: `${name} (${operation.code}) is only offered to NHS CIS2 users; create the client with accessMode "user-restricted" and a userToken`,
      });
    }
    if (!operation.ersHeaders) {
      for (const key of ["businessFunction", "endUserOrganisationOds", "onBehalfOfUserId"] as const) {
        if (given[key] !== undefined)
          issues.push({
            path: `options.${key}`,
            message: `is not sent by ${name}: it lists the user's business functions`,
          });
      }
      if (issues.length) throw new NhsValidationError(name, issues);
      return {};
    }
    const bf = given.businessFunction ?? defaults.businessFunction;
    const ods = given.endUserOrganisationOds ?? defaults.endUserOrganisationOds;
    const obo = operation.onBehalfOf ? (given.onBehalfOfUserId ?? defaults.onBehalfOfUserId) : undefined;
    if (accessMode === "user-restricted") {
      if (!bf)
        issues.push({
          path: "businessFunction",
          message: "is required in user-restricted mode: the e-RS role the user acts in (client or call option)",
        });
      if (!ods)
        issues.push({
          path: "endUserOrganisationOds",
          message:
            "is required in user-restricted mode: the ODS code of the user's organisation (client or call option)",
        });
    }
    if (name === "getOnBehalfOfUsers" && bf !== ON_BEHALF_OF_BUSINESS_FUNCTION) {
      issues.push({
        path: "businessFunction",
        message: `must be ${ON_BEHALF_OF_BUSINESS_FUNCTION}: only that role acts on behalf of other users`,
      });
    }
    if (!operation.onBehalfOf && given.onBehalfOfUserId !== undefined) {
      issues.push({ path: "options.onBehalfOfUserId", message: `is not taken by ${name} (${operation.code})` });
    } else if (operation.onBehalfOf) {
      if (bf === ON_BEHALF_OF_BUSINESS_FUNCTION && !obo) {
        issues.push({
          path: "onBehalfOfUserId",
          message: `is required with ${ON_BEHALF_OF_BUSINESS_FUNCTION}: the e-RS user id of the clinician you act for`,
        });
      }
      if (obo && bf !== ON_BEHALF_OF_BUSINESS_FUNCTION) {
        issues.push({
          path: "onBehalfOfUserId",
          message: `is only sent with businessFunction ${ON_BEHALF_OF_BUSINESS_FUNCTION}${bf ? ` (not ${bf})` : ""}`,
        });
      }
    }
    if (issues.length) throw new NhsValidationError(name, issues);
    return {
      ...(bf ? { "NHSD-eRS-Business-Function": bf } : {}),
      ...(ods ? { "NHSD-End-User-Organisation-ODS": ods } : {}),
      ...(obo ? { "NHSD-eRS-On-Behalf-Of-User-ID": obo } : {}),
    };
  }

  /** Headers plus openapi-fetch's init and core's per-call options. */
  function prepare(name: ErsOperationName, call: ErsCallOptions | undefined, extra: Record<string, string> = {}) {
    const header = { ...ersHeaders(name, call), ...extra };
    return {
      header,
      init: {
        ...(call?.signal ? { signal: call.signal } : {}),
        nhs: {
          operation: name,
          ...(call?.requestId ? { requestId: call.requestId } : {}),
          ...(call?.correlationId ? { correlationId: call.correlationId } : {}),
          ...(call?.timeoutMs ? { timeoutMs: call.timeoutMs } : {}),
        },
      },
    };
  }

  const ubrn = (name: string, value: unknown) => check(name, ubrnSchema, value, "ubrn");
  const id = (name: string, value: unknown, where: string) => check(name, fhirIdSchema, value, where);
  const ifMatch = (name: string, call: ErsVersionedCallOptions | undefined) =>
    toIfMatch(check(name, versionSchema, call?.version, "options.version"));
  const pathVersion = (name: string, value: unknown) => versionDigits(check(name, versionSchema, value, "version"));
  const body = <T>(name: string, value: T, resourceType = "Parameters"): T =>
    check(name, resourceType === "Parameters" ? parametersSchema : resourceSchema(resourceType), value, "body") as T;
  const jsonBody = { "Content-Type": FHIR_JSON };
  const accept = { Accept: FHIR_JSON };

  async function pdf(
    name: "generateClinicalInformationPdf" | "generatePatientLetterPdf" | "generateAdviceAndGuidancePdf",
    value: string,
    call: ErsCallOptions | undefined,
  ): Promise<ErsFileResult> {
    const u = ubrn(name, value);
    const { header, init } = prepare(name, call, { Accept: "application/pdf" });
    const path =
      name === "generateClinicalInformationPdf"
        ? ("/STU3/ReferralRequest/{ubrn}/$ers.generateCRI" as const)
        : name === "generatePatientLetterPdf"
          ? ("/STU3/ReferralRequest/{ubrn}/$ers.generatePatientLetter" as const)
          : ("/STU3/CommunicationRequest/{ubrn}/$ers.generateCRI" as const);
    const { data, response, requestId } = await raw.POST(path, {
      params: { path: { ubrn: u }, header: header as never },
      parseAs: "arrayBuffer",
      ...init,
    });
    return { ...fileFrom(response, data), requestId };
  }

  const client: ErsClient = {
    raw,
    baseUrl: raw.baseUrl,
    accessMode,

    async getCodeSystem(type, call) {
      const name = "getCodeSystem";
      const codeSystemType = check(name, codeSystemTypeSchema, type, "type");
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/STU3/CodeSystem/{codeSystemType}", {
        params: { path: { codeSystemType }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async getReferral(value, call) {
      const name = "getReferral";
      const u = ubrn(name, value);
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/STU3/ReferralRequest/{ubrn}", {
        params: { path: { ubrn: u }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async getReferralVersion(value, version, call) {
      const name = "getReferralVersion";
      const u = ubrn(name, value);
      const v = pathVersion(name, version);
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/STU3/ReferralRequest/{ubrn}/_history/{version}", {
        params: { path: { ubrn: u, version: v }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async downloadAttachmentStu3(attachmentId, call) {
      const name = "downloadAttachmentStu3";
      const attachmentLogicalID = id(name, attachmentId, "attachmentId");
      const { header, init } = prepare(name, call);
      const { data, response, requestId } = await raw.GET("/STU3/Binary/{attachmentLogicalID}", {
        params: { path: { attachmentLogicalID }, header: header as never },
        parseAs: "arrayBuffer",
        ...init,
      });
      return { ...fileFrom(response, data), requestId };
    },

    generateClinicalInformationPdf: (value, call) => pdf("generateClinicalInformationPdf", value, call),

    async fetchReferralWorklist(parameters, call) {
      const name = "fetchReferralWorklist";
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody });
      const { data, response, requestId } = await raw.POST("/STU3/ReferralRequest/$ers.fetchworklist", {
        params: { header: header as never },
        body: b,
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },

    async searchServicesForPatient(parameters, call) {
      const name = "searchServicesForPatient";
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody });
      const { data, response, requestId } = await raw.POST(
        "/STU3/HealthcareService/$ers.searchHealthcareServicesForPatient",
        { params: { header: header as never }, body: b, headers: jsonBody, ...init },
      );
      return result(data, response, requestId);
    },

    async createReferral(parameters, call) {
      const name = "createReferral";
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody });
      const { data, response, requestId } = await raw.POST("/STU3/ReferralRequest/$ers.createReferral", {
        params: { header: header as never },
        body: b,
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },

    async maintainReferralLetter(value, parameters, call) {
      const name = "maintainReferralLetter";
      const u = ubrn(name, value);
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody, "If-Match": ifMatch(name, call) });
      const { data, response, requestId } = await raw.POST("/STU3/ReferralRequest/{ubrn}/$ers.maintainReferralLetter", {
        params: { path: { ubrn: u }, header: header as never },
        body: b,
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },

    async acceptReferral(value, call) {
      const name = "acceptReferral";
      const u = ubrn(name, value);
      const { header, init } = prepare(name, call, { ...accept, "If-Match": ifMatch(name, call) });
      const { data, response, requestId } = await raw.POST("/STU3/ReferralRequest/{ubrn}/$ers.acceptReferral", {
        params: { path: { ubrn: u }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async rejectReferral(value, parameters, call) {
      const name = "rejectReferral";
      const u = ubrn(name, value);
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody, "If-Match": ifMatch(name, call) });
      const { data, response, requestId } = await raw.POST("/STU3/ReferralRequest/{ubrn}/$ers.rejectReferral", {
        params: { path: { ubrn: u }, header: header as never },
        body: b,
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },

    async searchSlots(search, call) {
      const name = "searchSlots";
      const s = check(name, slotSearchSchema, search, "search");
      const { header, init } = prepare(name, call, {
        ...accept,
        ...(s.commissioningRuleOrg ? { "NHSD-eRS-Comm-Rule-Org": s.commissioningRuleOrg } : {}),
      });
      const { data, response, requestId } = await raw.GET("/STU3/Slot", {
        params: {
          query: {
            "schedule.actor:HealthcareService": s.serviceId,
            appointmentType: s.priority,
            status: "free",
            _count: s.pageSize,
            page: s.page,
            ...(s.practitionerId ? { "schedule.actor:Practitioner": s.practitionerId } : {}),
            ...(s.include ? { _include: s.include } : {}),
          },
          header: header as never,
        },
        ...init,
      });
      return result(data, response, requestId);
    },

    searchSlotPages(search, call) {
      const name = "searchSlotPages";
      const first = check(name, slotSearchSchema, search, "search");
      const maxPages = call?.maxPages ?? 100;
      if (!Number.isInteger(maxPages) || maxPages < 1) {
        throw new NhsValidationError(name, [{ path: "options.maxPages", message: "must be a whole number from 1" }]);
      }
      const { maxPages: _unused, ...rest } = call ?? {};
      return {
        async *[Symbol.asyncIterator]() {
          for (let n = 0; n < maxPages; n++) {
            const { data } = await client.searchSlots({ ...first, page: first.page + n }, rest);
            yield data;
            if (!data.link?.some((l) => l.relation === "next")) return;
          }
        },
      };
    },

    async bookOrDeferAppointment(appointment, call) {
      const name = "bookOrDeferAppointment";
      const b = body(name, appointment, "Appointment");
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody });
      const { data, response, requestId } = await raw.POST("/STU3/Appointment", {
        params: { header: header as never },
        body: b as Appointment, // the schema's required id does not apply to a new appointment
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },

    generatePatientLetterPdf: (value, call) => pdf("generatePatientLetterPdf", value, call),

    async uploadAttachment(input, call) {
      const name = "uploadAttachment";
      const u = check(name, uploadSchema, input, "input");
      const bytes: Blob | Uint8Array =
        u.file instanceof Blob
          ? u.file
          : u.file instanceof ArrayBuffer
            ? new Uint8Array(u.file)
            : new Uint8Array(u.file.buffer, u.file.byteOffset, u.file.byteLength);
      const size = bytes instanceof Blob ? bytes.size : bytes.byteLength;
      const blobType = bytes instanceof Blob ? bytes.type.split(";")[0]?.trim().toLowerCase() : undefined;
      const contentType = u.contentType ?? blobType;
      const issues: ValidationIssue[] = [];
      if (size === 0) issues.push({ path: "input.file", message: "is empty; e-RS needs the file's bytes" });
      if (size > MAX_ATTACHMENT_BYTES)
        issues.push({
          path: "input.file",
          message: `is ${size} bytes; e-RS takes files of up to 5 MiB (${MAX_ATTACHMENT_BYTES} bytes)`,
        });
      if (!contentType) {
        issues.push({ path: "input.contentType", message: "is required unless file is a Blob with its type set" });
      } else if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(contentType)) {
        issues.push({
          path: "input.contentType",
          message: `${JSON.stringify(contentType)} is not a file type e-RS accepts; use one of ${ATTACHMENT_CONTENT_TYPES.join(", ")}`,
        });
      }
      if (issues.length) throw new NhsValidationError(name, issues);
      const type = contentType as AttachmentContentType;
      const { header, init } = prepare(name, call, {
        "Content-Type": type,
        "NHSD-eRS-File-Name": u.fileName,
        "NHSD-eRS-Referral-Id": u.referralId,
      });
      const { response, requestId } = await raw.POST("/STU3/Binary", {
        params: { header: header as never },
        body: bytes as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { "Content-Type": type },
        ...init,
      });
      const location = response.headers.get("location") ?? undefined;
      const attachmentId = location ? /(?:^|\/)Binary\/([^/?#]+)/.exec(location)?.[1] : undefined;
      return { attachmentId, location, requestId };
    },

    async createReferralAndSendForTriage(parameters, call) {
      const name = "createReferralAndSendForTriage";
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody });
      const { data, response, requestId } = await raw.POST(
        "/STU3/ReferralRequest/$ers.createReferralAndSendForTriage",
        {
          params: { header: header as never },
          body: b,
          headers: jsonBody,
          ...init,
        },
      );
      return result(data, response, requestId);
    },

    async cancelAppointmentActionLater(value, parameters, call) {
      const name = "cancelAppointmentActionLater";
      const u = ubrn(name, value);
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody, "If-Match": ifMatch(name, call) });
      const { data, response, requestId } = await raw.POST(
        "/STU3/ReferralRequest/{ubrn}/$ers.cancelAppointmentActionLater",
        { params: { path: { ubrn: u }, header: header as never }, body: b, headers: jsonBody, ...init },
      );
      return result(data, response, requestId);
    },

    async fetchAdviceWorklist(parameters, call) {
      const name = "fetchAdviceWorklist";
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody });
      const { data, response, requestId } = await raw.POST("/STU3/CommunicationRequest/$ers.fetchworklist", {
        params: { header: header as never },
        body: b,
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },

    async getAdviceRequest(value, call) {
      const name = "getAdviceRequest";
      const u = ubrn(name, value);
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/STU3/CommunicationRequest/{ubrn}", {
        params: { path: { ubrn: u }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async getAdviceRequestVersion(value, version, call) {
      const name = "getAdviceRequestVersion";
      const u = ubrn(name, value);
      const v = pathVersion(name, version);
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/STU3/CommunicationRequest/{ubrn}/_history/{version}", {
        params: { path: { ubrn: u, version: v }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async getAdviceConversation(value, version, call) {
      const name = "getAdviceConversation";
      const u = ubrn(name, value);
      const v = pathVersion(name, version);
      const includes =
        call?.include === undefined
          ? []
          : (Array.isArray(call.include) ? call.include : [call.include]).map((inc, i) =>
              check(name, conversationIncludeSchema, inc, `options.include[${i}]`),
            );
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/STU3/Communication", {
        params: {
          query: {
            "based-on": `CommunicationRequest/${u}/_history/${v}`,
            ...(includes.length ? { _include: (includes.length === 1 ? includes[0] : includes) as never } : {}),
          },
          header: header as never,
        },
        ...init,
      });
      return result(data, response, requestId);
    },

    async sendAdviceResponse(value, parameters, call) {
      const name = "sendAdviceResponse";
      const u = ubrn(name, value);
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody, "If-Match": ifMatch(name, call) });
      const { data, response, requestId } = await raw.POST(
        "/STU3/CommunicationRequest/{ubrn}/$ers.sendCommunicationToRequester",
        { params: { path: { ubrn: u }, header: header as never }, body: b, headers: jsonBody, ...init },
      );
      return result(data, response, requestId);
    },

    async convertAdviceToReferral(parameters, call) {
      const name = "convertAdviceToReferral";
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody });
      const { data, response, requestId } = await raw.POST(
        "/STU3/ReferralRequest/$ers.createFromCommunicationRequestActionLater",
        { params: { header: header as never }, body: b, headers: jsonBody, ...init },
      );
      return result(data, response, requestId);
    },

    async recordReviewOutcome(value, parameters, call) {
      const name = "recordReviewOutcome";
      const u = ubrn(name, value);
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody, "If-Match": ifMatch(name, call) });
      const { data, response, requestId } = await raw.POST("/STU3/ReferralRequest/{ubrn}/$ers.recordReviewOutcome", {
        params: { path: { ubrn: u }, header: header as never },
        body: b,
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },

    async getAvailableActions(value, version, call) {
      const name = "getAvailableActions";
      const u = ubrn(name, value);
      const v = pathVersion(name, version);
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/STU3/Task", {
        params: {
          query: { focus: `ReferralRequest/${u}/_history/${v}`, intent: "proposal", status: "ready" },
          header: header as never,
        },
        ...init,
      });
      return result(data, response, requestId);
    },

    async getBusinessFunctions(call) {
      const name = "getBusinessFunctions";
      const { header, init } = prepare(name, call as ErsCallOptions | undefined, accept);
      const { data, response, requestId } = await raw.GET("/R4/PractitionerRole", {
        params: { header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async changeShortlist(value, parameters, call) {
      const name = "changeShortlist";
      const u = ubrn(name, value);
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody, "If-Match": ifMatch(name, call) });
      const { data, response, requestId } = await raw.POST("/STU3/ReferralRequest/{ubrn}/$ers.changeShortlist", {
        params: { path: { ubrn: u }, header: header as never },
        body: b,
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },

    async changeShortlistAndSendForTriage(value, parameters, call) {
      const name = "changeShortlistAndSendForTriage";
      const u = ubrn(name, value);
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody, "If-Match": ifMatch(name, call) });
      const { data, response, requestId } = await raw.POST(
        "/STU3/ReferralRequest/{ubrn}/$ers.changeShortlistAndSendForTriage",
        { params: { path: { ubrn: u }, header: header as never }, body: b, headers: jsonBody, ...init },
      );
      return result(data, response, requestId);
    },

    async getHealthcareService(serviceId, call) {
      const name = "getHealthcareService";
      const i = id(name, serviceId, "serviceId");
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/R4/HealthcareService/{id}", {
        params: { path: { id: i }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async getHealthcareServiceVersion(serviceId, call) {
      const name = "getHealthcareServiceVersion";
      const i = id(name, serviceId, "serviceId");
      const { header, init } = prepare(name, call, accept);
      const { response, requestId } = await raw.HEAD("/R4/HealthcareService/{id}", {
        params: { path: { id: i }, header: header as never },
        ...init,
      });
      const etag = response.headers.get("etag") ?? undefined;
      return { version: versionOf(etag), etag, requestId };
    },

    async updateAppointment(appointmentId, appointment, call) {
      const name = "updateAppointment";
      const i = id(name, appointmentId, "appointmentId");
      const b = body(name, appointment, "Appointment");
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody, "If-Match": ifMatch(name, call) });
      const { data, response, requestId } = await raw.PUT("/STU3/Appointment/{id}", {
        params: { path: { id: i }, header: header as never },
        body: b,
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },

    async searchHealthcareServices(serviceIds, call) {
      const name = "searchHealthcareServices";
      if (!Array.isArray(serviceIds) || serviceIds.length === 0) {
        throw new NhsValidationError(name, [
          { path: "serviceIds", message: "must be a list of at least one service id" },
        ]);
      }
      const ids = serviceIds.map((s, i) => id(name, s, `serviceIds[${i}]`));
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/R4/HealthcareService", {
        // One comma-separated value: FHIR's "any of", and the only form the hosted sandbox matches.
        params: { query: { _id: ids.join(",") }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async cancelReferral(value, parameters, call) {
      const name = "cancelReferral";
      const u = ubrn(name, value);
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody, "If-Match": ifMatch(name, call) });
      const { data, response, requestId } = await raw.POST("/STU3/ReferralRequest/{ubrn}/$ers.cancelReferral", {
        params: { path: { ubrn: u }, header: header as never },
        body: b,
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },

    async getAppointment(appointmentId, call) {
      const name = "getAppointment";
      const i = id(name, appointmentId, "appointmentId");
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/STU3/Appointment/{id}", {
        params: { path: { id: i }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async getAppointmentVersion(appointmentId, version, call) {
      const name = "getAppointmentVersion";
      const i = id(name, appointmentId, "appointmentId");
      const v = pathVersion(name, version);
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/STU3/Appointment/{id}/_history/{version}", {
        params: { path: { id: i, version: v }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async getOnBehalfOfUsers(call) {
      const name = "getOnBehalfOfUsers";
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/R4/Practitioner", {
        params: { query: { _query: "onBehalfOf" }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async searchServiceRequests(value, call) {
      const name = "searchServiceRequests";
      const u = ubrn(name, value);
      const system = call?.system;
      if (system !== undefined && (typeof system !== "string" || !/^\S+$/.test(system) || system.includes("|"))) {
        throw new NhsValidationError(name, [
          { path: "options.system", message: "must be the UBRN identifier system URI (no spaces or |)" },
        ]);
      }
      const { header, init } = prepare(name, call, accept);
      const { data, response, requestId } = await raw.GET("/R4/ServiceRequest", {
        params: { query: { identifier: system ? `${system}|${u}` : u }, header: header as never },
        ...init,
      });
      return result(data, response, requestId);
    },

    async downloadAttachment(attachmentId, call) {
      const name = "downloadAttachment";
      const i = id(name, attachmentId, "attachmentId");
      const { header, init } = prepare(name, call);
      // e-RS answers 307 with a short-lived storage URL; fetch follows it (and, per the fetch standard, drops
      // Authorization when the URL is on another origin).
      const { data, response, requestId } = await raw.GET("/R4/Binary/{id}", {
        params: { path: { id: i }, header: header as never },
        parseAs: "arrayBuffer",
        ...init,
      });
      return { ...fileFrom(response, data), requestId };
    },

    generateAdviceAndGuidancePdf: (value, call) => pdf("generateAdviceAndGuidancePdf", value, call),

    async createAdviceAndGuidance(parameters, call) {
      const name = "createAdviceAndGuidance";
      const b = body(name, parameters);
      const { header, init } = prepare(name, call, { ...accept, ...jsonBody });
      const { data, response, requestId } = await raw.POST("/STU3/CommunicationRequest/$ers.createAdviceAndGuidance", {
        params: { header: header as never },
        body: b,
        headers: jsonBody,
        ...init,
      });
      return result(data, response, requestId);
    },
  };
  return client;
}

/** Checks the e-RS header options that were given (absent ones stay absent). */
function checkHeaderOptions(operation: string, given: ErsHeaderOptions): ErsHeaderOptions {
  const issues: ValidationIssue[] = [];
  const out: ErsHeaderOptions = {};
  const problems = (
    key: keyof ErsHeaderOptions,
    parsed: { success: boolean; error?: { issues: Array<{ message: string }> } },
  ) => {
    for (const issue of parsed.error?.issues ?? []) issues.push({ path: key, message: issue.message });
  };
  if (given.businessFunction !== undefined) {
    const parsed = businessFunctionSchema.safeParse(given.businessFunction);
    if (parsed.success) out.businessFunction = parsed.data;
    else problems("businessFunction", parsed);
  }
  if (given.endUserOrganisationOds !== undefined) {
    const parsed = odsCodeSchema.safeParse(given.endUserOrganisationOds);
    if (parsed.success) out.endUserOrganisationOds = parsed.data;
    else problems("endUserOrganisationOds", parsed);
  }
  if (given.onBehalfOfUserId !== undefined) {
    const parsed = userIdSchema.safeParse(given.onBehalfOfUserId);
    if (parsed.success) out.onBehalfOfUserId = parsed.data;
    else problems("onBehalfOfUserId", parsed);
  }
  if (issues.length) throw new NhsValidationError(operation, issues);
  return out;
}
