import { websiteContent } from "@nhskit/catalogue";
import { type ApiClient, type ApiClientOptions, type CallInfo, createApiClient } from "@nhskit/core";
import { emptyAnswer, errorInBody } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import {
  type ConditionsParams,
  check,
  checkPagePath,
  checkSlug,
  conditionsParamsSchema,
  type ListingParams,
  listingParamsSchema,
  manifestParamsSchema,
  type PageOptions,
  pageOptionsSchema,
} from "./schemas.js";
import type { ContentPage, ManifestEntry, ManifestPages, RelatedLink, SignificantLink } from "./types.js";
import { WEBSITE_CONTENT_VERSION } from "./version.js";

/** Syndicated content must be refreshed at least this often (7 days). */
export const MAX_CONTENT_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export type WebsiteContentClientOptions = Omit<ApiClientOptions, "api" | "document" | "clientName">;

/** Per-call options. */
export interface WebsiteContentCallOptions {
  signal?: AbortSignal;
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

/** A page and when it must be fetched again at the latest. */
export interface PageResult {
  page: ContentPage;
  /** When this copy was fetched (ISO 8601). */
  fetchedAt: string;
  /** `fetchedAt` plus 7 days: show this copy no longer than that. */
  refreshBy: string;
  requestId: string;
}

/** Page numbers read from a listing's paging links. */
export interface Paging {
  first: number | undefined;
  previous: number | undefined;
  next: number | undefined;
  last: number | undefined;
}

/** An A to Z listing: the page itself, its entries and where the other pages are. */
export interface ListingResult extends PageResult {
  /** The listed pages (the listing's `significantLink`). */
  links: SignificantLink[];
  paging: Paging;
}

export interface ManifestResult {
  pages: ManifestEntry[];
  pagination: ManifestPages["pagination"];
  /** Every page on the site (`pagination.count`). */
  total: number;
  /** The next page number, read from `pagination.next`; undefined on the last page. */
  nextPage: number | undefined;
  requestId: string;
}

export interface ManifestWalk extends AsyncIterable<ManifestEntry> {
  byPage(): AsyncIterable<ManifestResult>;
}

type HubMethod = (options?: WebsiteContentCallOptions) => Promise<PageResult>;

export interface WebsiteContentClient {
  /** All 18 operations, typed from the OpenAPI document. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** `GET /manifest/pages`: one page of the list of every page on the site. */
  getManifestPages(params?: { page?: number | string }, options?: WebsiteContentCallOptions): Promise<ManifestResult>;
  /** Every manifest entry, page after page (at most `maxPages`, default 100). */
  manifest(options?: WebsiteContentCallOptions & { startPage?: number; maxPages?: number }): ManifestWalk;
  /** `GET /health-a-to-z`. */
  getHealthAToZ: HubMethod;
  /** `GET /health-a-to-z/conditions`: the common topics hub. */
  getConditionsCommonTopics: HubMethod;
  /** `GET /conditions`: the conditions A to Z. */
  listConditions(params?: ConditionsParams, options?: WebsiteContentCallOptions): Promise<ListingResult>;
  /** `GET /conditions/{slug}`: a condition page; `modules: true` for its labelled sections only. */
  getCondition(slug: string, options?: PageOptions & WebsiteContentCallOptions): Promise<PageResult>;
  /** `GET /symptoms`. */
  listSymptoms(params?: ListingParams, options?: WebsiteContentCallOptions): Promise<ListingResult>;
  /** `GET /tests-and-treatments`. */
  listTestsAndTreatments(params?: ListingParams, options?: WebsiteContentCallOptions): Promise<ListingResult>;
  /** `GET /medicines`: the medicines A to Z. */
  listMedicines(params?: ListingParams, options?: WebsiteContentCallOptions): Promise<ListingResult>;
  /** `GET /medicines/{slug}`: a medicine page; `modules: true` for its labelled sections only. */
  getMedicine(slug: string, options?: PageOptions & WebsiteContentCallOptions): Promise<PageResult>;
  getMentalHealth: HubMethod;
  getLiveWell: HubMethod;
  getPregnancy: HubMethod;
  getNhsServices: HubMethod;
  getContraception: HubMethod;
  getVaccinations: HubMethod;
  getWomensHealth: HubMethod;
  getBaby: HubMethod;
  getSocialCareAndSupport: HubMethod;
  /**
   * Any page below the root by its path, such as `live-well/exercise`: the sub-pages of the hubs exist but the
   * spec does not declare them.
   */
  getPage(path: string, options?: WebsiteContentCallOptions): Promise<PageResult>;
}

function call(options: WebsiteContentCallOptions | undefined, operation: string) {
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

function pageNumberOf(url: string | undefined): number | undefined {
  if (!url) return undefined;
  try {
    const page = new URL(url).searchParams.get("page");
    return page && /^\d+$/.test(page) ? Number(page) : undefined;
  } catch {
    return undefined;
  }
}

function pagingOf(page: ContentPage): Paging {
  const links = (page.relatedLink ?? []) as RelatedLink[];
  const find = (name: string) =>
    pageNumberOf(links.find((l) => l.linkRelationship === "Pagination" && l.name === name)?.url);
  return {
    first: find("First Page"),
    previous: find("Previous Page"),
    next: find("Next Page"),
    last: find("Last Page"),
  };
}

const dropUndefined = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );

/**
 * A client for the NHS Website Content API v2. Content must carry the NHS attribution and be refreshed at
 * least every 7 days (see `attribution` and `PageResult.refreshBy`). Inputs are checked before anything is
 * sent; a 200 whose body reports an error becomes an `NhsApiError`.
 */
export function createWebsiteContentClient(options: WebsiteContentClientOptions): WebsiteContentClient {
  const raw = createApiClient<paths>({
    ...options,
    api: websiteContent,
    clientName: `nhskit-website-content/${WEBSITE_CONTENT_VERSION}`,
  });

  function info(operation: string, requestId: string, path: string): CallInfo {
    return { operation, method: "GET", url: `${raw.baseUrl}${path}`, requestId, attempts: 1 };
  }

  function pageResult(data: unknown, response: Response, requestId: string, operation: string, path: string) {
    const at = info(operation, requestId, path);
    if (data === undefined || data === null || data === "") throw emptyAnswer(at, response.status);
    const failure = errorInBody(data, at, response);
    if (failure) throw failure;
    const fetched = new Date();
    return {
      page: data as ContentPage,
      fetchedAt: fetched.toISOString(),
      refreshBy: new Date(fetched.getTime() + MAX_CONTENT_AGE_MS).toISOString(),
      requestId,
    };
  }

  function hub(path: "/health-a-to-z" | "/health-a-to-z/conditions" | `/${string}`, operation: string): HubMethod {
    return async (options) => {
      const { data, response, requestId } = await raw.GET(path as "/mental-health", call(options, operation));
      return pageResult(data, response, requestId, operation, path);
    };
  }

  type ListingPath = "/conditions" | "/symptoms" | "/tests-and-treatments" | "/medicines";
  async function listing(
    path: ListingPath,
    operation: string,
    query: Record<string, unknown>,
    options: WebsiteContentCallOptions | undefined,
  ): Promise<ListingResult> {
    const { data, response, requestId } = await raw.GET(path as "/conditions", {
      params: { query: dropUndefined(query) as never },
      ...call(options, operation),
    });
    const result = pageResult(data, response, requestId, operation, path);
    return {
      ...result,
      links: (result.page.significantLink ?? []) as SignificantLink[],
      paging: pagingOf(result.page),
    };
  }

  async function contentPage(
    kind: "conditions" | "medicines",
    operation: string,
    slug: string,
    options: (PageOptions & WebsiteContentCallOptions) | undefined,
  ): Promise<PageResult> {
    const name = checkSlug(operation, slug);
    const { modules, ...callOptions } = options ?? {};
    const checked = check(operation, pageOptionsSchema, modules === undefined ? {} : { modules }, "options");
    const path = kind === "conditions" ? "/conditions/{slug}" : "/medicines/{slug}";
    const { data, response, requestId } = await raw.GET(path as "/conditions/{slug}", {
      params: { path: { slug: name }, query: checked.modules === undefined ? {} : { modules: checked.modules } },
      ...call(callOptions, operation),
    });
    return pageResult(data, response, requestId, operation, `/${kind}/${name}`);
  }

  async function getManifestPages(params: { page?: number | string } = {}, options?: WebsiteContentCallOptions) {
    const operation = "getManifestPages";
    const p = check(operation, manifestParamsSchema, params, "params");
    const { data, response, requestId } = await raw.GET("/manifest/pages", {
      params: { query: dropUndefined({ page: p.page }) },
      ...call(options, operation),
    });
    const at = info(operation, requestId, "/manifest/pages");
    if (data === undefined) throw emptyAnswer(at, response.status);
    const failure = errorInBody(data, at, response);
    if (failure) throw failure;
    const body = data as unknown as ManifestPages;
    return {
      pages: body.results ?? [],
      pagination: body.pagination,
      total: body.pagination?.count ?? 0,
      nextPage: pageNumberOf(body.pagination?.next),
      requestId,
    };
  }

  function manifest(options: WebsiteContentCallOptions & { startPage?: number; maxPages?: number } = {}): ManifestWalk {
    const { startPage = 1, maxPages = 100, ...callOptions } = options;
    async function* byPage() {
      let page: number | undefined = startPage;
      for (let count = 0; page !== undefined && count < maxPages; count++) {
        const result: ManifestResult = await getManifestPages({ page }, callOptions);
        yield result;
        page = result.nextPage !== undefined && result.nextPage > page ? result.nextPage : undefined;
      }
    }
    return {
      byPage,
      async *[Symbol.asyncIterator]() {
        for await (const result of byPage()) yield* result.pages;
      },
    };
  }

  async function getPage(path: string, options?: WebsiteContentCallOptions) {
    const operation = "getPage";
    const segments = checkPagePath(operation, path);
    const relative = segments.join("/");
    const { data, response, requestId } = await raw.getUrl(`${raw.baseUrl}/${relative}`, {
      operation,
      ...(options?.signal ? { signal: options.signal } : {}),
      ...(options?.requestId ? { requestId: options.requestId } : {}),
      ...(options?.correlationId ? { correlationId: options.correlationId } : {}),
      ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    return pageResult(data, response, requestId, operation, `/${relative}`);
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    getManifestPages,
    manifest,
    getHealthAToZ: hub("/health-a-to-z", "getHealthAToZ"),
    getConditionsCommonTopics: hub("/health-a-to-z/conditions", "getConditionsCommonTopics"),
    listConditions: async (params = {}, options) =>
      listing(
        "/conditions",
        "listConditions",
        check("listConditions", conditionsParamsSchema, params, "params"),
        options,
      ),
    getCondition: (slug, options) => contentPage("conditions", "getCondition", slug, options),
    listSymptoms: async (params = {}, options) =>
      listing("/symptoms", "listSymptoms", check("listSymptoms", listingParamsSchema, params, "params"), options),
    listTestsAndTreatments: async (params = {}, options) =>
      listing(
        "/tests-and-treatments",
        "listTestsAndTreatments",
        check("listTestsAndTreatments", listingParamsSchema, params, "params"),
        options,
      ),
    listMedicines: async (params = {}, options) =>
      listing("/medicines", "listMedicines", check("listMedicines", listingParamsSchema, params, "params"), options),
    getMedicine: (slug, options) => contentPage("medicines", "getMedicine", slug, options),
    getMentalHealth: hub("/mental-health", "getMentalHealth"),
    getLiveWell: hub("/live-well", "getLiveWell"),
    getPregnancy: hub("/pregnancy", "getPregnancy"),
    getNhsServices: hub("/nhs-services", "getNhsServices"),
    getContraception: hub("/contraception", "getContraception"),
    getVaccinations: hub("/vaccinations", "getVaccinations"),
    getWomensHealth: hub("/womens-health", "getWomensHealth"),
    getBaby: hub("/baby", "getBaby"),
    getSocialCareAndSupport: hub("/social-care-and-support", "getSocialCareAndSupport"),
    getPage,
  };
}
