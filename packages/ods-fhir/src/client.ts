import { odsFhir } from "@nhskit/catalogue";
import {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  NhsApiError,
  NhsValidationError,
  type PagedEntries,
  type PageOptions,
  paginate,
} from "@nhskit/core";
import type { paths } from "./generated/openapi.js";
import type { DeletionListId } from "./ods.js";
import {
  type AffiliationSearchParams,
  affiliationSearchSchema,
  type CodeSystemSearchParams,
  check,
  codeSystemSearchSchema,
  deletionListSchema,
  type ExpandValueSetInput,
  expandSchema,
  fhirIdSchema,
  type OrganizationSearchParams,
  odsCodeSchema,
  organizationSearchSchema,
  toQuery,
} from "./schemas.js";
import type {
  Bundle,
  CapabilityStatement,
  CodeSystem,
  CodeSystemBundle,
  List,
  Organization,
  OrganizationAffiliation,
  OrganizationAffiliationBundle,
  OrganizationBundle,
  Parameters,
  ParametersParameter,
  Resource,
  ValueSet,
  ValueSetContains,
} from "./types.js";
import { ODS_FHIR_VERSION } from "./version.js";

export type OdsFhirClientOptions = Omit<ApiClientOptions, "api" | "document" | "clientName">;

/** Per-call options. */
export interface OdsFhirCallOptions {
  signal?: AbortSignal;
  requestId?: string;
  correlationId?: string;
  timeoutMs?: number;
}

/** One page of a search. */
export interface SearchPage<R extends Resource, B> {
  /** The matches on this page (entries with search mode `match`). */
  resources: R[];
  /** Resources added by `_include` / `_revinclude`. */
  included: Resource[];
  /** Matches across all pages, when the server counted them (always with `_count=0` or `_summary=count`). */
  total: number | undefined;
  /** The next page's URL, if there is one; `iterate…` methods follow it for you. */
  next: string | undefined;
  bundle: B;
  requestId: string;
}

/** Every match of a search across all pages, fetched page by page as you iterate; `byPage()` for Bundles. */
export interface PagedResources<R, B> extends AsyncIterable<R> {
  byPage(): AsyncIterable<B>;
}

export interface Expansion {
  /** The codes on this page. */
  contains: ValueSetContains[];
  /** All matching codes, across pages. */
  total: number | undefined;
  offset: number | undefined;
  valueSet: ValueSet;
  requestId: string;
}

export interface OdsFhirClient {
  /** Every operation in the OpenAPI document, typed (bodies are `unknown` upstream: cast to the types here). */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** GET /Organization: one page of organisations and sites. */
  searchOrganizations(
    params?: OrganizationSearchParams,
    options?: OdsFhirCallOptions,
  ): Promise<SearchPage<Organization, OrganizationBundle>>;
  /** Every matching organisation, following the Bundle's next links. */
  iterateOrganizations(
    params?: OrganizationSearchParams,
    options?: PageOptions,
  ): PagedResources<Organization, OrganizationBundle>;
  /** How many organisations match (`_count=0`: a count, no records). */
  countOrganizations(params?: OrganizationSearchParams, options?: OdsFhirCallOptions): Promise<number>;
  /** GET /Organization/{id}: one organisation or site by ODS code. */
  getOrganization(odsCode: string, options?: OdsFhirCallOptions): Promise<Organization>;
  /** GET /OrganizationAffiliation: one page of relationships. */
  searchAffiliations(
    params?: AffiliationSearchParams,
    options?: OdsFhirCallOptions,
  ): Promise<SearchPage<OrganizationAffiliation, OrganizationAffiliationBundle>>;
  /** Every matching relationship, following next links. */
  iterateAffiliations(
    params?: AffiliationSearchParams,
    options?: PageOptions,
  ): PagedResources<OrganizationAffiliation, OrganizationAffiliationBundle>;
  /** How many relationships match. */
  countAffiliations(params?: AffiliationSearchParams, options?: OdsFhirCallOptions): Promise<number>;
  /** GET /OrganizationAffiliation/{id}: one relationship by its id. */
  getAffiliation(id: string, options?: OdsFhirCallOptions): Promise<OrganizationAffiliation>;
  /** GET /List/{id}: one of the four deletion lists. */
  getDeletionList(id: DeletionListId, options?: OdsFhirCallOptions): Promise<List>;
  /** GET /CodeSystem: code systems (summaries unless `_summary: false`). */
  searchCodeSystems(
    params?: CodeSystemSearchParams,
    options?: OdsFhirCallOptions,
  ): Promise<SearchPage<CodeSystem, CodeSystemBundle>>;
  /** POST /ValueSet/$expand: codes of one code system, filtered, a page at a time. */
  expandValueSet(input: ExpandValueSetInput | Parameters, options?: OdsFhirCallOptions): Promise<Expansion>;
  /** Every code of an expansion, paging with count and offset (1,000 a page unless `count` says). */
  iterateExpansion(
    input: ExpandValueSetInput,
    options?: OdsFhirCallOptions & { maxPages?: number },
  ): AsyncIterable<ValueSetContains>;
  /** GET /metadata: the server's CapabilityStatement. */
  getCapabilityStatement(options?: OdsFhirCallOptions): Promise<CapabilityStatement>;
}

