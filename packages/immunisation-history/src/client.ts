import { immunisationHistory } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  NhsResponseError,
  NhsValidationError,
} from "@nhskit/core";
import { type ApiVersion, checkApiVersion, checkNhsNumber, type ImmunisationSearch, toDay } from "./checks.js";
import type { paths } from "./generated/openapi.js";
import { loadSchemas } from "./lazy-schemas.js";
import type { ImmunisationBundle, ImmunisationPatient, Immunization } from "./types.js";
import { IMMUNISATION_HISTORY_VERSION } from "./version.js";

/** The identifier system `patient.identifier` must use. */
export const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

export interface ImmunisationHistoryClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /**
   * The API version to ask for, sent as `Accept: application/fhir+json; version=<v>`. Left out, nothing is
   * sent and the API answers version 1.0.
   */
  apiVersion?: ApiVersion;
}

/** Per-call options. */
export interface ImmunisationCallOptions {
  signal?: AbortSignal;
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
  /** Overrides the client's `apiVersion` for this call. */
  apiVersion?: ApiVersion;
}

export interface ImmunisationSearchResult {
  /** The Immunization entries (`search.mode: match`), oldest first as the API sends them. */
  immunisations: Immunization[];
  /** The patient as recorded at vaccination (`search.mode: include`); absent when nothing matched. */
  patient: ImmunisationPatient | undefined;
  /** How many Immunizations matched (the included Patient is not counted). */
  total: number;
  bundle: ImmunisationBundle;
  /** The API version that answered, from the `version` response header (`1.0`, `2.0`), when sent. */
  apiVersion: string | undefined;
  requestId: string;
}

export interface ImmunisationHistoryClient {
  /** The one operation, typed from the OpenAPI document, for anything the helper does not cover. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** `GET /Immunization` for one patient and one target (or the deprecated procedure code). */
  searchImmunisations(params: ImmunisationSearch, options?: ImmunisationCallOptions): Promise<ImmunisationSearchResult>;
}

function acceptFor(version: ApiVersion | undefined): string | undefined {
  return version ? `application/fhir+json; version=${version}` : undefined;
}

function isPatient(resource: Immunization | ImmunisationPatient): resource is ImmunisationPatient {
  return resource.resourceType === "Patient";
}

/**
 * A client for the Immunisation History FHIR API. Inputs are checked before anything is sent; failures are
 * `@nhskit/core` errors.
 */
export function createImmunisationHistoryClient(options: ImmunisationHistoryClientOptions): ImmunisationHistoryClient {
  const { apiVersion, ...rest } = options;
  const defaultVersion =
    apiVersion === undefined ? undefined : checkApiVersion("createImmunisationHistoryClient", apiVersion, "apiVersion");

  const raw = createApiClient<paths>({
    ...rest,
    api: immunisationHistory,
    clientName: `nhskit-immunisation-history/${IMMUNISATION_HISTORY_VERSION}`,
  });

  async function searchImmunisations(
    params: ImmunisationSearch,
    callOptions?: ImmunisationCallOptions,
  ): Promise<ImmunisationSearchResult> {
    const operation = "searchImmunisations";
    if (!params || typeof params !== "object") {
      throw new NhsValidationError(operation, [
        { path: "params", message: "must be an object such as { nhsNumber, target }" },
      ]);
    }
    const nhsNumber = checkNhsNumber(operation, params.nhsNumber, "params.nhsNumber");
    const version =
      callOptions?.apiVersion === undefined
        ? defaultVersion
        : checkApiVersion(operation, callOptions.apiVersion, "options.apiVersion");
    const { check, searchParamsSchema } = await loadSchemas();
    const checked = check(operation, searchParamsSchema, params, "params");
    const accept = acceptFor(version);

    const { data, response, requestId } = await raw.GET("/Immunization", {
      params: {
        query: {
          "patient.identifier": `${NHS_NUMBER_SYSTEM}|${nhsNumber}`,
          ...(checked.target ? { "immunization.target": checked.target } : {}),
          ...(checked.procedureCode ? { "procedure-code:below": checked.procedureCode } : {}),
          ...(checked.from ? { "date.from": toDay(checked.from) } : {}),
          ...(checked.to ? { "date.to": toDay(checked.to) } : {}),
          _include: "Immunization:patient",
        },
        ...(accept ? { header: { Accept: accept } } : {}),
      },
      ...(callOptions?.signal ? { signal: callOptions.signal } : {}),
      nhs: {
        operation,
        ...(callOptions?.requestId ? { requestId: callOptions.requestId } : {}),
        ...(callOptions?.correlationId ? { correlationId: callOptions.correlationId } : {}),
        ...(callOptions?.timeoutMs ? { timeoutMs: callOptions.timeoutMs } : {}),
      },
    });

    const bundle = data as ImmunisationBundle | undefined;
    if (!bundle || typeof bundle !== "object" || !Array.isArray(bundle.entry)) {
      // The v2 sandbox answers 200 with no body for FLU: report it rather than pretend nothing matched.
      throw new NhsResponseError(
        `${operation} answered ${response.status} without a searchset Bundle${bundle === undefined ? " (the body was empty)" : ""}; the hosted sandbox does this for target FLU under version 2.0, so ask for version 1.0 there. [request id ${requestId}]`,
        { operation, method: "GET", url: response.url || raw.baseUrl, requestId, attempts: 1 },
        response.status,
      );
    }
    const immunisations: Immunization[] = [];
    let patient: ImmunisationPatient | undefined;
    for (const entry of bundle.entry) {
      if (!entry?.resource) continue;
      if (isPatient(entry.resource)) patient ??= entry.resource;
      else immunisations.push(entry.resource);
    }
    return {
      immunisations,
      patient,
      total: typeof bundle.total === "number" ? bundle.total : immunisations.length,
      bundle,
      apiVersion: response.headers.get("version") ?? undefined,
      requestId,
    };
  }

  return { raw, baseUrl: raw.baseUrl, searchImmunisations };
}
