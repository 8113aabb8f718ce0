import { sds } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath, UUID } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import { SDS_EXTENSIONS, SDS_SYSTEMS } from "../identifiers.js";
import {
  type AsRecord,
  asRecords,
  FORWARD_EXPRESS_INTERACTIONS,
  FORWARD_EXPRESS_SERVICE,
  FORWARD_RELIABLE_INTERACTIONS,
  FORWARD_RELIABLE_SERVICE,
  type MhsRecord,
  mhsRecords,
  RELIABLE_SERVICES,
  SPINE_CORE_ODS_CODE,
} from "./fixtures.js";
import { badRequest, correlationIdOf, newId, sdsError } from "./responses.js";

export interface SdsMockOptions {
  /**
   * Answer 401 ACCESS_DENIED when the `apikey` header is missing, as the integration and production proxies
   * do. Off by default: the hosted sandbox accepts any value or none.
   */
  requireApiKey?: boolean;
  /** The `apikey` that opens `GET /_status` (the hosted sandbox keeps its own private; default: none does). */
  statusApiKey?: string;
}

/** The SDS sandbox path: `/spine-directory/FHIR/R4`. */
export const SDS_BASE_PATH = sandboxBasePath(sds);

const ORG = SDS_SYSTEMS.odsOrganizationCode;
const SERVICE = SDS_SYSTEMS.serviceInteractionId;
const PARTY = SDS_SYSTEMS.mhsPartyKey;

const ORG_MESSAGE = `Missing or invalid 'organization' query parameter. Should be 'organization=${ORG}|value'`;
const MANUFACTURER_MESSAGE = `Missing or invalid 'manufacturing-organization' query parameter. Should be 'manufacturing-organization=${ORG}|value'`;
const SERVICE_MESSAGE = `Missing or invalid 'identifier' query parameter. Should be 'identifier=${SERVICE}|value'`;
// The service's own text, unbalanced bracket included.
const IDENTIFIER_MESSAGE = `Missing or invalid 'identifier' query parameter. Should be one or both of: ['identifier=${SERVICE}|value', 'identifier=${PARTY}|value'`;
const COMBINATION_MESSAGE =
  "Missing or invalid query parameters. Should one of following combinations: [" +
  `'organization=${ORG}|value&identifier=${SERVICE}|value&identifier=${PARTY}|value'` +
  `'organization=${ORG}|value&identifier=${SERVICE}|value'` +
  `'organization=${ORG}|value&identifier=${PARTY}|value'` +
  `'identifier=${SERVICE}|value&identifier=${PARTY}|value'` +
  "]";
const CORRELATION_MESSAGE = `Invalid X-Correlation-ID header. Should be an UUIDv4 matching regex '${UUID.source}'`;

/** The undocumented switch that moves an Endpoint lookup to another back end; accepted, answered the same. */
const CPM_FILTER = "use_cpm";
const CPM_VALUE = "iwanttogetdatafromcpm";

/** Like the service: the value after `|` of the last `name` parameter in `system`, or undefined. */
function tokenValue(query: URLSearchParams, name: string, system: string): string | undefined {
  const values = query
    .getAll(name)
    .map((v) => v.trim())
    .filter((v) => v.includes("|") && v.split("|")[0] === system && v.slice(v.indexOf("|") + 1).trim() !== "");
  const last = values.at(-1);
  return last === undefined ? undefined : last.slice(last.indexOf("|") + 1);
}

/** `Accept` absent, `*\/*` or listing application/fhir+json: FHIR JSON; application/json: JSON; else none. */
function acceptedType(request: Request): string | undefined {
  const types = (request.headers.get("accept") ?? "application/fhir+json")
    .toLowerCase()
    .split(",")
    .map((t) => t.trim());
  if (types.includes("*/*") || types.includes("application/fhir+json")) return "application/fhir+json";
  if (types.includes("application/json")) return "application/json";
  return undefined;
}

/** Checks every query parameter's name and system prefix, in the order given. */
function illegalQuery(query: URLSearchParams, allowed: readonly string[], cpm: boolean): string | undefined {
  for (const name of new Set(query.keys())) {
    if (!allowed.includes(name)) return `Illegal query parameter '${name}'`;
    for (const value of query.getAll(name).map((v) => v.trim())) {
      if (name === "organization" && !value.startsWith(`${ORG}|`)) return ORG_MESSAGE;
      if (name === "manufacturing-organization" && !value.startsWith(`${ORG}|`)) return MANUFACTURER_MESSAGE;
      if (name === "identifier" && !value.startsWith(`${SERVICE}|`) && !value.startsWith(`${PARTY}|`))
        return IDENTIFIER_MESSAGE;
      if (cpm && name === CPM_FILTER && value.toLowerCase() !== CPM_VALUE) return IDENTIFIER_MESSAGE;
    }
  }
  return undefined;
}