/** The `HAPI-nnnn` code in an ODS error's diagnostics (`HAPI-0524` unknown parameter, `HAPI-2001` unknown id). */
export function hapiCode(error: unknown): string | undefined {
  if (!(error instanceof NhsApiError)) return undefined;
  const text = [error.diagnostics, ...error.issues.map((i) => i.diagnostics)].join(" ");
  return /\bHAPI-\d{4}\b/.exec(text)?.[0];
}

function call(operation: string, options: OdsFhirCallOptions | undefined) {
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

function page<R extends Resource, B extends Bundle>(bundle: B, type: R["resourceType"], requestId: string) {
  const entries = bundle.entry ?? [];
  const resources = entries.flatMap((e) =>
    e.resource?.resourceType === type && e.search?.mode !== "include" ? [e.resource as R] : [],
  );
  const included = entries.flatMap((e) => (e.resource && !resources.includes(e.resource as R) ? [e.resource] : []));
  return {
    resources,
    included,
    total: bundle.total,
    next: bundle.link?.find((l) => l.relation === "next")?.url,
    bundle,
    requestId,
  } satisfies SearchPage<R, B>;
}

function resourcesOf<R extends Resource, B extends Bundle>(
  paged: PagedEntries<B>,
  type: R["resourceType"],
): PagedResources<R, B> {
  return {
    byPage: () => paged.byPage(),
    async *[Symbol.asyncIterator]() {
      for await (const entry of paged) {
        const e = entry as { resource?: Resource; search?: { mode?: string } };
        if (e.resource?.resourceType === type && e.search?.mode !== "include") yield e.resource as R;
      }
    },
  };
}

/** The Parameters body ODS expects for `$expand`, built from typed input. */
export function expansionParameters(input: ExpandValueSetInput): Parameters {
  const parameter: ParametersParameter[] = [
    {
      name: "valueSet",
      resource: {
        resourceType: "ValueSet",
        compose: {
          ...(input.inactive !== undefined ? { inactive: input.inactive } : {}),
          include: [{ system: input.system, ...(input.filters?.length ? { filter: input.filters } : {}) }],
        },
      },
    },
  ];
  if (input.activeOnly !== undefined) parameter.push({ name: "activeOnly", valueBoolean: input.activeOnly });
  for (const property of input.properties ?? []) parameter.push({ name: "property", valueString: property });
  if (input.count !== undefined) parameter.push({ name: "count", valueInteger: input.count });
  if (input.offset !== undefined) parameter.push({ name: "offset", valueInteger: input.offset });
  return { resourceType: "Parameters", parameter };
}

/**
 * A client for the ODS FHIR API (Organisation Data Terminology). ODS codes and search parameters are
 * checked before anything is sent; failures are `NhsApiError` (or another `NhsError`) from `@nhskit/core`,
 * with the server's `HAPI-nnnn` code readable through `hapiCode(error)`.
 */
export function createOdsFhirClient(options: OdsFhirClientOptions): OdsFhirClient {
  const raw = createApiClient<paths>({ ...options, api: odsFhir, clientName: `nhskit-ods-fhir/${ODS_FHIR_VERSION}` });

  async function organizationPage(query: Record<string, unknown>, operation: string, options?: OdsFhirCallOptions) {
    const { data, requestId } = await raw.GET("/Organization", {
      params: { query: toQuery(query) as never },
      ...call(operation, options),
    });
    return { data: data as OrganizationBundle, requestId };
  }

  async function affiliationPage(query: Record<string, unknown>, operation: string, options?: OdsFhirCallOptions) {
    const { data, requestId } = await raw.GET("/OrganizationAffiliation", {
      params: { query: toQuery(query) as never },
      ...call(operation, options),
    });
    return { data: data as OrganizationAffiliationBundle, requestId };
  }

  async function searchOrganizations(params: OrganizationSearchParams = {}, options?: OdsFhirCallOptions) {
    const query = check("searchOrganizations", organizationSearchSchema, params, "params");
    const { data, requestId } = await organizationPage(query, "searchOrganizations", options);
    return page<Organization, OrganizationBundle>(data, "Organization", requestId);
  }

  function iterateOrganizations(params: OrganizationSearchParams = {}, options: PageOptions = {}) {
    const query = check("iterateOrganizations", organizationSearchSchema, params, "params");
    return resourcesOf<Organization, OrganizationBundle>(
      paginate(raw, () => organizationPage(query, "iterateOrganizations", options), options),
      "Organization",
    );
  }

  async function countOrganizations(params: OrganizationSearchParams = {}, options?: OdsFhirCallOptions) {
    const query = check("countOrganizations", organizationSearchSchema, { ...params, _count: 0 }, "params");
    const { data } = await organizationPage(query, "countOrganizations", options);
    return data.total ?? 0;
  }

  async function getOrganization(odsCode: string, options?: OdsFhirCallOptions) {
    const id = check("getOrganization", odsCodeSchema, odsCode, "odsCode");
    const { data } = await raw.GET("/Organization/{id}", {
      params: { path: { id } },
      ...call("getOrganization", options),
    });
    return data as Organization;
  }

  async function searchAffiliations(params: AffiliationSearchParams = {}, options?: OdsFhirCallOptions) {
    const query = check("searchAffiliations", affiliationSearchSchema, params, "params");
    const { data, requestId } = await affiliationPage(query, "searchAffiliations", options);
    return page<OrganizationAffiliation, OrganizationAffiliationBundle>(data, "OrganizationAffiliation", requestId);
  }

  function iterateAffiliations(params: AffiliationSearchParams = {}, options: PageOptions = {}) {
    const query = check("iterateAffiliations", affiliationSearchSchema, params, "params");
    return resourcesOf<OrganizationAffiliation, OrganizationAffiliationBundle>(
      paginate(raw, () => affiliationPage(query, "iterateAffiliations", options), options),
      "OrganizationAffiliation",
    );
  }

  async function countAffiliations(params: AffiliationSearchParams = {}, options?: OdsFhirCallOptions) {
    const query = check("countAffiliations", affiliationSearchSchema, { ...params, _count: 0 }, "params");
    const { data } = await affiliationPage(query, "countAffiliations", options);
    return data.total ?? 0;
  }

  async function getAffiliation(id: string, options?: OdsFhirCallOptions) {
    const checked = check("getAffiliation", fhirIdSchema, id, "id");
    const { data } = await raw.GET("/OrganizationAffiliation/{id}", {
      params: { path: { id: checked } },
      ...call("getAffiliation", options),
    });
    return data as OrganizationAffiliation;
  }

  async function getDeletionList(id: DeletionListId, options?: OdsFhirCallOptions) {
    const checked = check("getDeletionList", deletionListSchema, id, "id");
    const { data } = await raw.GET("/List/{id}", {
      params: { path: { id: checked } },
      ...call("getDeletionList", options),
    });
    return data as List;
  }

  async function searchCodeSystems(params: CodeSystemSearchParams = {}, options?: OdsFhirCallOptions) {
    const query = check("searchCodeSystems", codeSystemSearchSchema, params, "params");
    const { data, requestId } = await raw.GET("/CodeSystem/", {
      params: { query: toQuery(query) as never },
      ...call("searchCodeSystems", options),
    });
    return page<CodeSystem, CodeSystemBundle>(data as CodeSystemBundle, "CodeSystem", requestId);
  }

  async function expandValueSet(input: ExpandValueSetInput | Parameters, options?: OdsFhirCallOptions) {
    let body: Parameters;
    if ((input as Parameters | undefined)?.resourceType === "Parameters") {
      body = input as Parameters;
    } else if ((input as { resourceType?: unknown } | undefined)?.resourceType !== undefined) {
      throw new NhsValidationError("expandValueSet", [
        { path: "input", message: "must be a Parameters resource or { system, filters?, count?, ... }" },
      ]);
    } else {
      body = expansionParameters(check("expandValueSet", expandSchema, input, "input"));
    }
    const { data, requestId } = await raw.POST("/ValueSet/$expand", {
      body: body as never,
      headers: { "Content-Type": "application/fhir+json" },
      ...call("expandValueSet", options),
    });
    const valueSet = data as ValueSet;
    return {
      contains: valueSet.expansion?.contains ?? [],
      total: valueSet.expansion?.total,
      offset: valueSet.expansion?.offset,
      valueSet,
      requestId,
    };
  }

  async function* iterateExpansion(input: ExpandValueSetInput, options?: OdsFhirCallOptions & { maxPages?: number }) {
    const checked = check("iterateExpansion", expandSchema, input, "input");
    const count = checked.count ?? 1000;
    let offset = checked.offset ?? 0;
    const maxPages = options?.maxPages ?? 1000;
    for (let pages = 0; pages < maxPages; pages++) {
      const result = await expandValueSet({ ...checked, count, offset }, options);
      yield* result.contains;
      offset += result.contains.length;
      if (result.contains.length === 0 || (result.total !== undefined && offset >= result.total)) return;
    }
  }

  async function getCapabilityStatement(options?: OdsFhirCallOptions) {
    const { data } = await raw.GET("/metadata", call("getCapabilityStatement", options));
    return data as CapabilityStatement;
  }

  return {
    raw,
    baseUrl: raw.baseUrl,
    searchOrganizations,
    iterateOrganizations,
    countOrganizations,
    getOrganization,
    searchAffiliations,
    iterateAffiliations,
    countAffiliations,
    getAffiliation,
    getDeletionList,
    searchCodeSystems,
    expandValueSet,
    iterateExpansion,
    getCapabilityStatement,
  };
}
