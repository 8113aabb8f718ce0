import { outcomeResponse, UUID } from "@nhskit/mock-kit";

/** The header rules every PDS sandbox handler applies first (X-Request-ID, then Authorization). */
export function headerProblem(request: Request): Response | undefined {
  const requestId = request.headers.get("x-request-id");
  if (requestId === null) {
    return outcomeResponse(request, 400, {
      code: "required",
      spineCode: "MISSING_VALUE",
      display: "Required value is missing",
      diagnostics: "Invalid request with error - X-Request-ID header must be supplied to access this resource",
    });
  }
  if (!UUID.test(requestId)) {
    return outcomeResponse(request, 400, {
      code: "value",
      spineCode: "INVALID_VALUE",
      display: "Provided value is invalid",
      diagnostics: `Invalid value - '${requestId}' in header 'X-Request-ID'`,
    });
  }
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer (\S+)$/.exec(authorization);
    if (!match) {
      return outcomeResponse(request, 401, {
        code: "forbidden",
        spineCode: "ACCESS_DENIED",
        display: "Access denied to resource",
        diagnostics: "Missing access token",
      });
    }
    const token = match[1]!;
    if (!/^(?=[^_]*[A-Za-z])(?=[^_]*\d)[A-Za-z0-9]+(_[A-Za-z0-9]+)?$/.test(token)) {
      return outcomeResponse(request, 401, {
        code: "forbidden",
        spineCode: "ACCESS_DENIED",
        display: "Access denied to resource",
        diagnostics: "Invalid Access Token",
      });
    }
  }
  return undefined;
}

export function invalidNhsNumber(request: Request) {
  return outcomeResponse(request, 400, {
    code: "value",
    spineCode: "INVALID_RESOURCE_ID",
    display: "Resource Id is invalid",
  });
}

export function notFound(request: Request) {
  return outcomeResponse(request, 404, {
    code: "not-found",
    spineCode: "RESOURCE_NOT_FOUND",
    display: "Resource not found",
  });
}

export function badRequest(request: Request, spineCode: string, diagnostics: string, code = "value") {
  return outcomeResponse(request, 400, {
    code,
    spineCode,
    display: spineCode.replace(/_/g, " ").toLowerCase(),
    diagnostics,
  });
}
