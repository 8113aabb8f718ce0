import { odsOrd } from "@nhskit/catalogue";
import { anyOrigin, sandboxBasePath } from "@nhskit/mock-kit";
import { HttpResponse, http, type RequestHandler } from "msw";
import {
  type OrgSketch,
  organisations,
  primaryRoleOf,
  RECORD_CLASSES,
  RELATIONSHIP_TYPES,
  ROLES,
  summaryOf,
} from "./fixtures.js";

/** Where `pnpm sandbox` serves ORD: `/ods-ord/ORD/2-0-0` (there is no hosted sandbox). */
export const ODS_ORD_BASE_PATH = sandboxBasePath(odsOrd);

/** The handlers answer under any path ending in the API's own prefix: the local sandbox's and the real host's. */
const API_PREFIX = "/ORD/2-0-0";

const FORMATS = ["json", "xml", "text/json", "text/xml", "application/json", "application/xml"];
const SEARCH_PARAMS = [
  "Name",
  "PostCode",
  "LastChangeDate",
  "Status",
  "PrimaryRoleId",
  "NonPrimaryRoleId",
  "Roles",
  "OrgRecordClass",
  "Limit",
  "Offset",
  "_format",
];

// The error body is not documented; `{ errorCode, errorText }` is our best understanding of the service's.
function error(status: number, errorText: string) {
  return HttpResponse.json({ errorCode: status, errorText }, { status });
}

const isXml = (format: string | null) => format?.endsWith("xml") === true;

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** ORD-style XML for a JSON answer: elements named after keys, arrays as repeated elements. */
function toXml(name: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) {
    // A plural key (Organisations, Roles...) wraps singular items; a singular key (Role, Date) repeats.
    const item = name.endsWith("sses") ? name.slice(0, -2) : name.endsWith("s") ? name.slice(0, -1) : name;
    const items = value.map((v) => toXml(item, v)).join("");
    return item === name ? items : `<${name}>${items}</${name}>`;
  }
  if (typeof value === "object") {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => toXml(k, v))
      .join("");
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function answer(body: Record<string, unknown>, format: string | null, headers: Record<string, string> = {}) {
  if (!isXml(format)) return HttpResponse.json(body, { headers });
  const [[root, value]] = Object.entries(body) as [[string, unknown]];
  return new HttpResponse(`<?xml version="1.0" encoding="UTF-8"?>${toXml(root, value)}`, {
    headers: { "Content-Type": format === "text/xml" ? "text/xml" : "application/xml", ...headers },
  });
}

/** `https://host/…/ORD/2-0-0`: the base the request came in on, for OrgLinks. */
function baseOf(request: Request): string {
  const url = new URL(request.url);
  const at = url.pathname.indexOf(API_PREFIX);
  return `${url.origin}${url.pathname.slice(0, at + API_PREFIX.length)}`;
}

const link = (base: string, code: string, format: string | null) =>
  `${base}/organisations/${code}${isXml(format) ? "?_format=xml" : ""}`;

function formatProblem(query: URLSearchParams): Response | undefined {
  const format = query.get("_format");
  if (format !== null && !FORMATS.includes(format)) {
    return error(400, `Invalid _format '${format}': use one of ${FORMATS.join(", ")} (case-sensitive)`);
  }
  return undefined;
}

const isDay = (text: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return d.toISOString().slice(0, 10) === text;
};

const compact = (postcode: string | undefined) => (postcode ?? "").replace(/\s+/g, "").toUpperCase();

/** Outward code (`LS1`) matches the first segment exactly; a full postcode matches with or without its space. */
function postcodeMatches(postcode: string | undefined, wanted: string): boolean {
  const value = wanted.trim().toUpperCase();
  if (!value.includes(" ") && value.length <= 4) return (postcode ?? "").toUpperCase().split(" ")[0] === value;
  return compact(postcode) === compact(value);
}

type Filter = (org: OrgSketch) => boolean;

/** The search's filters; a Response when a value is not acceptable. */
function searchFilters(query: URLSearchParams): Filter[] | Response {
  const filters: Filter[] = [];
  for (const name of new Set(query.keys())) {
    if (!SEARCH_PARAMS.includes(name)) return error(400, `Unknown search parameter '${name}'`);
  }
  const get = (name: string) => query.get(name);
  const name = get("Name");
  if (name !== null) filters.push((o) => o.Name.toUpperCase().includes(name.toUpperCase()));
  const postcode = get("PostCode");
  if (postcode !== null) filters.push((o) => postcodeMatches(o.GeoLoc.Location.PostCode, postcode));
  const changed = get("LastChangeDate");
  if (changed !== null) {
    if (!isDay(changed)) return error(400, `Invalid LastChangeDate '${changed}': use YYYY-MM-DD`);
    filters.push((o) => o.LastChangeDate >= changed);
  }
  const status = get("Status");
  if (status !== null) {
    if (!/^(active|inactive)$/i.test(status)) return error(400, `Invalid Status '${status}': use Active or Inactive`);
    filters.push((o) => o.Status.toLowerCase() === status.toLowerCase());
  }
  for (const param of ["PrimaryRoleId", "NonPrimaryRoleId", "Roles"] as const) {
    const value = get(param);
    if (value === null) continue;
    const ids = value.split(",").map((v) => v.trim().toUpperCase());
    if (ids.some((id) => !/^RO\d+$/.test(id)))
      return error(400, `Invalid ${param} '${value}': use role ids such as RO177`);
    if (param === "PrimaryRoleId") filters.push((o) => ids.includes(primaryRoleOf(o)?.id ?? ""));
    else if (param === "NonPrimaryRoleId")
      filters.push((o) => o.Roles.Role.some((r) => !r.primaryRole && ids.includes(r.id)));
    else filters.push((o) => o.Roles.Role.some((r) => ids.includes(r.id)));
  }
  const recordClass = get("OrgRecordClass");
  if (recordClass !== null) {
    if (!/^rc[12]$/i.test(recordClass)) return error(400, `Invalid OrgRecordClass '${recordClass}': use RC1 or RC2`);
    filters.push((o) => o.orgRecordClass === recordClass.toUpperCase());
  }
  return filters;
}

