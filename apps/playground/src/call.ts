import { apiKey, basicAuth, userToken } from "@nhskit/auth";
import type { ApiDocument, ApiEntry } from "@nhskit/catalogue";
import {
  type AuthStrategy,
  createApiClient,
  NhsApiError,
  NhsError,
  NhsNetworkError,
  NhsValidationError,
  redactHeaders,
  redactUrl,
} from "@nhskit/core";
import type { Prepared } from "./checks.js";
import type { Operation } from "./operations.js";

export type TargetKind = "local" | "sandbox" | "int" | "prod";

/** Credentials live in this object only: never in storage, the URL or a log. */
export type Credentials =
  | { kind: "none" }
  | { kind: "api-key"; key: string }
  | { kind: "basic"; username: string; password: string }
  | { kind: "bearer"; token: string };

export interface CallRecord {
  request?: { method: string; url: string; headers: Record<string, string>; body?: string };
  status?: number;
  statusText?: string;
  responseHeaders?: Record<string, string>;
  body?: unknown;
  ms: number;
  error?: {
    name: string;
    message: string;
    status?: number;
    code?: string;
    diagnostics?: string;
    hint?: string;
    requestId?: string;
    blocked?: boolean;
  };
}

export const LOCAL_ORIGIN_DEFAULT = "http://127.0.0.1:9000";

/** The base URL for a target, or why there is none. */
export function baseUrlFor(
  doc: ApiDocument,
  target: TargetKind,
  localOrigin: string,
): { url?: string; reason?: string } {
  if (target === "local") {
    const local = doc.baseUrls.local;
    return local ? { url: local.replace(/^https?:\/\/[^/]+/, localOrigin) } : { reason: "no local sandbox path" };
  }
  const url = doc.baseUrls[target];
  if (!url) return { reason: `NHS England offers no ${target} environment for this API` };
  return { url };
}

function strategy(credentials: Credentials): AuthStrategy | undefined {
  switch (credentials.kind) {
    case "api-key":
      return credentials.key ? apiKey({ key: credentials.key }) : undefined;
    case "basic":
      return credentials.username
        ? basicAuth({ username: credentials.username, password: credentials.password })
        : undefined;
    case "bearer":
      return credentials.token ? userToken({ getAccessToken: () => credentials.token }) : undefined;
    default:
      return undefined;
  }
}

/** Runs one operation through the real client runtime and records what went over the wire (secrets masked). */
export async function runCall(
  api: ApiEntry,
  doc: ApiDocument,
  op: Operation,
  prepared: Prepared,
  baseUrl: string,
  credentials: Credentials,
): Promise<CallRecord> {
  const record: CallRecord = { ms: 0 };
  const auth = strategy(credentials);
  const client = createApiClient<Record<string, never>>({
    api,
    document: doc.name,
    baseUrl,
    ...(auth ? { auth } : {}),
    retry: false,
    clientName: "nhskit-playground",
    fetch: async (request, init) => {
      const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.clone().text();
      record.request = {
        method: request.method,
        url: redactUrl(request.url),
        headers: redactHeaders(request.headers),
        ...(body ? { body } : {}),
      };
      const response = await fetch(request, init as RequestInit);
      record.status = response.status;
      record.statusText = response.statusText;
      record.responseHeaders = Object.fromEntries(response.headers.entries());
      return response;
    },
  });
  const started = performance.now();
  try {
    const method = (client as unknown as Record<string, (path: string, init: unknown) => Promise<{ data: unknown }>>)[
      op.method
    ];
    if (!method) throw new Error(`The playground cannot send ${op.method}`);
    const contentType = op.body?.contentType;
    const result = await method(op.path, {
      params: prepared.params,
      ...(prepared.body !== undefined ? { body: prepared.body } : {}),
      ...(contentType && prepared.body !== undefined ? { headers: { "Content-Type": contentType } } : {}),
      nhs: { operation: op.operationId },
    });
    record.body = result.data;
  } catch (error) {
    record.error = explain(error, baseUrl);
    if (error instanceof NhsApiError) record.body = error.body;
  }
  record.ms = Math.round(performance.now() - started);
  return record;
}

function explain(error: unknown, baseUrl: string): NonNullable<CallRecord["error"]> {
  if (error instanceof NhsApiError) {
    return {
      name: error.name,
      message: error.message,
      status: error.status,
      ...(error.code ? { code: error.code } : {}),
      ...(error.diagnostics ? { diagnostics: error.diagnostics } : {}),
      hint: error.hint,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    };
  }
  if (error instanceof NhsNetworkError) {
    const local = baseUrl.startsWith("http://127.0.0.1") || baseUrl.startsWith("http://localhost");
    return {
      name: error.name,
      message: local
        ? `No answer from the local sandbox at ${new URL(baseUrl).origin}. Start it with \`pnpm sandbox\` (or \`pnpm start\`).`
        : "The browser could not complete this call. Hosted NHS APIs usually do not allow calls from a web page on another origin (CORS), so the browser blocks them. Use the local sandbox here, or call the API from Node (`pnpm exercise --target sandbox` or the code snippet below).",
      blocked: !local,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    };
  }
  if (error instanceof NhsValidationError || error instanceof NhsError) {
    return { name: error.name, message: error.message };
  }
  return { name: error instanceof Error ? error.name : "Error", message: String((error as Error)?.message ?? error) };
}
