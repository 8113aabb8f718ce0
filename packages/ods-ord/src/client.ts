import { odsOrd } from "@nhskit/catalogue";
import { type ApiClient, type ApiClientOptions, createApiClient, NhsValidationError } from "@nhskit/core";
import { DEFAULT_MIN_REQUEST_INTERVAL_MS, spacedFetch } from "./fair-use.js";
import type { paths } from "./generated/openapi.js";
import { withOrdDiagnostics } from "./ord-errors.js";
import {
  check,
  DEFAULT_LIMIT,
  dateSchema,
  MAX_LIMIT,
  type OrganisationSearchParams,
  odsCodeSchema,
  roleIdSchema,
  searchParamsSchema,
  toDay,
  toQuery,
} from "./schemas.js";
import type { CodeSystemConcept, Organisation, OrganisationSummary } from "./types.js";
import { ODS_ORD_VERSION } from "./version.js";

export interface OdsOrdClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /**
   * Least time between the starts of two requests from this client, retries included. Default 200 ms:
   * the API asks callers to stay below 5 requests per second. `0` turns the spacing off (tests, mocks).
   */
  minRequestIntervalMs?: number;
}

/** Per-call options. */
export interface OdsOrdCallOptions {
  signal?: AbortSignal;
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

export interface SearchPage {
  organisations: OrganisationSummary[];
  /** Matches across all pages, from the `X-Total-Count` header when the API sends it. */
  totalCount: number | undefined;
  /** The offset this page started at. */
  offset: number;
  requestId: string;
}

/** Every match of a search, fetched a page at a time as you iterate; `byPage()` for whole pages. */
export interface PagedOrganisations extends AsyncIterable<OrganisationSummary> {
  byPage(): AsyncIterable<SearchPage>;
}

export interface SyncResult {
  /** Links to the full record of every organisation changed since the date. */
  links: string[];
  /** The ODS codes those links end in. */
  odsCodes: string[];
  requestId: string;
}

export interface OdsOrdClient {
  /** Every ORD operation, typed from nhskit's hand-written OpenAPI document. */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** GET /organisations: one page of summary records (20 unless `Limit` says, at most 1,000). */
  searchOrganisations(params?: OrganisationSearchParams, options?: OdsOrdCallOptions): Promise<SearchPage>;
  /**
   * Every summary record matching the search, paging with `Limit`/`Offset` (1,000 a page unless `Limit` says),
   * at most `maxPages` pages (default 100): the API's fair use rules out walking the whole register by accident.
   */
  iterateOrganisations(
    params?: OrganisationSearchParams,
    options?: OdsOrdCallOptions & { maxPages?: number },
  ): PagedOrganisations;
  /** GET /organisations/{odsCode}: the full record. */
  getOrganisation(odsCode: string, options?: OdsOrdCallOptions): Promise<Organisation>;
  /** GET /sync: links to every record changed on or after the date (the API serves about six months). */
  syncOrganisations(lastChangeDate: string | Date, options?: OdsOrdCallOptions): Promise<SyncResult>;
  /** GET /roles: the role code system. */
  listRoles(options?: OdsOrdCallOptions): Promise<CodeSystemConcept[]>;
  /** GET /roles/{roleId}: one role, or undefined when the answer lists none. */
  getRole(roleId: string, options?: OdsOrdCallOptions): Promise<CodeSystemConcept | undefined>;
  /** GET /rels: the relationship type code system. */
  listRelationshipTypes(options?: OdsOrdCallOptions): Promise<CodeSystemConcept[]>;
  /** GET /recordclasses: the record class code system (RC1 organisation, RC2 site). */
  listRecordClasses(options?: OdsOrdCallOptions): Promise<CodeSystemConcept[]>;
}

function call(operation: string, options: OdsOrdCallOptions | undefined) {
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

async function ord<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw withOrdDiagnostics(error);
  }
}