function bundle(request: Request, resources: Array<{ id: string }>) {
  const url = new URL(request.url);
  return {
    resourceType: "Bundle",
    id: newId(),
    type: "searchset",
    total: resources.length,
    link: [{ relation: "self", url: decodeURIComponent(url.href) }],
    entry: resources.map((resource) => ({
      fullUrl: `${url.origin}${url.pathname}/${resource.id}`,
      resource,
      search: { mode: "match" },
    })),
  };
}

const reference = (url: string, system: string, value: string) => ({
  url,
  valueReference: { identifier: { system, value } },
});

function deviceResource(record: AsRecord) {
  return {
    resourceType: "Device",
    id: newId(),
    identifier: [
      { system: SDS_SYSTEMS.spineAsid, value: record.asid },
      { system: SDS_SYSTEMS.mhsPartyKey, value: record.partyKey },
    ],
    extension: [
      reference(SDS_EXTENSIONS.manufacturingOrganisation, ORG, record.manufacturerOdsCode),
      ...record.interactionIds.map((id) => reference(SDS_EXTENSIONS.serviceInteractionId, SERVICE, id)),
    ],
    owner: { identifier: { system: ORG, value: record.clientOdsCode } },
  };
}

function endpointResource(record: MhsRecord, address: string) {
  const r = record.reliability ?? {};
  const reliability = [
    r.syncReplyMode ? { url: "nhsMHSSyncReplyMode", valueString: r.syncReplyMode } : undefined,
    r.retryInterval ? { url: "nhsMHSRetryInterval", valueString: r.retryInterval } : undefined,
    r.retries !== undefined ? { url: "nhsMHSRetries", valueInteger: r.retries } : undefined,
    r.persistDuration ? { url: "nhsMHSPersistDuration", valueString: r.persistDuration } : undefined,
    r.duplicateElimination ? { url: "nhsMHSDuplicateElimination", valueString: r.duplicateElimination } : undefined,
    r.ackRequested ? { url: "nhsMHSAckRequested", valueString: r.ackRequested } : undefined,
  ].filter((e) => e !== undefined);
  const interactions = typeof record.interactions === "string" ? [record.interactions] : record.interactions;
  const identifier = [
    record.fqdn ? { system: SDS_SYSTEMS.mhsFqdn, value: record.fqdn } : undefined,
    { system: SDS_SYSTEMS.mhsPartyKey, value: record.partyKey },
    record.cpaId ? { system: SDS_SYSTEMS.mhsCpaId, value: record.cpaId } : undefined,
    { system: SDS_SYSTEMS.mhsId, value: record.mhsId },
  ].filter((i) => i !== undefined);
  return {
    resourceType: "Endpoint",
    id: newId(),
    status: "active",
    connectionType: {
      system: "http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
      code: "hl7-fhir-msg",
      display: "HL7 FHIR Messaging",
    },
    payloadType: [
      {
        coding: [
          { system: "http://terminology.hl7.org/CodeSystem/endpoint-payload-type", code: "any", display: "Any" },
        ],
      },
    ],
    address,
    managingOrganization: { identifier: { system: ORG, value: record.odsCode } },
    identifier,
    extension: [
      ...(reliability.length ? [{ url: SDS_EXTENSIONS.reliabilityConfiguration, extension: reliability }] : []),
      ...interactions.map((id) => reference(SDS_EXTENSIONS.serviceInteractionId, SERVICE, id)),
    ],
  };
}

function findMhs(odsCode: string | undefined, interactionId: string | undefined, partyKey: string | undefined) {
  return mhsRecords.filter(
    (m) =>
      (odsCode === undefined || m.odsCode === odsCode) &&
      (interactionId === undefined ||
        (typeof m.interactions === "string"
          ? m.interactions.includes(interactionId)
          : m.interactions.includes(interactionId))) &&
      (partyKey === undefined || m.partyKey === partyKey),
  );
}

/** Reliable services go through the Spine intermediary: their address is the intermediary's. */
function routedAddress(record: MhsRecord): string {
  if (typeof record.interactions !== "string") return record.address;
  const parts = record.interactions.split(":");
  const service = parts.at(-2) ?? "";
  const interaction = parts.at(-1) ?? "";
  if (!RELIABLE_SERVICES.has(service)) return record.address;
  const via = FORWARD_RELIABLE_INTERACTIONS.has(interaction)
    ? FORWARD_RELIABLE_SERVICE
    : FORWARD_EXPRESS_INTERACTIONS.has(interaction)
      ? FORWARD_EXPRESS_SERVICE
      : undefined;
  if (!via) return record.address;
  return findMhs(SPINE_CORE_ODS_CODE, via, undefined)[0]?.address ?? record.address;
}

function ok(correlationId: string, contentType: string, body: unknown) {
  return HttpResponse.json(body as object, {
    headers: { "Content-Type": contentType, "X-Correlation-Id": correlationId },
  });
}

