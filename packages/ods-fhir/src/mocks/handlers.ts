import { odsFhir } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { capabilityStatement } from "./capability.js";
import {
  affiliationResource,
  deletionLists,
  type OrgRow,
  organizationResource,
  SYNTHETIC_SOURCE,
  searchParameters,
  syntheticAffiliation,
  syntheticOrganization,
} from "./fixtures.js";
import { accessDenied, hapiError, json, throttled, tooLarge, xml } from "./responses.js";
import {
  affiliationEntry,
  affiliationFilters,
  affiliationsOf,
  findAffiliation,
  findOrganization,
  matchAffiliations,
  matchOrganizations,
  organizationEntry,
  organizationFilters,
  paging,
  type SearchProblem,
  searchBundle,
  slice,
  total,
  unknownParameter,
} from "./search.js";
import { codeSystemResource, codeSystems, expand, expansionResource, readExpandRequest } from "./terminology.js";

export interface OdsFhirMockOptions {
  /**
   * Require this `apikey`, as integration and production do (401 ACCESS_DENIED when it is missing or
   * different). Default: none, like the hosted sandbox, which is open.
   */
  apiKey?: string;
  /** Largest answer before the platform's 422 "Response exceeds APIM size limit". Default 10 MB. */
  maxResponseBytes?: number;
  /** Requests per window before 429. Default 5,000 per 5 minutes (the documented guidance); `false`: none. */
  rateLimit?: { requests: number; windowMs: number } | false;
  /** The `apikey` that opens `GET /_status` (default: none does). */
  statusApiKey?: string;
}

/** The ODS FHIR sandbox path: `/organisation-data-terminology-api/fhir`. */
export const ODS_FHIR_BASE_PATH = sandboxBasePath(odsFhir);

/** The largest expansion ODS serves in one answer. */
const MAX_EXPANSION = 50_000;
const TEN_MB = 10 * 1024 * 1024;

const problem = (p: SearchProblem) => hapiError(p.status, p.code, p.diagnostics);
const isProblem = (v: unknown): v is SearchProblem => typeof (v as SearchProblem).diagnostics === "string";

function notKnown(type: string, id: string) {
  return hapiError(404, "processing", `HAPI-2001: Resource ${type}/${id} is not known`);
}

function methodNotAllowed(method: string, allowed: string) {
  return hapiError(
    405,
    "processing",
    `HAPI-0427: HTTP Method ${method} is not allowed for this operation. Methods allowed for this operation are: [${allowed}]`,
    { Allow: allowed },
  );
}

const wantsXml = (request: Request) => {
  const format = new URL(request.url).searchParams.get("_format") ?? "";
  return /xml/i.test(format) || /xml/i.test(request.headers.get("content-type") ?? "");
};

/**
 * msw handlers that answer like the ODS FHIR API on any origin under `/organisation-data-terminology-api/fhir`:
 * HAPI-style searches with offset paging and next links, reads, deletion lists, code systems, `$expand`,
 * the proxy's CapabilityStatement, its 422 size limit, and optionally its API-key check and rate limit.
 */