/** The ODS code an OrgLink ends in (`…/organisations/X26` or `…/organisations/X26?_format=xml`). */
export function odsCodeOf(link: string): string | undefined {
  return /\/organisations\/([^/?#]+)/.exec(link)?.[1];
}

/**
 * A client for the ODS ORD API (deprecated: NHS England's successor is the ODS FHIR API, `@nhskit/ods-fhir`).
 * Open access; requests are spaced to respect the API's fair-use limit. Inputs are checked before sending;
 * failures are `NhsApiError` (or another `NhsError`) from `@nhskit/core`.
 */
export function createOdsOrdClient(options: OdsOrdClientOptions): OdsOrdClient {
  const { minRequestIntervalMs = DEFAULT_MIN_REQUEST_INTERVAL_MS, ...rest } = options ?? ({} as OdsOrdClientOptions);
  if (
    typeof minRequestIntervalMs !== "number" ||
    !(minRequestIntervalMs >= 0) ||
    !Number.isFinite(minRequestIntervalMs)
  ) {
    throw new NhsValidationError("createOdsOrdClient", [
      { path: "minRequestIntervalMs", message: "must be a number of milliseconds, 0 or more" },
    ]);
  }
  const base =
    rest.fetch ??
    ((request: Request, init?: Record<string, unknown>) => globalThis.fetch(request, init as RequestInit));
  const raw = createApiClient<paths>({
    ...rest,
    api: odsOrd,
    clientName: `nhskit-ods-ord/${ODS_ORD_VERSION}`,
    fetch: spacedFetch(base, minRequestIntervalMs),
  });

  async function page(query: Record<string, string | number>, operation: string, options?: OdsOrdCallOptions) {
    const { data, response, requestId } = await ord(
      raw.GET("/organisations", { params: { query }, ...call(operation, options) }),
    );
    const header = response.headers.get("x-total-count");
    return {
      organisations: data.Organisations ?? [],
      totalCount: header !== null && /^\d+$/.test(header.trim()) ? Number(header) : undefined,
      offset: Number(query.Offset ?? 0),
      requestId,
    } satisfies SearchPage;
  }

  async function searchOrganisations(params: OrganisationSearchParams = {}, options?: OdsOrdCallOptions) {
    const checked = check("searchOrganisations", searchParamsSchema, params, "params");
    return page(toQuery(checked), "searchOrganisations", options);
  }

  function iterateOrganisations(
    params: OrganisationSearchParams = {},
    options: OdsOrdCallOptions & { maxPages?: number } = {},
  ): PagedOrganisations {
    const query = toQuery(check("iterateOrganisations", searchParamsSchema, params, "params"));
    const limit = Number(query.Limit ?? MAX_LIMIT);
    const maxPages = options.maxPages ?? 100;
    async function* pages(): AsyncGenerator<SearchPage> {
      let offset = Number(query.Offset ?? 0);
      for (let count = 0; count < maxPages; count++) {
        const current = await page({ ...query, Limit: limit, Offset: offset }, "iterateOrganisations", options);
        if (current.organisations.length === 0) return;
        yield current;
        offset += current.organisations.length;
        // Stop on a short page, or once the announced total is reached.
        if (current.organisations.length < limit) return;
        if (current.totalCount !== undefined && offset >= current.totalCount) return;
      }
    }
    return {
      byPage: pages,
      async *[Symbol.asyncIterator]() {
        for await (const p of pages()) yield* p.organisations;
      },
    };
  }

  async function getOrganisation(odsCode: string, options?: OdsOrdCallOptions) {
    const code = check("getOrganisation", odsCodeSchema, odsCode, "odsCode");
    const { data } = await ord(
      raw.GET("/organisations/{odsCode}", { params: { path: { odsCode: code } }, ...call("getOrganisation", options) }),
    );
    return data.Organisation;
  }

  async function syncOrganisations(lastChangeDate: string | Date, options?: OdsOrdCallOptions) {
    const day = toDay(check("syncOrganisations", dateSchema, lastChangeDate, "lastChangeDate"));
    const { data, requestId } = await ord(
      raw.GET("/sync", { params: { query: { LastChangeDate: day } }, ...call("syncOrganisations", options) }),
    );
    const links = (data.Organisations ?? []).map((o) => o.OrgLink);
    return { links, odsCodes: links.flatMap((l) => odsCodeOf(l) ?? []), requestId };
  }

  async function listRoles(options?: OdsOrdCallOptions) {
    const { data } = await ord(raw.GET("/roles", call("listRoles", options)));
    return data.Roles ?? [];
  }

  async function getRole(roleId: string, options?: OdsOrdCallOptions) {
    const id = check("getRole", roleIdSchema, roleId, "roleId").toUpperCase();
    const { data } = await ord(
      raw.GET("/roles/{roleId}", { params: { path: { roleId: id } }, ...call("getRole", options) }),
    );
    return data.Roles?.[0];
  }

  async function listRelationshipTypes(options?: OdsOrdCallOptions) {
    const { data } = await ord(raw.GET("/rels", call("listRelationshipTypes", options)));
    return data.Relationships ?? [];
  }

  async function listRecordClasses(options?: OdsOrdCallOptions) {
    const { data } = await ord(raw.GET("/recordclasses", call("listRecordClasses", options)));
    return data.RecordClasses ?? [];
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    searchOrganisations,
    iterateOrganisations,
    getOrganisation,
    syncOrganisations,
    listRoles,
    getRole,
    listRelationshipTypes,
    listRecordClasses,
  };
}

export { DEFAULT_LIMIT, MAX_LIMIT };
