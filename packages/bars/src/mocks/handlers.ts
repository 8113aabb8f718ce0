import { bars } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath } from "@nhskit/mock-kit";
import { http, type RequestHandler } from "msw";
import { versionAtLeast } from "../operations.js";
import { endpointCatalogue } from "./catalogue.js";
import { nrl, type PointerStore, pointerStore } from "./nrl.js";
import {
  acceptedVersion,
  isAllowedPath,
  pageNotFound,
  ping,
  proxyMetadata,
  sendNotAcceptable,
  status,
  targetProblem,
} from "./proxy.js";
import { receiver } from "./receiver.js";

export interface BarsMockOptions {
  /**
   * `"proxy"` (default): answer as the hosted sandbox does, through NHS England's BaRS proxy (target checks,
   * path allow-list, DocumentReference handed to NRL). `"receiver"`: the mock receiver alone, as when it runs
   * locally without the proxy (its own DocumentReference routes, `/errors/...`, CORS for digital.nhs.uk only).
   */
  layer?: "proxy" | "receiver";
  /**
   * Also answer the endpoint catalogue (HealthcareService, Endpoint, Endpoint templates) with canned,
   * stateless data. Off by default: the hosted sandbox answers those paths 404.
   */
  endpointCatalogue?: boolean;
  /** The apikey `GET /_status` accepts (the hosted value is private; without this every call is 401). */
  statusApiKey?: string;
}

/** The BaRS sandbox path: `/booking-and-referral/FHIR/R4`. */
export const BARS_BASE_PATH = sandboxBasePath(bars);

const RECEIVER_CORS_ORIGIN = "https://digital.nhs.uk";

function pathOf(request: Request): string {
  const pathname = new URL(request.url).pathname;
  const at = pathname.indexOf(BARS_BASE_PATH);
  const rest = at >= 0 ? pathname.slice(at + BARS_BASE_PATH.length) : pathname;
  try {
    return decodeURIComponent(rest) || "/";
  } catch {
    return rest || "/";
  }
}

async function hosted(request: Request, options: BarsMockOptions, store: PointerStore): Promise<Response> {
  const path = pathOf(request);
  const method = request.method;
  const read = method === "GET" || method === "HEAD";
  if (path === "/_ping" && read) return ping();
  if (path === "/_status" && read) return status(request, options.statusApiKey);

  const version = acceptedVersion(request.headers.get("accept"));
  if (path === "/metadata" && method === "GET" && !request.headers.has("nhsd-target-identifier"))
    return proxyMetadata();

  if (path.startsWith("/DocumentReference")) {
    if (!versionAtLeast(version, "1.1.0")) return sendNotAcceptable();
    const rest = path.slice("/DocumentReference".length);
    if (rest === "" || rest === "/") return nrl(request, undefined, store);
    const id = rest.slice(1);
    return id.includes("/") ? pageNotFound() : nrl(request, id, store);
  }

  if (!isAllowedPath(path)) {
    if (options.endpointCatalogue) {
      const answer = await endpointCatalogue(request, path);
      if (answer) return answer;
    }
    return pageNotFound();
  }
  return targetProblem(request) ?? receiver(request, path, "proxy");
}

async function receiverOnly(request: Request, options: BarsMockOptions): Promise<Response> {
  const path = pathOf(request);
  const answer =
    (options.endpointCatalogue ? await endpointCatalogue(request, path) : undefined) ??
    (await receiver(request, path, "receiver"));
  const origin = request.headers.get("origin");
  // The receiver's CORS allows one origin. That origin is echoed by whatever serves these handlers (the
  // nhskit sandbox server echoes every origin); any other origin is answered with digital.nhs.uk, which a
  // browser there refuses.
  if (origin === null || origin === RECEIVER_CORS_ORIGIN) return answer;
  const headers = new Headers(answer.headers);
  headers.set("Access-Control-Allow-Origin", RECEIVER_CORS_ORIGIN);
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers });
}

/**
 * msw handlers that answer like the hosted BaRS sandbox, on any origin under `/booking-and-referral/FHIR/R4`.
 * Use them in-process (`setupServer(...barsHandlers())`), in a browser worker, or through `@nhskit/sandbox`.
 * DocumentReference writes are kept per call of this function (NRL's sandbox keeps them too).
 */
export function barsHandlers(options: BarsMockOptions = {}): RequestHandler[] {
  const store = pointerStore();
  const layer = options.layer ?? "proxy";
  return [
    http.all(anyOrigin(BARS_BASE_PATH, "/*"), ({ request }) =>
      layer === "receiver" ? receiverOnly(request, options) : hosted(request, options, store),
    ),
  ];
}
