import { dos } from "@nhskit/catalogue";
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
  type ClinicalTermSearch,
  checkCaseId,
  checkCombination,
  checkOdsCode,
  checkSearchBase,
  checkServiceId,
  checkServiceTypes,
  type ServiceTypeSearch,
} from "./schemas.js";
import type { LookupService, LookupSuccess, SearchService, SearchSuccess } from "./types.js";
import { DOS_VERSION } from "./version.js";

/** The live API's base URL (the catalogue's `prod`). */
export const DOS_LIVE_BASE_URL = dos.documents[0].baseUrls.prod;

export interface DosClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /**
   * The case id searches carry. Outside the live environment (`environment` other than `"prod"` and a base URL
   * other than the live one) it must be `TEST`, which is also the default there; in live it defaults to `0`.
   */
  caseId?: string;
}

/** Per-call options. */
export interface DosCallOptions {
  signal?: AbortSignal;
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

export interface DosResult<S, E> {
  services: S[];
  serviceCount: number;
  /** The whole `success` object, with the keys nhskit could not confirm (status, transaction id...). */
  success: E;
  /** The `Warning` header, e.g. `111 "Revalidation Failed"` when the answer came from a cache. */
  warning: string | undefined;
  requestId: string;
}

export type DosSearchResult = DosResult<SearchService, SearchSuccess>;
export type DosLookupResult = DosResult<LookupService, LookupSuccess>;

/**
 * @deprecated The DoS UEC REST API is deprecated from 31 May 2026; NHS England's successor is the FHIR-based
 * DoS Search API (NHSDigital/ftrs-directory-of-services). Plan new work on the successor.
 */
export interface DosClient {
  /** The four operations, typed from nhskit's hand-written OpenAPI document (every segment yours to fill). */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** True when calls go to the live service (and so may carry a real case id). */
  readonly live: boolean;
  /** `GET /byClinicalTerm/...`: services near a postcode that can meet one clinical need. */
  searchByClinicalTerm(params: ClinicalTermSearch, options?: DosCallOptions): Promise<DosSearchResult>;
  /** `GET /byServiceType/...`: services of the given types near a postcode. */
  searchByServiceType(params: ServiceTypeSearch, options?: DosCallOptions): Promise<DosSearchResult>;
  /** `GET /byOdsCode/{odsCode}`: active services with this ODS code (usually one), with the larger data set. */
  getServicesByOdsCode(odsCode: string, options?: DosCallOptions): Promise<DosLookupResult>;
  /** `GET /byServiceId/{serviceId}`: the active service with this DoS id (at most one), with the larger data set. */
  getServiceById(serviceId: number | string, options?: DosCallOptions): Promise<DosLookupResult>;
}

function call(options: DosCallOptions | undefined, operation: string) {
  return {
    // Resolved per call: a Request class captured at construction may predate msw and drop headers.
    Request: globalThis.Request,
    ...(options?.signal ? { signal: options.signal } : {}),
    nhs: {
      operation,
      ...(options?.requestId ? { requestId: options.requestId } : {}),
      ...(options?.correlationId ? { correlationId: options.correlationId } : {}),
      ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    },
  };
}

/**
 * Path segments as the DoS documentation writes them: `1011=4003` and `100,136` keep their `=` and `,`
 * (both are allowed in a path segment); everything else is percent-encoded, so `LS1 4HR` becomes `LS1%204HR`.
 */
export function dosPathSerializer(url: string, params: Record<string, unknown>): string {
  return url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    return encodeURIComponent(String(value)).replace(/%3D/gi, "=").replace(/%2C/gi, ",");
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A client for the Directory of Services (DoS) Urgent and Emergency Care REST API, with HTTP basic auth
 * (`basicAuth` from `@nhskit/auth`). Inputs are checked before sending, with the API's own messages.
 *
 * Acceptable use: fetch service data when a user needs it and do not cache it (unless NHS England agreed);
 * never crawl the directory.
 *
 * @deprecated The DoS UEC REST API is deprecated from 31 May 2026; NHS England's successor is the FHIR-based
 * DoS Search API (NHSDigital/ftrs-directory-of-services). Plan new work on the successor.
 */
export function createDosClient(options: DosClientOptions): DosClient {
  const { caseId: givenCaseId, ...rest } = options ?? ({} as DosClientOptions);
  const raw = createApiClient<paths>({ ...rest, api: dos, clientName: `nhskit-dos/${DOS_VERSION}` });
  const live = rest.environment === "prod" || raw.baseUrl === DOS_LIVE_BASE_URL;
  const caseId = givenCaseId ?? (live ? "0" : "TEST");
  {
    const issues: ValidationIssue[] = [];
    checkCaseId(caseId, live, "caseId", issues);
    if (issues.length) throw new NhsValidationError("createDosClient", issues);
  }

  function result<S, E extends { serviceCount: number; services?: S[] }>(
    data: unknown,
    response: Response,
    requestId: string,
    operation: string,
    path: string,
  ): DosResult<S, E> {
    const body = data as Record<string, unknown> | undefined;
    // An error envelope on a 2xx answer is still an error.
    if (isRecord(body) && isRecord(body.error) && !isRecord(body.success)) {
      const parsed = parseErrorBody(body);
      const status = typeof body.error.code === "number" && body.error.code >= 400 ? body.error.code : 400;
      throw new NhsApiError({
        status,
        statusText: "",
        code: parsed.code,
        diagnostics: parsed.diagnostics,
        issues: parsed.issues,
        hint: `The API answered HTTP ${response.status} with an error in the body. ${hintFor(status, parsed.code)}`,
        call: { operation, method: "GET", url: `${raw.baseUrl}${path}`, requestId, attempts: 1 },
        retryAfterSeconds: undefined,
        body,
        headers: response.headers,
      });
    }
    const success = (isRecord(body?.success) ? body.success : { serviceCount: 0 }) as E;
    const services = Array.isArray(success.services) ? success.services : [];
    return {
      services,
      serviceCount: typeof success.serviceCount === "number" ? success.serviceCount : services.length,
      success,
      warning: response.headers.get("warning") ?? undefined,
      requestId,
    };
  }

  async function searchByClinicalTerm(params: ClinicalTermSearch, options?: DosCallOptions) {
    const operation = "searchByClinicalTerm";
    const issues: ValidationIssue[] = [];
    const segments = checkSearchBase(params, { value: caseId, live }, issues);
    const symptomGroupDiscriminatorCombos = checkCombination(params, issues);
    if (issues.length) throw new NhsValidationError(operation, issues);
    const { data, response, requestId } = await raw.GET(
      "/byClinicalTerm/{caseId}/{postcode}/{searchDistance}/{gpPracticeId}/{age}/{gender}/{disposition}/{symptomGroupDiscriminatorCombos}/{numberPerType}",
      {
        params: { path: { ...segments, symptomGroupDiscriminatorCombos } },
        pathSerializer: dosPathSerializer,
        ...call(options, operation),
      },
    );
    return result<SearchService, SearchSuccess>(data, response, requestId, operation, "/byClinicalTerm");
  }

  async function searchByServiceType(params: ServiceTypeSearch, options?: DosCallOptions) {
    const operation = "searchByServiceType";
    const issues: ValidationIssue[] = [];
    const segments = checkSearchBase(params, { value: caseId, live }, issues);
    const serviceTypeIds = checkServiceTypes(params, issues);
    if (issues.length) throw new NhsValidationError(operation, issues);
    const { data, response, requestId } = await raw.GET(
      "/byServiceType/{caseId}/{postcode}/{searchDistance}/{gpPracticeId}/{age}/{gender}/{disposition}/{serviceTypeIds}/{numberPerType}",
      {
        params: { path: { ...segments, serviceTypeIds } },
        pathSerializer: dosPathSerializer,
        ...call(options, operation),
      },
    );
    return result<SearchService, SearchSuccess>(data, response, requestId, operation, "/byServiceType");
  }

  async function getServicesByOdsCode(odsCode: string, options?: DosCallOptions) {
    const operation = "getServicesByOdsCode";
    const code = checkOdsCode(operation, odsCode);
    const { data, response, requestId } = await raw.GET("/byOdsCode/{odsCode}", {
      params: { path: { odsCode: code } },
      ...call(options, operation),
    });
    return result<LookupService, LookupSuccess>(data, response, requestId, operation, `/byOdsCode/${code}`);
  }

  async function getServiceById(serviceId: number | string, options?: DosCallOptions) {
    const operation = "getServiceById";
    const id = checkServiceId(operation, serviceId);
    const { data, response, requestId } = await raw.GET("/byServiceId/{serviceId}", {
      params: { path: { serviceId: id } },
      ...call(options, operation),
    });
    return result<LookupService, LookupSuccess>(data, response, requestId, operation, `/byServiceId/${id}`);
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    live,
    searchByClinicalTerm,
    searchByServiceType,
    getServicesByOdsCode,
    getServiceById,
  };
}