function search(request: Request): Response {
  const query = new URL(request.url).searchParams;
  const problem = formatProblem(query);
  if (problem) return problem;
  const filters = searchFilters(query);
  if (filters instanceof Response) return filters;
  const limitText = query.get("Limit") ?? "20";
  const offsetText = query.get("Offset") ?? "0";
  const limit = /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
  const offset = /^\d+$/.test(offsetText) ? Number(offsetText) : Number.NaN;
  if (!(limit >= 1 && limit <= 1000)) return error(400, `Invalid Limit '${limitText}': use 1 to 1000`);
  if (!(offset >= 0)) return error(400, `Invalid Offset '${offsetText}': use 0 or more`);
  const matches = organisations.filter((o) => filters.every((f) => f(o)));
  const format = query.get("_format");
  const base = baseOf(request);
  const page = matches.slice(offset, offset + limit).map((o) => summaryOf(o, link(base, o.OrgId.extension, format)));
  return answer({ Organisations: page }, format, { "X-Total-Count": String(matches.length) });
}

function concept(code: string, displayName: string, extra: Record<string, string> = {}) {
  return { id: code, code, displayName, ...extra };
}

const roleConcepts = () =>
  Object.entries(ROLES).map(([code, r]) => concept(code, r.name, { primaryRole: String(r.primary) }));

/**
 * msw handlers that behave as the ORD documentation describes (there is no hosted sandbox to copy). They
 * answer under any path ending in `/ORD/2-0-0`: nhskit's sandbox path (`/ods-ord/ORD/2-0-0`) and the real
 * hosts' (`https://directory.spineservices.nhs.uk/ORD/2-0-0`), so tests can point a client at either.
 */
export function odsOrdHandlers(): RequestHandler[] {
  const at = (path: string) => anyOrigin(API_PREFIX, path);
  const get = (path: string, respond: (request: Request, params: Record<string, string>) => Response) =>
    http.all(at(path), ({ request, params }) =>
      request.method === "GET" || request.method === "HEAD"
        ? respond(request, params as Record<string, string>)
        : error(405, `Method ${request.method} is not allowed; the ORD API is read-only`),
    );
  return [
    get("/organisations", search),
    get("/organisations/:odsCode", (request, { odsCode = "" }) => {
      const query = new URL(request.url).searchParams;
      const problem = formatProblem(query);
      if (problem) return problem;
      const org = organisations.find((o) => o.OrgId.extension.toUpperCase() === odsCode.toUpperCase());
      if (!org) return error(404, `Organisation '${odsCode}' not found`);
      return answer({ Organisation: org }, query.get("_format"));
    }),
    get("/sync", (request) => {
      const query = new URL(request.url).searchParams;
      const problem = formatProblem(query);
      if (problem) return problem;
      const since = query.get("LastChangeDate");
      if (since === null) return error(400, "LastChangeDate is required: /sync?LastChangeDate=YYYY-MM-DD");
      if (!isDay(since)) return error(400, `Invalid LastChangeDate '${since}': use YYYY-MM-DD`);
      const format = query.get("_format");
      const base = baseOf(request);
      const changed = organisations.filter((o) => o.LastChangeDate >= since);
      return answer(
        { Organisations: changed.map((o) => ({ OrgLink: link(base, o.OrgId.extension, format) })) },
        format,
      );
    }),
    get("/roles", (request) => answer({ Roles: roleConcepts() }, new URL(request.url).searchParams.get("_format"))),
    get("/roles/:roleId", (request, { roleId = "" }) => {
      const found = roleConcepts().find((r) => r.code === roleId.toUpperCase());
      return found
        ? answer({ Roles: [found] }, new URL(request.url).searchParams.get("_format"))
        : error(404, `Role '${roleId}' not found`);
    }),
    get("/rels", (request) =>
      answer(
        { Relationships: Object.entries(RELATIONSHIP_TYPES).map(([code, name]) => concept(code, name)) },
        new URL(request.url).searchParams.get("_format"),
      ),
    ),
    get("/recordclasses", (request) =>
      answer(
        { RecordClasses: Object.entries(RECORD_CLASSES).map(([code, name]) => concept(code, name)) },
        new URL(request.url).searchParams.get("_format"),
      ),
    ),
  ];
}
