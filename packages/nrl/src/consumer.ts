import type { ApiClient } from "@nhskit/core";
import type { paths } from "./generated/openapi.js";
import { type ConsumerSearchParams, check, consumerSearchSchema, pointerIdSchema, searchParams } from "./schemas.js";
import {
  callInit,
  createNrlApiClient,
  entriesOf,
  type NrlCallOptions,
  type NrlClientOptions,
  ODS_HEADER,
  wireSearchParams,
} from "./shared.js";
import type { DocumentReference, PointerBundle } from "./types.js";

export interface PointerSearchResult {
  /** The pointers found (only types your organisation may see). */
  pointers: DocumentReference[];
  total: number;
  bundle: PointerBundle;
  requestId: string;
}

export interface NrlConsumerClient {
  /** Every consumer operation, typed from the OpenAPI document. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** The ODS code sent as NHSD-End-User-Organisation-ODS. */
  readonly endUserOrganisationOds: string;
  /**
   * A patient's pointers (`POST /DocumentReference/_search`). The parameters travel in the body, so the NHS
   * number stays out of URLs and logs; NHS England prefers this form.
   */
  searchPointers(params: ConsumerSearchParams, options?: NrlCallOptions): Promise<PointerSearchResult>;
  /** The same search with the parameters in the query string (`GET /DocumentReference`). */
  searchPointersByQuery(params: ConsumerSearchParams, options?: NrlCallOptions): Promise<PointerSearchResult>;
  /** How many pointers a search would find, without the pointers (`_summary=count`). */
  countPointers(
    params: ConsumerSearchParams,
    options?: NrlCallOptions,
  ): Promise<{ total: number; bundle: PointerBundle; requestId: string }>;
  /** One pointer by id (`GET /DocumentReference/{id}`), e.g. `RJ11-DEMO_1002`. */
  readPointer(id: string, options?: NrlCallOptions): Promise<{ pointer: DocumentReference; requestId: string }>;
}

/**
 * A client for the NRL consumer API: find and read the pointers your organisation may see. Inputs are
 * checked before anything is sent; failures are `NhsApiError`s carrying NRL's Spine code (`INVALID_NHS_NUMBER`,
 * `NO_RECORD_FOUND`, `ACCESS DENIED`...).
 */
export function createNrlConsumerClient(options: NrlClientOptions): NrlConsumerClient {
  const { raw, ods: defaultOds } = createNrlApiClient<paths>(options, "consumer", "createNrlConsumerClient");

  async function searchPointersByQuery(params: ConsumerSearchParams, options?: NrlCallOptions) {
    const op = "searchPointersByQuery";
    const query = wireSearchParams(searchParams(op, consumerSearchSchema, params));
    const { ods, init } = callInit(op, defaultOds, options);
    const { data, requestId } = await raw.GET("/DocumentReference", {
      params: { query, header: { [ODS_HEADER]: ods } },
      ...init,
    });
    const bundle = data as PointerBundle;
    const pointers = entriesOf(bundle);
    return { pointers, total: bundle.total ?? pointers.length, bundle, requestId };
  }

  async function postSearch(op: string, body: Record<string, string>, options: NrlCallOptions | undefined) {
    const { ods, init } = callInit(op, defaultOds, options);
    const { data, requestId } = await raw.POST("/DocumentReference/_search", {
      params: { header: { [ODS_HEADER]: ods } },
      body: body as never,
      ...init,
    });
    return { bundle: data as PointerBundle, requestId };
  }

  async function searchPointers(params: ConsumerSearchParams, options?: NrlCallOptions) {
    const op = "searchPointers";
    const body = wireSearchParams(searchParams(op, consumerSearchSchema, params));
    const { bundle, requestId } = await postSearch(op, body, options);
    const pointers = entriesOf(bundle);
    return { pointers, total: bundle.total ?? pointers.length, bundle, requestId };
  }

  async function countPointers(params: ConsumerSearchParams, options?: NrlCallOptions) {
    const op = "countPointers";
    const body = { ...wireSearchParams(searchParams(op, consumerSearchSchema, params)), _summary: "count" };
    const { bundle, requestId } = await postSearch(op, body, options);
    return { total: bundle.total ?? 0, bundle, requestId };
  }

  async function readPointer(id: string, options?: NrlCallOptions) {
    const op = "readPointer";
    const checked = check(op, pointerIdSchema, id, "id");
    const { ods, init } = callInit(op, defaultOds, options);
    const { data, requestId } = await raw.GET("/DocumentReference/{id}", {
      params: { path: { id: checked }, header: { [ODS_HEADER]: ods } },
      ...init,
    });
    return { pointer: data as DocumentReference, requestId };
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    endUserOrganisationOds: defaultOds,
    searchPointers,
    searchPointersByQuery,
    countPointers,
    readPointer,
  };
}
