import { serviceSearch } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import {
  allOrganisations,
  byLocation,
  byNameFiltered,
  closingTime,
  geocodeOrdered,
  nearestByPostcode,
  noOrganisations,
  serviceCodeFiltered,
  singleOrganisation,
  wheelchairAccess,
} from "./fixtures.js";

export interface ServiceSearchMockOptions {
  /**
   * Answer like the integration and production proxies instead of the open sandbox: every search needs this
   * value in the `apikey` header, and a missing or different key gets Apigee's 401
   * `{statusCode: 401, message: "API key invalid"}` (unquoted keys: not JSON). The proxies also accept the
   * POST search on `/search`.
   */
  apiKey?: string;
  /** The platform status key `/_status` wants in `apikey`. Default `nhskit-status-key`. */
  statusApiKey?: string;
}

/** The Service Search path, `/service-search-api`, on the hosted sandbox and `pnpm sandbox` alike. */
export const SERVICE_SEARCH_BASE_PATH = sandboxBasePath(serviceSearch);

/** The filters and order the hosted sandbox recognises, compared as exact strings (fact 18). */
export const SANDBOX_QUERIES = {
  epsEnabled: "IsEpsEnabled eq 'true'",
  distanceSelling:
    "IsEpsEnabled eq 'true' and OrganisationTypeId eq 'PHA' and OrganisationSubType eq 'DistanceSelling'",
  community: "IsEpsEnabled eq 'true' and OrganisationTypeId eq 'PHA' and OrganisationSubType eq 'Community'",
  nearMiltonKeynes: "geo.distance(Geocode, geography'POINT(-0.76444095373153675 52.000820159912109)')",
  postcodeB11:
    "search.ismatch('B11', 'Postcode') and IsEpsEnabled eq 'true' and OrganisationTypeId eq 'PHA' and OrganisationSubType eq 'Community'",
  wheelchair: "Facilities / any (x: x/Name eq 'Wheelchair access' and x/Value eq 'Yes') and IsEpsEnabled eq 'true'",
  closesAt14: "OpeningTimes / any (x: x/ClosingTime eq '14:00')",
} as const;

const RESOURCE_NOT_FOUND = { statusCode: 404, message: "Resource not found" };

/** Express's own answer for a route it does not have. */
function expressNotFound(method: string, path: string) {
  const html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${path}</pre>\n</body>\n</html>\n`;
  return new HttpResponse(html, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

interface Scenario {
  search?: string | undefined;
  searchFields?: string | undefined;
  filter?: string | undefined;
  orderby?: string | undefined;
}

/** The canned answer for scenarios 8 to 15, or undefined. */
function cannedAnswer(s: Scenario) {
  const q = SANDBOX_QUERIES;
  if (s.search === "Y02494") return singleOrganisation;
  if (s.searchFields === "ODSCode" && s.filter === q.epsEnabled) return serviceCodeFiltered;
  if (s.search === "pharmacy2u" && s.searchFields === "OrganisationName" && s.filter === q.distanceSelling)
    return byNameFiltered;
  if (s.search === "Bletchley" && s.searchFields === "Address3,City,County") return byLocation;
  if (s.filter === q.community && s.orderby === q.nearMiltonKeynes) return geocodeOrdered;
  if (s.filter === q.postcodeB11) return nearestByPostcode;
  if (s.search === "Bletchley" && s.searchFields === "Address3" && s.filter === q.wheelchair) return wheelchairAccess;
  if (s.search === "Bletchley" && s.searchFields === "Address3" && s.filter === q.closesAt14) return closingTime;
  return undefined;
}

/** One value of a query parameter; a repeated parameter is an array in Express and never matches. */
function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  if (all.length === 0) return undefined;
  return all.length === 1 ? all[0] : `\u0000${all.join("\u0000")}`;
}

function searchGet(request: Request) {
  const params = new URL(request.url).searchParams;
  const search = single(params, "search");
  const answer = cannedAnswer({
    search,
    searchFields: single(params, "searchFields"),
    filter: single(params, "$filter"),
    orderby: single(params, "$orderby"),
  });
  if (answer) return HttpResponse.json(answer);
  // Any other search text finds nothing; no search text at all lists everything.
  return HttpResponse.json(search ? noOrganisations : allOrganisations);
}

async function readBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
  const text = await request.text();
  if (!text) return { ok: true, body: undefined };
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) {
    return { ok: true, body: Object.fromEntries(new URLSearchParams(text)) };
  }
  if (!type.includes("json")) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

async function searchPost(request: Request) {
  const read = await readBody(request);
  // A body Express cannot parse ends in the app's error handler.
  if (!read.ok) return HttpResponse.json({ error: "something went wrong" }, { status: 500 });
  const body = read.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return HttpResponse.json(noOrganisations);
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const answer = cannedAnswer({
    search: str(b.search),
    searchFields: str(b.searchFields),
    filter: str(b.filter),
    orderby: str(b.orderby),
  });
  if (answer) return HttpResponse.json(answer);
  return HttpResponse.json(b.search === "no-organisation" ? noOrganisations : allOrganisations);
}

const STATUS_BODY = {
  status: "pass",
  ping: "pong",
  service: "service-search-api",
  version: { releaseVersion: "nhskit-mock", commitId: "local" },
};

/**
 * msw handlers that answer like the hosted Service Search v3 sandbox under `/service-search-api`: the canned
 * searches, the `api-version=3` rule, Express's 404s and the health routes. Pass `apiKey` to answer like the
 * key-checking integration and production proxies instead.
 */
export function serviceSearchHandlers(options: ServiceSearchMockOptions = {}): RequestHandler[] {
  const statusKey = options.statusApiKey ?? "nhskit-status-key";

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.slice(SERVICE_SEARCH_BASE_PATH.length).replace(/\/+$/, "") || "/";
    const method = request.method.toUpperCase();

    if (method === "GET" && (path === "/_ping" || path === "/health")) return HttpResponse.json(STATUS_BODY);
    if (method === "GET" && path === "/_status") {
      if (request.headers.get("apikey") !== statusKey) {
        return new HttpResponse("", { status: 401, headers: { "Content-Type": "text/plain" } });
      }
      return HttpResponse.json(STATUS_BODY);
    }

    const isSearch = path === "/" && (method === "GET" || method === "POST");
    const isLiveSearchPath = options.apiKey !== undefined && path === "/search" && method === "POST";
    if (!isSearch && !isLiveSearchPath) return expressNotFound(method, path);

    if (options.apiKey !== undefined && request.headers.get("apikey") !== options.apiKey) {
      return new HttpResponse('{statusCode: 401, message: "API key invalid"}', {
        status: 401,
        headers: { "Content-Type": "application/json" },
      });
    }
    // api-version must be exactly "3"; this is checked before anything else.
    const versions = url.searchParams.getAll("api-version");
    if (versions.length !== 1 || versions[0] !== "3") return HttpResponse.json(RESOURCE_NOT_FOUND, { status: 404 });
    return method === "GET" ? searchGet(request) : searchPost(request);
  }

  return [
    http.all(anyOrigin(SERVICE_SEARCH_BASE_PATH), ({ request }) => route(request)),
    http.all(anyOrigin(SERVICE_SEARCH_BASE_PATH, "/*"), ({ request }) => route(request)),
  ];
}
