import { researchDataCatalogue } from "@nhskit/catalogue";
import { anyOrigin, fhirResponse, mirroredHeaders, outcomeResponse, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { CIVIL_REGISTRATION_DEATHS_ID, civilRegistrationDeaths, datasetList } from "./fixtures.js";

export interface ResearchDataCatalogueMockOptions {
  /**
   * Answer like the integration and production proxies: every call needs this value in `apikey` (else 401
   * `forbidden`), and unknown paths get `INVALID_ENDPOINT_PATH`. Off by default: the sandbox is open.
   */
  apiKey?: string;
  /** Live spike arrest: at most this many calls a second (the proxies' default is 5), else 429. */
  spikeArrestPerSecond?: number;
  /** Live quota: at most this many calls a minute (the proxies' default is 300), else 429. */
  quotaPerMinute?: number;
  /** The platform status key `/_status` wants in `apikey`. Default `nhskit-status-key`. */
  statusApiKey?: string;
}

/** `/health-research-data-catalogue`, on the hosted sandbox and `pnpm sandbox` alike. */
export const RESEARCH_DATA_CATALOGUE_BASE_PATH = sandboxBasePath(researchDataCatalogue);

const json = (request: Request, body: unknown, status = 200) =>
  HttpResponse.json(body as object, { status, headers: mirroredHeaders(request) });

function datasetNotFound(request: Request) {
  return outcomeResponse(request, 404, {
    code: "not-found",
    spineCode: "RESOURCE_NOT_FOUND",
    version: "1",
    display: "Dataset not found with this persistent identifier.",
  });
}

function invalidEndpoint(request: Request) {
  return outcomeResponse(request, 404, {
    code: "not-found",
    spineCode: "INVALID_ENDPOINT_PATH",
    version: "1",
    display: "No handler found for this path.",
  });
}

function expressNotFound(method: string, path: string) {
  const html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${path}</pre>\n</body>\n</html>\n`;
  return new HttpResponse(html, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

const STATUS_BODY = {
  status: "pass",
  ping: "pong",
  service: "health-research-data-catalogue",
  version: { releaseVersion: "nhskit-mock", commitId: "local" },
};

/**
 * msw handlers that answer like the hosted Health Research Data Catalogue sandbox: the canned list (whatever
 * the query), the one canned data set, 404 OperationOutcomes for every other id, and any HTTP method answered
 * alike. Options turn on the live proxies' key check and rate limits.
 */
export function researchDataCatalogueHandlers(options: ResearchDataCatalogueMockOptions = {}): RequestHandler[] {
  const statusKey = options.statusApiKey ?? "nhskit-status-key";
  const calls: number[] = [];

  function throttled(request: Request): Response | undefined {
    if (options.spikeArrestPerSecond === undefined && options.quotaPerMinute === undefined) return undefined;
    const now = Date.now();
    while (calls.length && calls[0]! <= now - 60_000) calls.shift();
    const lastSecond = calls.filter((t) => t > now - 1000).length;
    const over =
      (options.spikeArrestPerSecond !== undefined && lastSecond >= options.spikeArrestPerSecond) ||
      (options.quotaPerMinute !== undefined && calls.length >= options.quotaPerMinute);
    if (over) {
      return outcomeResponse(request, 429, {
        code: "throttled",
        spineCode: "TOO_MANY_REQUESTS",
        version: "1",
        display: "You have exceeded your application's rate limit.",
      });
    }
    calls.push(now);
    return undefined;
  }

  function route(request: Request): Response {
    const url = new URL(request.url);
    const path = url.pathname.slice(RESEARCH_DATA_CATALOGUE_BASE_PATH.length).replace(/\/+$/, "") || "/";
    const method = request.method.toUpperCase();
    const live = options.apiKey !== undefined;

    if (path === "/_ping" || path === "/health") return json(request, STATUS_BODY);
    if (path === "/_status") {
      return request.headers.get("apikey") === statusKey
        ? json(request, STATUS_BODY)
        : new HttpResponse("", { status: 401, headers: { "Content-Type": "text/plain" } });
    }
    if (live && request.headers.get("apikey") !== options.apiKey) {
      return fhirResponse(
        request,
        {
          resourceType: "OperationOutcome",
          issue: [
            {
              severity: "error",
              code: "forbidden",
              diagnostics: `API Key in header apikey is invalid or missing. Message ID: ${crypto.randomUUID()}`,
            },
          ],
        },
        { status: 401 },
      );
    }
    const limited = live ? throttled(request) : undefined;
    if (limited) return limited;

    if (path === "/hello" && !live) return json(request, { message: "hello world" });
    if (path === "/datasets") return json(request, datasetList);
    if (path.startsWith("/datasets/")) {
      return path === `/datasets/${CIVIL_REGISTRATION_DEATHS_ID}`
        ? json(request, civilRegistrationDeaths)
        : datasetNotFound(request);
    }
    return live ? invalidEndpoint(request) : expressNotFound(method, path);
  }

  return [
    http.all(anyOrigin(RESEARCH_DATA_CATALOGUE_BASE_PATH), ({ request }) => route(request)),
    http.all(anyOrigin(RESEARCH_DATA_CATALOGUE_BASE_PATH, "/*"), ({ request }) => route(request)),
  ];
}
