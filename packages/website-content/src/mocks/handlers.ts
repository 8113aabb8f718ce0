import { websiteContent } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import {
  acne,
  acrivastine,
  HUBS,
  hubPage,
  LISTINGS,
  letterPage,
  listingPage,
  manifestPage,
  subPage,
} from "./fixtures.js";

export interface WebsiteContentMockOptions {
  /**
   * Answer like the integration and production proxies: every call needs this value in `apikey`, and a
   * missing or different key gets a 401 with the platform's own fault body. Off by default: the sandbox is open.
   */
  apiKey?: string;
  /** The platform status key `/_status` wants in `apikey`. Default `nhskit-status-key`. */
  statusApiKey?: string;
}

/** The Website Content path, `/nhs-website-content`, on the hosted sandbox and `pnpm sandbox` alike. */
export const WEBSITE_CONTENT_BASE_PATH = sandboxBasePath(websiteContent);

/** The real 404 (unknown path), with an HTTP 404 status. */
export const RESOURCE_NOT_FOUND = { statusCode: 404, message: "Resource not found" };
/** The sandbox's answer to a query value it has no canned page for: sent with HTTP 200 (fact 5). */
export const SANDBOX_RESPONSE_NOT_FOUND = {
  statusCode: 404,
  message: "Sandbox response not found. Please use the predefined query parameter values.",
};

const json = (body: unknown, status = 200) => HttpResponse.json(body as object, { status });
const notFound = () => json(RESOURCE_NOT_FOUND, 404);
const noCannedAnswer = () => json(SANDBOX_RESPONSE_NOT_FOUND, 200);

/** `modules` absent or false: the full page; true: the modular one; anything else: an empty 200. */
function withModules(params: URLSearchParams, page: (modular: boolean) => unknown) {
  const modules = params.get("modules");
  if (modules === null || modules === "false") return json(page(false));
  if (modules === "true") return json(page(true));
  return new HttpResponse(null, { status: 200 });
}

function listing(section: string, params: URLSearchParams) {
  const spec = LISTINGS[section]!;
  const category = params.get("category");
  // category wins over page when both are sent.
  if (category !== null) {
    const letter = category.toLowerCase();
    const genre = params.get("genre");
    if (!(letter in spec.letters)) return noCannedAnswer();
    if (genre === null) return json(letterPage(section, letter));
    if (section === "conditions" && letter === "a" && (genre === "condition" || genre === "hub")) {
      return json(letterPage(section, letter, genre));
    }
    return noCannedAnswer();
  }
  const page = params.get("page");
  if (page === null) return json(listingPage(section, 1));
  if (!spec.pages.map(String).includes(page)) return noCannedAnswer();
  return json(listingPage(section, Number(page)));
}

const STATUS_BODY = {
  status: "pass",
  ping: "pong",
  service: "nhs-website-content",
  version: { releaseVersion: "nhskit-mock", commitId: "local" },
};

/**
 * msw handlers that answer like the hosted NHS Website Content v2 sandbox under `/nhs-website-content`: the
 * canned listings, pages and hubs, the 200-with-`statusCode: 404` answer for unknown query values, and the
 * real 404 for unknown paths. Every HTTP method gets the same answer, as in the sandbox.
 */
export function websiteContentHandlers(options: WebsiteContentMockOptions = {}): RequestHandler[] {
  const statusKey = options.statusApiKey ?? "nhskit-status-key";

  function route(request: Request): Response {
    const url = new URL(request.url);
    const segments = url.pathname.slice(WEBSITE_CONTENT_BASE_PATH.length).split("/").filter(Boolean);
    const path = segments.join("/");
    const params = url.searchParams;

    if (path === "_ping") return json(STATUS_BODY);
    if (path === "_status") {
      return request.headers.get("apikey") === statusKey
        ? json(STATUS_BODY)
        : new HttpResponse("", { status: 401, headers: { "Content-Type": "text/plain" } });
    }
    if (options.apiKey !== undefined && request.headers.get("apikey") !== options.apiKey) {
      return json({ fault: { faultstring: "Invalid ApiKey", detail: { errorcode: "oauth.v2.InvalidApiKey" } } }, 401);
    }

    if (segments.length === 0) return notFound();
    const [first, ...rest] = segments as [string, ...string[]];
    if (path === "manifest/pages") {
      const page = params.get("page");
      if (page === null || page === "1") return json(manifestPage(1));
      if (page === "2") return json(manifestPage(2));
      return noCannedAnswer();
    }
    if (rest.length === 0 && first in LISTINGS) return listing(first, params);
    // The wildcard routes were registered before the named pages, so they answer every slug.
    if (first === "conditions") return withModules(params, acne);
    if (first === "medicines") return withModules(params, acrivastine);
    const hub = HUBS[first];
    if (hub) {
      if (rest.length === 0) return json(hubPage(first));
      const sub = rest.join("/");
      if (hub.subPages.includes(sub)) return json(subPage(first, sub));
    }
    return notFound();
  }

  return [
    http.all(anyOrigin(WEBSITE_CONTENT_BASE_PATH), ({ request }) => route(request)),
    http.all(anyOrigin(WEBSITE_CONTENT_BASE_PATH, "/*"), ({ request }) => route(request)),
  ];
}
