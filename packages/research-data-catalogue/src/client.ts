import { researchDataCatalogue } from "@nhskit/catalogue";
import { type ApiClient, type ApiClientOptions, type CallInfo, createApiClient } from "@nhskit/core";
import { errorInBody } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { checkDatasetId } from "./schemas.js";
import type { Dataset, DatasetList, DatasetSummary } from "./types.js";
import { RESEARCH_DATA_CATALOGUE_VERSION } from "./version.js";

export type ResearchDataCatalogueClientOptions = Omit<ApiClientOptions, "api" | "document" | "clientName">;

/** Per-call options. */
export interface ResearchDataCatalogueCallOptions {
  signal?: AbortSignal;
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

export interface DatasetListResult {
  datasets: DatasetSummary[];
  /** The service's `total`, read as a number (it is sent as a string). */
  total: number;
  body: DatasetList;
  requestId: string;
}

export interface DatasetResult {
  dataset: Dataset;
  requestId: string;
}

export interface ResearchDataCatalogueClient {
  /** Both operations, typed from the OpenAPI document. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** `GET /datasets`: a summary of every published data set. */
  listDatasets(options?: ResearchDataCatalogueCallOptions): Promise<DatasetListResult>;
  /** `GET /datasets/{id}`: one data set's full HDR UK metadata. */
  getDataset(id: string, options?: ResearchDataCatalogueCallOptions): Promise<DatasetResult>;
}

function call(options: ResearchDataCatalogueCallOptions | undefined, operation: string) {
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
 * A client for the Health Research Data Catalogue API (alpha): published data sets described in the HDR UK
 * metadata schema 2.0.2. Failures are core's typed errors (`NhsApiError` with codes such as
 * `RESOURCE_NOT_FOUND`).
 */
export function createResearchDataCatalogueClient(
  options: ResearchDataCatalogueClientOptions,
): ResearchDataCatalogueClient {
  const raw = createApiClient<paths>({
    ...options,
    api: researchDataCatalogue,
    clientName: `nhskit-research-data-catalogue/${RESEARCH_DATA_CATALOGUE_VERSION}`,
  });

  const info = (operation: string, requestId: string, path: string): CallInfo => ({
    operation,
    method: "GET",
    url: `${raw.baseUrl}${path}`,
    requestId,
    attempts: 1,
  });

  async function listDatasets(options?: ResearchDataCatalogueCallOptions): Promise<DatasetListResult> {
    const operation = "listDatasets";
    const { data, response, requestId } = await raw.GET("/datasets", call(options, operation));
    const failure = errorInBody(data, info(operation, requestId, "/datasets"), response);
    if (failure) throw failure;
    const body = data as unknown as DatasetList;
    const items = Array.isArray(body?.items) ? body.items : [];
    const total = Number.parseInt(String(body?.total ?? ""), 10);
    return { datasets: items, total: Number.isNaN(total) ? items.length : total, body, requestId };
  }

  async function getDataset(id: string, options?: ResearchDataCatalogueCallOptions): Promise<DatasetResult> {
    const operation = "getDataset";
    const checked = checkDatasetId(operation, id);
    const { data, response, requestId } = await raw.GET("/datasets/{id}", {
      params: { path: { id: checked } },
      ...call(options, operation),
    });
    const failure = errorInBody(data, info(operation, requestId, `/datasets/${checked}`), response);
    if (failure) throw failure;
    return { dataset: data, requestId };
  }

  return { raw, baseUrl: raw.baseUrl, listDatasets, getDataset };
}
