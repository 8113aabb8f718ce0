import { sds } from "@nhskit/catalogue";
import { type ApiClient, type ApiClientOptions, createApiClient } from "@nhskit/core";
import type { paths } from "./generated/openapi.js";
import { interactionIdToken, odsCodeToken, partyKeyToken } from "./identifiers.js";
import {
  acceptSchema,
  check,
  correlationIdSchema,
  type DeviceQuery,
  deviceQuerySchema,
  type EndpointQuery,
  endpointQuerySchema,
  type SdsAcceptType,
} from "./schemas.js";
import {
  type Device,
  type DeviceBundle,
  type DeviceSummary,
  describeDevice,
  describeEndpoint,
  type Endpoint,
  type EndpointBundle,
  type EndpointSummary,
} from "./types.js";
import { SDS_VERSION } from "./version.js";

export interface SdsClientOptions extends Omit<ApiClientOptions, "api" | "document" | "clientName"> {
  /**
   * `Accept` for every call: SDS answers `application/fhir+json` (its default) or `application/json`, and
   * 406 to anything else, so nothing else is allowed here.
   */
  accept?: SdsAcceptType;
  /** Sent as X-Correlation-Id on every call; SDS insists on a UUID. Per-call values win. */
  correlationId?: string;
}

/** Per-call options. */
export interface SdsCallOptions {
  signal?: AbortSignal;
  /** X-Correlation-Id for this call (a UUID); SDS mints one when absent and echoes it either way. */
  correlationId?: string;
  requestId?: string;
  timeoutMs?: number;
  accept?: SdsAcceptType;
}

interface Lookup<R, S, B> {
  /** Every matching record (possibly none: SDS answers 200 with an empty Bundle, never 404). */
  resources: R[];
  /** The same records as plain fields. */
  summaries: S[];
  total: number;
  bundle: B;
  /** X-Correlation-Id of the answer: yours, or the one SDS generated. */
  correlationId: string | undefined;
  requestId: string;
}

export type DeviceLookup = Lookup<Device, DeviceSummary, DeviceBundle>;
export type EndpointLookup = Lookup<Endpoint, EndpointSummary, EndpointBundle>;

export interface SdsClient {
  /** Both SDS operations, typed from the OpenAPI document (query values are `system|value` tokens). */
  readonly raw: ApiClient<paths>;
  readonly baseUrl: string;
  /** GET /Device: accredited systems (ASIDs) of an organisation for an interaction. */
  findDevices(query: DeviceQuery, options?: SdsCallOptions): Promise<DeviceLookup>;
  /** GET /Endpoint: where to send an interaction (MHS address) and how reliably. */
  findEndpoints(query: EndpointQuery, options?: SdsCallOptions): Promise<EndpointLookup>;
}

function callInit(operation: string, options: SdsCallOptions | undefined, accept: SdsAcceptType | undefined) {
  const acceptHeader = options?.accept ?? accept;
  return {
    ...(options?.signal ? { signal: options.signal } : {}),
    ...(acceptHeader ? { headers: { Accept: acceptHeader } } : {}),
    nhs: {
      operation,
      ...(options?.requestId ? { requestId: options.requestId } : {}),
      ...(options?.correlationId ? { correlationId: options.correlationId } : {}),
      ...(options?.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    },
  };
}

function checkCall(operation: string, options: SdsCallOptions | undefined) {
  if (options?.correlationId !== undefined)
    check(operation, correlationIdSchema, options.correlationId, "options.correlationId");
  if (options?.accept !== undefined) check(operation, acceptSchema, options.accept, "options.accept");
}

/**
 * A client for the Spine Directory Service FHIR API. Inputs are plain values (`odsCode`, `interactionId`,
 * `partyKey`); the client builds the `system|value` tokens, checks everything before sending, and reports
 * failures as `NhsApiError` (or another `NhsError`) from `@nhskit/core`.
 */
export function createSdsClient(options: SdsClientOptions): SdsClient {
  const { accept, ...rest } = options ?? ({} as SdsClientOptions);
  if (accept !== undefined) check("createSdsClient", acceptSchema, accept, "accept");
  if (rest.correlationId !== undefined)
    check("createSdsClient", correlationIdSchema, rest.correlationId, "correlationId");

  const raw = createApiClient<paths>({ ...rest, api: sds, clientName: `nhskit-sds/${SDS_VERSION}` });

  async function findDevices(query: DeviceQuery, options?: SdsCallOptions): Promise<DeviceLookup> {
    const q = check("findDevices", deviceQuerySchema, query, "query");
    checkCall("findDevices", options);
    const { data, response, requestId } = await raw.GET("/Device", {
      params: {
        query: {
          organization: odsCodeToken(q.odsCode),
          identifier: [interactionIdToken(q.interactionId), ...(q.partyKey ? [partyKeyToken(q.partyKey)] : [])],
          ...(q.manufacturerOdsCode ? { "manufacturing-organization": odsCodeToken(q.manufacturerOdsCode) } : {}),
        },
      },
      ...callInit("findDevices", options, accept),
    });
    const resources = (data.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
    return {
      resources,
      summaries: resources.map(describeDevice),
      total: data.total ?? resources.length,
      bundle: data,
      correlationId: response.headers.get("x-correlation-id") ?? undefined,
      requestId,
    };
  }

  async function findEndpoints(query: EndpointQuery, options?: SdsCallOptions): Promise<EndpointLookup> {
    const q = check("findEndpoints", endpointQuerySchema, query, "query");
    checkCall("findEndpoints", options);
    const identifier = [
      ...(q.interactionId ? [interactionIdToken(q.interactionId)] : []),
      ...(q.partyKey ? [partyKeyToken(q.partyKey)] : []),
    ];
    const { data, response, requestId } = await raw.GET("/Endpoint", {
      params: { query: { ...(q.odsCode ? { organization: odsCodeToken(q.odsCode) } : {}), identifier } },
      ...callInit("findEndpoints", options, accept),
    });
    const bundle = data as EndpointBundle;
    const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
    return {
      resources,
      summaries: resources.map(describeEndpoint),
      total: bundle.total ?? resources.length,
      bundle,
      correlationId: response.headers.get("x-correlation-id") ?? undefined,
      requestId,
    };
  }

  return { raw, baseUrl: raw.baseUrl, findDevices, findEndpoints };
}
