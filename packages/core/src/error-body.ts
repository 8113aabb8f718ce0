/** One problem reported by an API, whatever shape its error body had. */
export interface ApiIssue {
  readonly severity?: string;
  /** FHIR issue type (`invalid`, `not-found`, `forbidden`...). */
  readonly code?: string;
  /** Spine / platform error code (`INVALID_RESOURCE_ID`, `RESOURCE_NOT_FOUND`...). */
  readonly spineCode?: string;
  readonly display?: string;
  readonly diagnostics?: string;
  readonly expression?: readonly string[];
}

export interface ParsedErrorBody {
  /** The most specific code the body carries: a Spine code, an OAuth error, a MESH error code. */
  readonly code?: string;
  readonly diagnostics?: string;
  readonly issues: readonly ApiIssue[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const strOrNum = (v: unknown): string | undefined => (typeof v === "number" ? String(v) : str(v));

function fromOperationOutcome(body: Record<string, unknown>): ParsedErrorBody {
  const issues: ApiIssue[] = [];
  for (const raw of Array.isArray(body.issue) ? body.issue : []) {
    if (!isRecord(raw)) continue;
    const details = isRecord(raw.details) ? raw.details : {};
    const coding = (Array.isArray(details.coding) ? details.coding : []).find(isRecord) as
      | Record<string, unknown>
      | undefined;
    const expression = Array.isArray(raw.expression)
      ? raw.expression.filter((e): e is string => typeof e === "string")
      : [];
    issues.push({
      severity: str(raw.severity),
      code: str(raw.code),
      spineCode: str(coding?.code),
      display: str(coding?.display) ?? str(details.text),
      diagnostics: str(raw.diagnostics),
      ...(expression.length ? { expression } : {}),
    });
  }
  const first = issues.find((i) => i.severity === "error" || i.severity === "fatal") ?? issues[0];
  return {
    code: first?.spineCode ?? first?.code,
    diagnostics: first?.diagnostics ?? first?.display,
    issues,
  };
}

/**
 * Reads the error shapes NHS APIs use: FHIR OperationOutcome; the platform's OAuth errors
 * `{error, error_description, message_id}`; DoS `{error: {code, message}}`; Azure-fronted APIs
 * `{statusCode, message}`; MESH `{errorCode, errorDescription}`. Anything else gives no code.
 */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  if (typeof body === "string") {
    // Apigee fault pages are sometimes JavaScript-ish objects: {statusCode: 401, message: "API key invalid"}.
    const loose = /statusCode\s*:\s*(\d+)[\s\S]*?message\s*:\s*["']([^"']*)["']/.exec(body);
    if (loose) return { code: loose[1], diagnostics: loose[2], issues: [{ code: loose[1], diagnostics: loose[2] }] };
  }
  if (!isRecord(body)) {
    const text = typeof body === "string" ? body.trim() : "";
    // Plain-text bodies (gateway pages) are kept short: they can be whole HTML documents.
    return { issues: [], ...(text ? { diagnostics: text.length > 300 ? `${text.slice(0, 300)}…` : text } : {}) };
  }
  if (body.resourceType === "OperationOutcome") return fromOperationOutcome(body);
  if (isRecord(body.error)) {
    const code = strOrNum(body.error.code);
    const diagnostics = str(body.error.message);
    return { code, diagnostics, issues: [{ code, diagnostics }] };
  }
  if (typeof body.error === "string") {
    // OAuth-style errors carry a description beside the code (even "public_key error" is a code); a lone
    // sentence in `error` (`{"error": "something went wrong"}`) is a message.
    const oauthStyle = body.error_description !== undefined || body.message_id !== undefined;
    if (!oauthStyle && /\s/.test(body.error.trim())) {
      const diagnostics = body.error.trim();
      return { diagnostics, issues: [{ diagnostics }] };
    }
    const diagnostics = str(body.error_description) ?? str(body.message);
    return { code: body.error, diagnostics, issues: [{ code: body.error, diagnostics }] };
  }
  if (body.errorCode !== undefined || body.errorDescription !== undefined || body.errorText !== undefined) {
    const code = strOrNum(body.errorCode);
    const diagnostics = str(body.errorDescription) ?? str(body.errorText) ?? str(body.errorEvent);
    return { code, diagnostics, issues: [{ code, diagnostics }] };
  }
  const code = strOrNum(body.code) ?? strOrNum(body.statusCode);
  const diagnostics = str(body.message) ?? str(body.detail) ?? str(body.title);
  if (code === undefined && diagnostics === undefined) return { issues: [] };
  return { code, diagnostics, issues: [{ code, diagnostics }] };
}
