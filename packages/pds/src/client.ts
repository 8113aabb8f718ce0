import { pds } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  NhsResponseError,
  NhsValidationError,
  type ValidationIssue,
} from "@nhskit/core";
import { checkNhsNumber, toIfMatch } from "./checks.js";
import type { paths } from "./generated/openapi.js";
import { loadSchemas } from "./lazy-schemas.js";
import type { PatientPatch, PatientSearchParams } from "./schemas.js";
import type {
  Coverage,
  CoverageSearch,
  OperationOutcome,
  Patient,
  PatientCreateRequest,
  PatientSearchBundle,
  RelatedPerson,
  RelatedPersonBundle,
} from "./types.js";
import { PDS_VERSION } from "./version.js";

export interface PdsClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /**
   * `NHSD-Session-URID`: the healthcare worker's role id (digits) in CIS2 mode. PDS ignores it in other
   * modes.
   */
  sessionUrid?: string;
  /** `NHSD-End-User-Organisation-ODS`: needed when one application serves several organisations. */
  endUserOrganisationOds?: string;
  /**
   * Check Patient and search Bundle bodies against zod schemas before returning them (off by default: the
   * types already describe them, and validation costs time). A mismatch throws `NhsResponseError`.
   */
  validateResponses?: boolean;
}