export function odsFhirHandlers(options: OdsFhirMockOptions = {}): RequestHandler[] {
  const at = (path: string) => anyOrigin(ODS_FHIR_BASE_PATH, path);
  const maxBytes = options.maxResponseBytes ?? TEN_MB;
  const limit = options.rateLimit === false ? undefined : (options.rateLimit ?? { requests: 5000, windowMs: 300_000 });
  const recent: number[] = [];

  /** The proxy's checks (API key, rate limit); a Response when the request stops there. */
  function proxy(request: Request): Response | undefined {
    if (options.apiKey !== undefined) {
      const key = request.headers.get("apikey");
      if (!key) return accessDenied("Failed to resolve API Key variable request.header.apikey");
      if (key !== options.apiKey) return accessDenied("Invalid ApiKey");
    }
    if (limit) {
      const now = Date.now();
      while (recent.length && (recent[0] ?? 0) <= now - limit.windowMs) recent.shift();
      if (recent.length >= limit.requests) return throttled();
      recent.push(now);
    }
    return undefined;
  }

  /** JSON, unless it is over the size limit. */
  function sized(request: Request, body: unknown) {
    const text = JSON.stringify(body);
    if (new TextEncoder().encode(text).byteLength > maxBytes) return tooLarge(wantsXml(request));
    return new HttpResponse(text, { headers: { "Content-Type": "application/fhir+json;charset=utf-8" } });
  }

  /**
   * Whether a page of organisations stays under the size limit, judged before rendering it: synthetic
   * records all render to about the same size, so one stands for all of them.
   */
  function withinLimit(base: string, rows: readonly OrgRow[]): boolean {
    const synthetic = JSON.stringify(organizationEntry(base, syntheticOrganization(0), "match")).length + 16;
    let bytes = 0;
    for (const row of rows) {
      bytes +=
        row.source === SYNTHETIC_SOURCE ? synthetic : JSON.stringify(organizationEntry(base, row, "match")).length;
      if (bytes > maxBytes) return false;
    }
    return true;
  }

  const root = (request: Request) => `${new URL(request.url).origin}${ODS_FHIR_BASE_PATH}`;

  /** A GET-only route behind the proxy checks. */
  const get = (
    path: string,
    answer: (request: Request, params: Record<string, string>) => Response | Promise<Response>,
  ) =>
    http.all(at(path), ({ request, params }) => {
      const stop = proxy(request);
      if (stop) return stop;
      if (request.method !== "GET") return methodNotAllowed(request.method, "GET");
      return answer(request, params as Record<string, string>);
    });

  function searchOrganizations(request: Request) {
    const url = new URL(request.url);
    const query = url.searchParams;
    const unknown = unknownParameter("Organization", query);
    if (unknown) return problem(unknown);
    const page = paging(query);
    if (isProblem(page)) return problem(page);
    const filters = organizationFilters(query);
    if (isProblem(filters)) return problem(filters);
    const matches = matchOrganizations(filters);
    const count = page.summaryCount ? 0 : page.count;
    const rows = slice(matches, page.offset, page.offset + count, syntheticOrganization);
    const base = root(request);
    if (!withinLimit(base, rows)) return tooLarge(wantsXml(request));
    const entries = rows.map((row) => organizationEntry(base, row, "match"));
    for (const value of query.getAll("_revinclude")) {
      const side = value.endsWith(":participating-organization") ? "participating" : "primary";
      for (const row of rows)
        for (const a of affiliationsOf(row.code, side)) entries.push(affiliationEntry(base, a, "include"));
    }
    return sized(request, searchBundle(url, entries, { ...page, count, total: total(matches) }));
  }

  function searchAffiliations(request: Request) {
    const url = new URL(request.url);
    const query = url.searchParams;
    const unknown = unknownParameter("OrganizationAffiliation", query);
    if (unknown) return problem(unknown);
    const page = paging(query);
    if (isProblem(page)) return problem(page);
    const matches = matchAffiliations(query, affiliationFilters(query));
    const count = page.summaryCount ? 0 : page.count;
    const rows = slice(matches, page.offset, page.offset + count, syntheticAffiliation);
    const base = root(request);
    const entries = rows.map((row) => affiliationEntry(base, row, "match"));
    const included = new Set<string>();
    for (const value of query.getAll("_include")) {
      const side = value.endsWith(":participating-organization") ? "participating" : "primary";
      for (const row of rows) {
        const code = side === "primary" ? row.primary : row.participating;
        const org = findOrganization(code);
        if (org && !included.has(org.code)) {
          included.add(org.code);
          entries.push(organizationEntry(base, org, "include"));
        }
      }
    }
    return sized(request, searchBundle(url, entries, { ...page, count, total: total(matches) }));
  }

  /** A search over a short fixed list (List, SearchParameter, CodeSystem). */
  function listSearch<T extends { id: string; resourceType: string }>(request: Request, type: string, items: T[]) {
    const url = new URL(request.url);
    const unknown = unknownParameter(type, url.searchParams);
    if (unknown) return problem(unknown);
    const page = paging(url.searchParams);
    if (isProblem(page)) return problem(page);
    const count = page.summaryCount ? 0 : page.count;
    const base = root(request);
    const entries = items.slice(page.offset, page.offset + count).map((resource) => ({
      fullUrl: `${base}/${type}/${resource.id}`,
      resource,
      search: { mode: "match" as const },
    }));
    return sized(request, searchBundle(url, entries, { ...page, count, total: items.length }));
  }

  function searchCodeSystems(request: Request) {
    const query = new URL(request.url).searchParams;
    const summaryParam = query.get("_summary");
    const full = summaryParam === "false" || summaryParam === "data";
    const system = query.get("system") ?? query.get("url");
    const code = query.get("code");
    const matching = codeSystems.filter(
      (s) =>
        (system === null || s.url === system) &&
        (code === null ||
          (s.concepts?.some((c) => c.code === code) ?? false) ||
          (s.name === "ods-organization-code" && findOrganization(code) !== undefined)),
    );
    if (full && matching.some((s) => s.large)) {
      return hapiError(422, "too-costly", "Too many records requested (Use _count and _offset)");
    }
    return listSearch(
      request,
      "CodeSystem",
      matching.map((s) => codeSystemResource(s, !full)),
    );
  }

  async function expandValueSet(request: Request) {
    const stop = proxy(request);
    if (stop) return stop;
    if (request.method !== "POST") return methodNotAllowed(request.method, "POST");
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return hapiError(400, "processing", "HAPI-1861: Failed to parse request body as JSON resource");
    }
    const parsed = readExpandRequest(body);
    if (typeof parsed === "string") return hapiError(400, "processing", parsed);
    const outcome = expand(parsed, MAX_EXPANSION);
    switch (outcome.kind) {
      case "unknown-system":
        return hapiError(404, "not-found", `Unable to find CodeSystem ${parsed.system}`);
      case "no-filter":
        return hapiError(422, "processing", "No declared filter on Codesystem");
      case "too-costly":
        return hapiError(422, "too-costly", "Too many records requested (Use _count and _offset)");
      case "ok":
        return sized(request, expansionResource(parsed, outcome.total, outcome.codes));
    }
  }

  return [
    http.get(at("/_ping"), () =>
      HttpResponse.json({ version: "nhskit-mock", revision: "0", releaseId: "0", commitId: "nhskit-mock" }),
    ),
    http.get(at("/_status"), ({ request }) =>
      options.statusApiKey && request.headers.get("apikey") === options.statusApiKey
        ? HttpResponse.json({ status: "pass", version: "nhskit-mock" })
        : accessDenied("Invalid ApiKey for _status"),
    ),
    get("/metadata", (request) =>
      // The proxy answers XML only when the query string is exactly `_format=xml`.
      new URL(request.url).search === "?_format=xml" ? xml(capabilityStatement) : json(capabilityStatement),
    ),
    get("/Organization", searchOrganizations),
    get("/Organization/:id", (_request, { id = "" }) => {
      const row = findOrganization(id);
      return row ? json(organizationResource(row)) : notKnown("Organization", id);
    }),
    get("/OrganizationAffiliation", searchAffiliations),
    get("/OrganizationAffiliation/:id", (_request, { id = "" }) => {
      const row = findAffiliation(id);
      return row ? json(affiliationResource(row)) : notKnown("OrganizationAffiliation", id);
    }),
    get("/List", (request) => listSearch(request, "List", deletionLists)),
    get("/List/:id", (_request, { id = "" }) => {
      const list = deletionLists.find((l) => l.id === id);
      return list ? json(list) : notKnown("List", id);
    }),
    get("/SearchParameter", (request) => listSearch(request, "SearchParameter", searchParameters)),
    get("/CodeSystem", searchCodeSystems),
    get("/CodeSystem/:id", (_request, { id = "" }) => {
      const system = codeSystems.find((s) => codeSystemResource(s, true).id === id);
      return system ? json(codeSystemResource(system, !system.concepts)) : notKnown("CodeSystem", id);
    }),
    http.all(at("/ValueSet/$expand"), ({ request }) => expandValueSet(request)),
    http.all(at("/:type"), ({ request, params }) => {
      const stop = proxy(request);
      if (stop) return stop;
      return hapiError(
        404,
        "not-supported",
        `HAPI-0302: Unknown resource type '${String(params.type)}' - Server knows how to handle: [CodeSystem, List, Organization, OrganizationAffiliation, SearchParameter, ValueSet]`,
      );
    }),
  ];
}
