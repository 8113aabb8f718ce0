import { serviceSearch } from "@nhskit/catalogue";
import { type ApiClient, type ApiClientOptions, createApiClient, NhsValidationError } from "@nhskit/core";
import { errorInBody, normaliseError } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import {
  check,
  joinList,
  type OrganisationSearchBody,
  type OrganisationSearchParams,
  searchBodySchema,
  searchParamsSchema,
} from "./schemas.js";
import type { Organisation, OrganisationSearchResults } from "./types.js";
import { SERVICE_SEARCH_VERSION } from "./version.js";

/** Every call carries `api-version=3`; without it the service answers 404 "Resource not found". */
export const API_VERSION = 3;

export interface ServiceSearchClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /**
   * Where the POST search goes. The spec and the sandbox define it on `/` (the default); the upstream
   * repository's own integration tests post to `/search`. Which one integration and production serve is not
   * confirmed, so it is configurable.
   */
  postPath?: "/" | "/search";
}

/** Per-call options. */
export interface ServiceSearchCallOptions {
  signal?: AbortSignal;
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

/** What a search found. */
export interface OrganisationSearchResult {
  organisations: Organisation[];
  /** `@odata.count`: the total number of matches, when `$count`/`count` was asked for. */
  count: number | undefined;
  /** `@odata.nextLink` when the index has more; it names the search backend, not this API. */
  nextLink: string | undefined;
  /** The whole envelope, as returned. */
  body: OrganisationSearchResults;
  requestId: string;
}

export interface ServiceSearchClient {
  /** Both operations, typed from the OpenAPI document (add `api-version` yourself when you use it). */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** `GET /?api-version=3`: search with OData query parameters. */
  searchOrganisations(
    params?: OrganisationSearchParams,
    options?: ServiceSearchCallOptions,
  ): Promise<OrganisationSearchResult>;
  /** `POST /?api-version=3`: the same search with a JSON body (no `$` on the keys). */
  searchOrganisationsWithBody(
    body?: OrganisationSearchBody,
    options?: ServiceSearchCallOptions,
  ): Promise<OrganisationSearchResult>;
}

function call(options: ServiceSearchCallOptions | undefined, operation: string) {
  return {
    // Resolved per call: openapi-fetch otherwise keeps the Request class seen when the client was created, and
    // a request built from a class that msw has since replaced loses its Content-Type.
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

const dropUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/**
 * A client for the Directory of Healthcare Services (Service Search) API v3. Inputs are checked before
 * anything is sent; every failure is an error from `@nhskit/core` (`NhsApiError` for the service's answers,
 * including a 2xx whose body reports an error).
 */
export function createServiceSearchClient(options: ServiceSearchClientOptions): ServiceSearchClient {
  const { postPath = "/", ...rest } = options ?? ({} as ServiceSearchClientOptions);
  if (postPath !== "/" && postPath !== "/search") {
    throw new NhsValidationError("createServiceSearchClient", [
      { path: "postPath", message: 'must be "/" (the spec and sandbox) or "/search"' },
    ]);
  }
  const raw = createApiClient<paths>({
    ...rest,
    api: serviceSearch,
    clientName: `nhskit-service-search/${SERVICE_SEARCH_VERSION}`,
  });

  function result(data: unknown, response: Response, requestId: string, operation: string, method: string) {
    const failure = errorInBody(data, { operation, method, url: raw.baseUrl, requestId }, response);
    if (failure) throw failure;
    const body = (data ?? { value: [] }) as OrganisationSearchResults;
    return {
      organisations: Array.isArray(body.value) ? body.value : [],
      count: typeof body["@odata.count"] === "number" ? body["@odata.count"] : undefined,
      nextLink: typeof body["@odata.nextLink"] === "string" ? body["@odata.nextLink"] : undefined,
      body,
      requestId,
    };
  }

  async function searchOrganisations(params: OrganisationSearchParams = {}, options?: ServiceSearchCallOptions) {
    const operation = "searchOrganisations";
    const p = check(operation, searchParamsSchema, params, "params");
    const query = dropUndefined({
      "api-version": API_VERSION,
      search: p.search,
      searchMode: p.searchMode,
      searchFields: joinList(p.searchFields),
      queryType: p.queryType,
      $skip: p.$skip,
      $top: p.$top,
      $count: p.$count,
      // The service reads the lower-case name; the spec's `$orderBy` is accepted and renamed.
      $orderby: joinList(p.$orderby ?? p.$orderBy),
      $select: joinList(p.$select),
      $filter: p.$filter,
    });
    try {
      const { data, response, requestId } = await raw.GET("/", {
        params: { query: query as never },
        ...call(options, operation),
      });
      return result(data, response, requestId, operation, "GET");
    } catch (error) {
      throw normaliseError(error);
    }
  }

  async function searchOrganisationsWithBody(body: OrganisationSearchBody = {}, options?: ServiceSearchCallOptions) {
    const operation = "searchOrganisationsWithBody";
    const b = check(operation, searchBodySchema, body, "body");
    const json = dropUndefined({
      ...b,
      searchFields: joinList(b.searchFields),
      select: joinList(b.select),
      orderby: joinList(b.orderby),
    });
    try {
      const { data, response, requestId } = await raw.POST(postPath as "/", {
        params: { query: { "api-version": API_VERSION } },
        body: json as never,
        headers: { "Content-Type": "application/json" },
        ...call(options, operation),
      });
      return result(data, response, requestId, operation, "POST");
    } catch (error) {
      throw normaliseError(error);
    }
  }

  return { raw, baseUrl: raw.baseUrl, searchOrganisations, searchOrganisationsWithBody };
}