/** Per-call options for the helpers. */
export interface PdsCallOptions {
  signal?: AbortSignal;
  /** Reuse an X-Request-ID to repeat a write safely (PDS de-duplicates by it). */
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

export interface PatientRead {
  patient: Patient;
  /** The version from ETag (`W/"2"` -> 2); pass it to `updatePatient`. */
  version: number;
  etag: string;
  requestId: string;
}

/** What a search found. PDS reports "too many matches" as a 200 OperationOutcome, not an error. */
export type PatientSearchResult =
  | {
      kind: "matches";
      patients: Array<{ patient: Patient; score: number | undefined }>;
      total: number;
      bundle: PatientSearchBundle;
      requestId: string;
    }
  | { kind: "no-match"; bundle: PatientSearchBundle; requestId: string }
  | { kind: "too-many-matches"; operationOutcome: OperationOutcome; requestId: string }
  /** Any other 200 OperationOutcome (the sandbox answers one for searches it has no example for). */
  | { kind: "outcome"; operationOutcome: OperationOutcome; requestId: string };

/** POST /Patient: a new record, or the sign that one probably exists already. */
export type CreatePatientResult =
  | { kind: "created"; patient: Patient; nhsNumber: string; requestId: string }
  | { kind: "single-match" | "multiple-matches" | "outcome"; operationOutcome: OperationOutcome; requestId: string };

export interface PdsClient {
  /** Every PDS operation, typed from the OpenAPI document, for anything the helpers do not cover. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  getPatient(nhsNumber: string, options?: PdsCallOptions): Promise<PatientRead>;
  searchPatients(params: PatientSearchParams, options?: PdsCallOptions): Promise<PatientSearchResult>;
  updatePatient(
    nhsNumber: string,
    patches: readonly PatientPatch[],
    options: PdsCallOptions & { version: number | string },
  ): Promise<PatientRead>;
  createPatient(patient: PatientCreateRequest, options?: PdsCallOptions): Promise<CreatePatientResult>;
  getRelatedPeople(
    nhsNumber: string,
    options?: PdsCallOptions,
  ): Promise<{ relatedPeople: RelatedPerson[]; bundle: RelatedPersonBundle; requestId: string }>;
  getCoverage(
    nhsNumber: string,
    options?: PdsCallOptions,
  ): Promise<{ coverage: Coverage[]; bundle: CoverageSearch; version: number | undefined; requestId: string }>;
  updateCoverage(
    coverage: Coverage,
    options: PdsCallOptions & { version: number | string },
  ): Promise<{ bundle: CoverageSearch; version: number | undefined; requestId: string }>;
}

function versionOf(etag: string | null): number | undefined {
  const match = etag ? /^W\/"(\d+)"$/.exec(etag) : null;
  return match ? Number(match[1]) : undefined;
}

function call(options: PdsCallOptions | undefined, operation: string) {
  return {
    ...(options?.signal ? { signal: options.signal } : {}),
    nhs: {
      operation,
      ...(options?.requestId ? { requestId: options.requestId } : {}),
      ...(options?.correlationId ? { correlationId: options.correlationId } : {}),
      ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    },
  };
}

function isOutcome(body: unknown): body is OperationOutcome {
  return (body as { resourceType?: unknown } | null)?.resourceType === "OperationOutcome";
}

function spineCodes(outcome: OperationOutcome): string[] {
  return (outcome.issue ?? [])
    .flatMap((i) => (i.details?.coding ?? []).map((c) => c.code ?? ""))
    .concat((outcome.issue ?? []).map((i) => i.code ?? ""));
}

/**
 * A client for the PDS FHIR API. Every input is checked before anything is sent; every failure is an
 * `NhsApiError` (or another `NhsError`) from `@nhskit/core`.
 */
export function createPdsClient(options: PdsClientOptions): PdsClient {
  const { sessionUrid, endUserOrganisationOds, validateResponses, ...rest } = options;
  const issues: ValidationIssue[] = [];
  if (sessionUrid !== undefined && !/^\d+$/.test(sessionUrid))
    issues.push({ path: "sessionUrid", message: "must be the role id's digits" });
  if (endUserOrganisationOds !== undefined && !/^[A-Za-z0-9]{3,12}$/.test(endUserOrganisationOds)) {
    issues.push({ path: "endUserOrganisationOds", message: "must be an ODS code such as Y12345" });
  }
  if (issues.length) throw new NhsValidationError("createPdsClient", issues);

  const raw = createApiClient<paths>({
    ...rest,
    api: pds,
    clientName: `nhskit-pds/${PDS_VERSION}`,
    headers: {
      ...rest.headers,
      ...(sessionUrid ? { "NHSD-Session-URID": sessionUrid } : {}),
      ...(endUserOrganisationOds ? { "NHSD-End-User-Organisation-ODS": endUserOrganisationOds } : {}),
    },
  });

  /** With `validateResponses`, checks a body against its schema; throws NhsResponseError on a mismatch. */
  async function validated<T>(
    operation: string,
    kind: "patient" | "bundle",
    body: T,
    requestId: string,
    status: number,
  ): Promise<T> {
    if (!validateResponses) return body;
    const { checkResponse, patientSchema, patientBundleSchema } = await loadSchemas();
    const problems = checkResponse(kind === "patient" ? patientSchema : patientBundleSchema, body);
    if (problems.length) {
      throw new NhsResponseError(
        `${operation}: the ${kind === "patient" ? "Patient" : "search Bundle"} PDS returned does not have the expected shape (${problems.slice(0, 5).join("; ")}). [request id ${requestId}]`,
        { operation, method: "GET", url: raw.baseUrl, requestId, attempts: 1 },
        status,
      );
    }
    return body;
  }

  async function getPatient(nhsNumber: string, options?: PdsCallOptions): Promise<PatientRead> {
    const id = checkNhsNumber("getPatient", nhsNumber);
    const { data, response, requestId } = await raw.GET("/Patient/{id}", {
      params: { path: { id } },
      ...call(options, "getPatient"),
    });
    const patient = await validated("getPatient", "patient", data, requestId, response.status);
    const etag = response.headers.get("etag") ?? "";
    const version = versionOf(etag) ?? Number(patient.meta?.versionId ?? Number.NaN);
    return { patient, version, etag, requestId };
  }

  async function searchPatients(params: PatientSearchParams, options?: PdsCallOptions): Promise<PatientSearchResult> {
    const { check, searchParamsSchema } = await loadSchemas();
    const query = check("searchPatients", searchParamsSchema, params, "params");
    if (Object.keys(query).length === 0) {
      throw new NhsValidationError("searchPatients", [
        {
          path: "params",
          message: "give at least one search parameter (PDS needs family and birthdate for most searches)",
        },
      ]);
    }
    const { data, requestId, response } = await raw.GET("/Patient", {
      params: { query },
      ...call(options, "searchPatients"),
    });
    const body = data as PatientSearchBundle | OperationOutcome;
    if (!isOutcome(body)) await validated("searchPatients", "bundle", body, requestId, response.status);
    if (isOutcome(body)) {
      const kind = spineCodes(body).some((c) => c === "TOO_MANY_MATCHES" || c === "multiple-matches")
        ? "too-many-matches"
        : "outcome";
      return { kind, operationOutcome: body, requestId };
    }
    const entries = body.entry ?? [];
    if (entries.length === 0) return { kind: "no-match", bundle: body, requestId };
    return {
      kind: "matches",
      patients: entries.map((e) => ({ patient: e.resource as Patient, score: e.search?.score })),
      total: body.total ?? entries.length,
      bundle: body,
      requestId,
    };
  }

  async function updatePatient(
    nhsNumber: string,
    patches: readonly PatientPatch[],
    options: PdsCallOptions & { version: number | string },
  ): Promise<PatientRead> {
    const id = checkNhsNumber("updatePatient", nhsNumber);
    const { check, patchesSchema, versionSchema } = await loadSchemas();
    const checked = check("updatePatient", patchesSchema, patches, "patches");
    const version = check("updatePatient", versionSchema, options?.version, "options.version");
    const { data, response, requestId } = await raw.PATCH("/Patient/{id}", {
      params: {
        path: { id },
        header: { "If-Match": toIfMatch(version), "Content-Type": "application/json-patch+json" },
      },
      body: { patches: checked } as never,
      headers: { "Content-Type": "application/json-patch+json" },
      ...call(options, "updatePatient"),
    });
    const patient = data as Patient;
    const etag = response.headers.get("etag") ?? "";
    return { patient, version: versionOf(etag) ?? Number(patient.meta?.versionId ?? Number.NaN), etag, requestId };
  }

  async function createPatient(patient: PatientCreateRequest, options?: PdsCallOptions): Promise<CreatePatientResult> {
    if (!patient || typeof patient !== "object") {
      throw new NhsValidationError("createPatient", [
        { path: "patient", message: "must be the new patient's details (name, gender, birthDate, address)" },
      ]);
    }
    const { data, requestId } = await raw.POST("/Patient", { body: patient, ...call(options, "createPatient") });
    const body = data as Patient | OperationOutcome;
    if (isOutcome(body)) {
      const codes = spineCodes(body);
      const kind = codes.includes("SINGLE_MATCH")
        ? "single-match"
        : codes.includes("MULTIPLE_MATCHES")
          ? "multiple-matches"
          : "outcome";
      return { kind, operationOutcome: body, requestId };
    }
    return { kind: "created", patient: body, nhsNumber: String(body.id), requestId };
  }

  async function getRelatedPeople(nhsNumber: string, options?: PdsCallOptions) {
    const id = checkNhsNumber("getRelatedPeople", nhsNumber);
    const { data, requestId } = await raw.GET("/Patient/{id}/RelatedPerson", {
      params: { path: { id } },
      ...call(options, "getRelatedPeople"),
    });
    const bundle = data as RelatedPersonBundle;
    return { relatedPeople: (bundle.entry ?? []).map((e) => e.resource as RelatedPerson), bundle, requestId };
  }

  async function getCoverage(nhsNumber: string, options?: PdsCallOptions) {
    const id = checkNhsNumber("getCoverage", nhsNumber);
    const { data, response, requestId } = await raw.GET("/Coverage", {
      params: { query: { "subscriber:identifier": id } },
      ...call(options, "getCoverage"),
    });
    const bundle = data as CoverageSearch;
    const coverage = ((bundle as { entry?: Array<{ resource?: Coverage }> }).entry ?? []).flatMap((e) =>
      e.resource ? [e.resource] : [],
    );
    return { coverage, bundle, version: versionOf(response.headers.get("etag")), requestId };
  }

  async function updateCoverage(coverage: Coverage, options: PdsCallOptions & { version: number | string }) {
    if (!coverage || typeof coverage !== "object") {
      throw new NhsValidationError("updateCoverage", [{ path: "coverage", message: "must be a Coverage resource" }]);
    }
    const { check, versionSchema } = await loadSchemas();
    const version = check("updateCoverage", versionSchema, options?.version, "options.version");
    const { data, response, requestId } = await raw.POST("/Coverage", {
      params: { header: { "If-Match": toIfMatch(version) } },
      body: coverage,
      headers: { "Content-Type": "application/json" },
      ...call(options, "updateCoverage"),
    });
    return { bundle: data as CoverageSearch, version: versionOf(response.headers.get("etag")), requestId };
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    getPatient,
    searchPatients,
    updatePatient,
    createPatient,
    getRelatedPeople,
    getCoverage,
    updateCoverage,
  };
}