/** What the proxy and the service check before looking anything up; a Response when the request fails. */
function preflight(request: Request, options: SdsMockOptions): { correlationId: string } | Response {
  const correlationId = correlationIdOf(request);
  if (options.requireApiKey && !request.headers.get("apikey")) {
    return sdsError(correlationId, 401, {
      code: "forbidden",
      spineCode: "ACCESS_DENIED",
      diagnostics: "Failed to resolve API Key variable request.header.apikey",
    });
  }
  if (request.method !== "GET") {
    return sdsError(
      correlationId,
      405,
      { code: "not-supported", spineCode: "NOT_IMPLEMENTED", diagnostics: "HTTP operation not supported" },
      { Allow: "GET" },
    );
  }
  const given = request.headers.get("x-correlation-id");
  if (given && !UUID.test(given)) return badRequest(correlationId, CORRELATION_MESSAGE);
  return { correlationId };
}

function notAcceptable(correlationId: string) {
  return sdsError(correlationId, 406, {
    code: "not-supported",
    spineCode: "MISSING_OR_INVALID_HEADER",
    diagnostics: "Accept type not supported",
  });
}

function getDevice(request: Request, options: SdsMockOptions): Response {
  const checked = preflight(request, options);
  if (checked instanceof Response) return checked;
  const { correlationId } = checked;
  const query = new URL(request.url).searchParams;
  const illegal = illegalQuery(query, ["organization", "identifier", "manufacturing-organization"], false);
  if (illegal) return badRequest(correlationId, illegal);
  const odsCode = tokenValue(query, "organization", ORG);
  if (!odsCode) return badRequest(correlationId, ORG_MESSAGE);
  const interactionId = tokenValue(query, "identifier", SERVICE);
  if (!interactionId) return badRequest(correlationId, SERVICE_MESSAGE);
  const manufacturer = tokenValue(query, "manufacturing-organization", ORG);
  const partyKey = tokenValue(query, "identifier", PARTY);
  const contentType = acceptedType(request);
  if (!contentType) return notAcceptable(correlationId);
  const found = asRecords.filter(
    (a) =>
      a.odsCode === odsCode &&
      a.interactionIds.includes(interactionId) &&
      (partyKey === undefined || a.partyKey === partyKey) &&
      (manufacturer === undefined || a.manufacturerOdsCode === manufacturer),
  );
  return ok(correlationId, contentType, bundle(request, found.map(deviceResource)));
}

function getEndpoint(request: Request, options: SdsMockOptions): Response {
  const checked = preflight(request, options);
  if (checked instanceof Response) return checked;
  const { correlationId } = checked;
  const query = new URL(request.url).searchParams;
  const illegal = illegalQuery(query, ["organization", "identifier", CPM_FILTER], true);
  if (illegal) return badRequest(correlationId, illegal);
  const odsCode = tokenValue(query, "organization", ORG);
  const interactionId = tokenValue(query, "identifier", SERVICE);
  const partyKey = tokenValue(query, "identifier", PARTY);
  if ((odsCode && !interactionId && !partyKey) || (!odsCode && (!interactionId || !partyKey))) {
    return badRequest(correlationId, COMBINATION_MESSAGE);
  }
  const contentType = acceptedType(request);
  if (!contentType) return notAcceptable(correlationId);
  const endpoints = findMhs(odsCode, interactionId, partyKey).map((m) => endpointResource(m, routedAddress(m)));
  return ok(correlationId, contentType, bundle(request, endpoints));
}

/**
 * msw handlers that answer like the hosted SDS sandbox on any origin under `/spine-directory/FHIR/R4`: the
 * same canned accredited systems and MHS records, filtered the same way, with the same error bodies.
 */
export function sdsHandlers(options: SdsMockOptions = {}): RequestHandler[] {
  const at = (path: string) => anyOrigin(SDS_BASE_PATH, path);
  return [
    http.get(at("/_ping"), () =>
      HttpResponse.json({ version: "nhskit-mock", revision: "0", releaseId: "0", commitId: "nhskit-mock" }),
    ),
    http.get(at("/_status"), ({ request }) => {
      const key = request.headers.get("apikey");
      if (!options.statusApiKey || key !== options.statusApiKey) {
        return sdsError(correlationIdOf(request), 401, {
          code: "forbidden",
          spineCode: "ACCESS_DENIED",
          diagnostics: "Invalid ApiKey for _status",
        });
      }
      return HttpResponse.json({ status: "pass", version: "nhskit-mock", checks: { "sds-api": { status: "pass" } } });
    }),
    http.all(at("/Device"), ({ request }) => getDevice(request, options)),
    http.all(at("/Endpoint"), ({ request }) => getEndpoint(request, options)),
    http.all(at("/*"), ({ request }) =>
      sdsError(correlationIdOf(request), 404, {
        code: "not-found",
        spineCode: "NO_RECORD_FOUND",
        diagnostics: "HTTP endpoint not found",
      }),
    ),
  ];
}
