import { outcomeResponse } from "@nhskit/mock-kit";
import { http, type RequestHandler } from "msw";
import type { TokenEndpoint } from "./token-endpoint.js";

export interface RequireAccessTokenOptions {
  /** Only paths under these base paths need a token (e.g. `/personal-demographics/FHIR/R4`). Default: every path. */
  basePaths?: readonly string[];
}

/**
 * An msw handler to put before an API's mocks so they need a valid access token from `endpoint`, as the
 * integration environment does (the hosted sandboxes accept calls without one). A request without a valid
 * `Authorization: Bearer` token gets the platform's 401 OperationOutcome; any other falls through to the
 * handlers after this one. `/oauth2/*`, `_ping` and `_status` paths are never checked.
 */
export function requireAccessToken(
  endpoint: Pick<TokenEndpoint, "isValidAccessToken">,
  options: RequireAccessTokenOptions = {},
): RequestHandler {
  const bases = options.basePaths?.map((b) => b.replace(/\/+$/, ""));
  return http.all("*", ({ request }) => {
    const path = new URL(request.url).pathname;
    if (path === "/oauth2" || path.startsWith("/oauth2/")) return undefined;
    if (/\/_(ping|status)$/.test(path)) return undefined;
    if (bases && !bases.some((b) => path === b || path.startsWith(`${b}/`))) return undefined;
    const match = /^Bearer ([^\s]+)$/.exec(request.headers.get("authorization") ?? "");
    const token = match?.[1];
    if (!token) {
      return outcomeResponse(request, 401, {
        code: "forbidden",
        spineCode: "ACCESS_DENIED",
        diagnostics: "Missing access token",
      });
    }
    if (!endpoint.isValidAccessToken(token)) {
      return outcomeResponse(request, 401, {
        code: "forbidden",
        spineCode: "ACCESS_DENIED",
        diagnostics: "Invalid Access Token",
      });
    }
    return undefined;
  });
}
