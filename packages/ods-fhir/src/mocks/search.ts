// Organization and OrganizationAffiliation searches for the ODS FHIR mocks, with HAPI's rules for
// parameter names, offset paging and next links.
import {
  type AffiliationRow,
  affiliationFixtures,
  affiliationResource,
  type OrgRow,
  organizationFixtures,
  organizationResource,
  SYNTHETIC_AFFILIATIONS,
  SYNTHETIC_ORGANIZATIONS,
  syntheticAffiliation,
  syntheticAffiliationIndex,
  syntheticCode,
  syntheticIndex,
  syntheticName,
  syntheticOrganization,
} from "./fixtures.js";

const META_PARAMS = ["_content", "_id", "_lastUpdated", "_profile", "_security", "_source", "_tag", "_text"];

/** What HAPI lists as valid for each resource type when it rejects an unknown parameter. */
export const VALID_PARAMS: Record<string, readonly string[]> = {
  Organization: [
    ...META_PARAMS,
    "active",
    "activeRoleCode",
    "address",
    "address-city",
    "address-country",
    "address-postalcode",
    "address-state",
    "address-use",
    "endpoint",
    "identifier",
    "lastChangeDate",
    "name",
    "partof",
    "phonetic",
    "roleCode",
    "type",
  ],
  OrganizationAffiliation: [
    ...META_PARAMS,
    "active",
    "date",
    "email",
    "endpoint",
    "identifier",
    "location",
    "network",
    "participating-organization",
    "phone",
    "primary-organization",
    "role",
    "service",
    "specialty",
    "telecom",
  ],
  CodeSystem: [
    ...META_PARAMS,
    "code",
    "content-mode",
    "context",
    "context-type",
    "date",
    "description",
    "identifier",
    "jurisdiction",
    "name",
    "publisher",
    "status",
    "supplements",
    "system",
    "title",
    "url",
    "version",
    // Listed by the ODS specification for this search.
    "property",
  ],
  List: [...META_PARAMS, "code", "date", "identifier", "item", "status", "title"],
  SearchParameter: [...META_PARAMS, "base", "code", "name", "type", "url"],
};

const RESULT_PARAMS = new Set([
  "_count",
  "_offset",
  "_summary",
  "_format",
  "_include",
  "_revinclude",
  "_sort",
  "_total",
  "_elements",
  "_pretty",
]);

export type SearchProblem = { status: number; code: string; diagnostics: string };

/** HAPI-0524 for the first parameter the resource type does not know. */
export function unknownParameter(type: string, query: URLSearchParams): SearchProblem | undefined {
  const valid = VALID_PARAMS[type] ?? META_PARAMS;
  for (const name of new Set(query.keys())) {
    const base = name.split(":")[0] ?? name;
    if (RESULT_PARAMS.has(base) || valid.includes(base)) continue;
    return {
      status: 400,
      code: "processing",
      diagnostics: `HAPI-0524: Unknown search parameter "${name}" for resource type "${type}". Valid search parameters for this search are: [${valid.join(", ")}]`,
    };
  }
  return undefined;
}

const DATE = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\d{4}(-\d{2}(-\d{2})?)?)$/;

export function invalidDate(value: string): SearchProblem {
  return {
    status: 400,
    code: "invalid",
    diagnostics: `HAPI-1940: Invalid date/time/quantity format: "${value}"`,
  };
}

function compareDate(actual: string, expression: string): boolean {
  const [, prefix = "eq", date = ""] = DATE.exec(expression) ?? [];
  const value = actual.slice(0, date.length);
  switch (prefix) {
    case "gt":
    case "sa":
      return value > date;
    case "lt":
    case "eb":
      return value < date;
    case "ge":
      return value >= date;
    case "le":
      return value <= date;
    case "ne":
      return value !== date;
    default:
      return value === date;
  }
}

/** Reads _count / _offset (default 20 / 0); a SearchProblem for values HAPI would refuse. */
export function paging(
  query: URLSearchParams,
): { count: number; offset: number; summaryCount: boolean } | SearchProblem {
  const read = (name: string, fallback: number) => {
    const value = query.get(name);
    if (value === null) return fallback;
    return /^\d+$/.test(value) ? Number(value) : Number.NaN;
  };
  const count = read("_count", 20);
  const offset = read("_offset", 0);
  for (const [name, value] of [
    ["_count", count],
    ["_offset", offset],
  ] as const) {
    if (Number.isNaN(value)) {
      return { status: 400, code: "processing", diagnostics: `Invalid ${name} value: "${query.get(name)}"` };
    }
  }
  return { count, offset, summaryCount: query.get("_summary") === "count" };
}

type Predicate<R> = (row: R) => boolean;
interface Filter<R> {
  test: Predicate<R>;
  /** True when the filter looks at the record's identity (code or name), so synthetic records differ. */
  identity: boolean;
  /** For exact code filters: the one code that can match. */
  code?: string;
}

const upper = (s: string) => s.toUpperCase();
const stripSystem = (value: string) => (value.includes("|") ? (value.split("|")[1] ?? "") : value);
const stripReference = (value: string) => stripSystem(value).replace(/^Organization\//, "");

function stringFilter(modifier: string | undefined, value: string, get: (row: OrgRow) => string | undefined) {
  return (row: OrgRow) => {
    const actual = get(row);
    if (actual === undefined) return false;
    if (modifier === "exact") return actual === value;
    if (modifier === "contains") return upper(actual).includes(upper(value));
    return upper(actual).startsWith(upper(value));
  };
}

function roleCodes(value: string): string[] {
  return value.split(",").map((v) => upper(stripSystem(v.trim())));
}

/** The filters an Organization query asks for; a SearchProblem when a value is malformed. */
export function organizationFilters(query: URLSearchParams): Array<Filter<OrgRow>> | SearchProblem {
  const filters: Array<Filter<OrgRow>> = [];
  for (const [name, value] of query.entries()) {
    const [base = name, modifier] = name.split(":");
    switch (base) {
      case "_id":
        filters.push({ identity: true, code: value, test: (r) => upper(r.code) === upper(value) });
        break;
      case "identifier": {
        const code = upper(stripSystem(value));
        filters.push({ identity: true, code, test: (r) => upper(r.code) === code });
        break;
      }
      case "name":
        filters.push({ identity: true, test: stringFilter(modifier, value, (r) => r.name) });
        break;
      case "address-postalcode":
        filters.push({ identity: false, test: stringFilter(modifier, value, (r) => r.postalCode) });
        break;
      case "address-city":
        filters.push({ identity: false, test: stringFilter(modifier, value, (r) => r.city) });
        break;
      case "address-country":
        filters.push({ identity: false, test: stringFilter(modifier, value, (r) => r.country) });
        break;
      case "active":
        filters.push({ identity: false, test: (r) => String(r.active) === value });
        break;
      case "lastChangeDate":
        if (!DATE.test(value)) return invalidDate(value);
        filters.push({ identity: false, test: (r) => compareDate(r.lastChangeDate, value) });
        break;
      case "roleCode": {
        const codes = roleCodes(value);
        const has = (r: OrgRow) => r.roles.some((role) => codes.includes(role.code));
        filters.push({ identity: false, test: modifier === "not" ? (r) => !has(r) : has });
        break;
      }
      case "activeRoleCode": {
        const codes = roleCodes(value);
        const has = (r: OrgRow) => r.roles.some((role) => role.active && codes.includes(role.code));
        filters.push({ identity: false, test: modifier === "not" ? (r) => !has(r) : has });
        break;
      }
      // Other parameters HAPI knows are accepted and not applied by the mocks.
    }
  }
  return filters;
}

/** Which records match: fixtures by value, synthetic ones by index (all, none, or a list). */
export interface Matches<R> {
  fixtures: R[];
  synthetic: "all" | number[];
  syntheticCount: number;
}

export function total<R>(m: Matches<R>): number {
  return m.fixtures.length + (m.synthetic === "all" ? m.syntheticCount : m.synthetic.length);
}

/** Records `start` to `end` of the matches, fixtures first. */
export function slice<R>(m: Matches<R>, start: number, end: number, synthetic: (i: number) => R): R[] {
  const out: R[] = [];
  const last = Math.min(end, total(m));
  for (let i = start; i < last; i++) {
    if (i < m.fixtures.length) out.push(m.fixtures[i]!);
    else {
      const k = i - m.fixtures.length;
      out.push(synthetic(m.synthetic === "all" ? k : m.synthetic[k]!));
    }
  }
  return out;
}

export function matchOrganizations(filters: Array<Filter<OrgRow>>): Matches<OrgRow> {
  const all = (row: OrgRow) => filters.every((f) => f.test(row));
  const fixtures = organizationFixtures.filter(all);
  const identity = filters.filter((f) => f.identity);
  const shared = filters.filter((f) => !f.identity);
  let synthetic: Matches<OrgRow>["synthetic"] = [];
  const probe = { ...syntheticOrganization(0) };
  if (shared.every((f) => f.test(probe))) {
    const code = identity.find((f) => f.code !== undefined)?.code;
    if (identity.length === 0) synthetic = "all";
    else if (code !== undefined) {
      const index = syntheticIndex(code);
      synthetic = index !== undefined && all(syntheticOrganization(index)) ? [index] : [];
    } else {
      // Only names tell synthetic records apart: test each name on one reused record (quick enough).
      const found: number[] = [];
      for (let i = 0; i < SYNTHETIC_ORGANIZATIONS; i++) {
        probe.code = syntheticCode(i);
        probe.name = syntheticName(i);
        if (identity.every((f) => f.test(probe))) found.push(i);
      }
      synthetic = found;
    }
  }
  return { fixtures, synthetic, syntheticCount: SYNTHETIC_ORGANIZATIONS };
}

export function findOrganization(code: string): OrgRow | undefined {
  const fixture = organizationFixtures.find((o) => upper(o.code) === upper(code));
  if (fixture) return fixture;
  const index = syntheticIndex(code);
  return index === undefined ? undefined : syntheticOrganization(index);
}

export function affiliationFilters(query: URLSearchParams): Array<Filter<AffiliationRow>> {
  const filters: Array<Filter<AffiliationRow>> = [];
  for (const [name, value] of query.entries()) {
    switch (name) {
      case "_id":
        filters.push({ identity: true, test: (r) => r.id === value });
        break;
      case "primary-organization":
        filters.push({ identity: true, test: (r) => upper(r.primary) === upper(stripReference(value)) });
        break;
      case "participating-organization":
        filters.push({ identity: true, test: (r) => upper(r.participating) === upper(stripReference(value)) });
        break;
      case "active":
        filters.push({ identity: false, test: (r) => String(r.active) === value });
        break;
    }
  }
  return filters;
}

export function matchAffiliations(
  query: URLSearchParams,
  filters: Array<Filter<AffiliationRow>>,
): Matches<AffiliationRow> {
  const all = (row: AffiliationRow) => filters.every((f) => f.test(row));
  const fixtures = affiliationFixtures.filter(all);
  let synthetic: Matches<AffiliationRow>["synthetic"] = [];
  const shared = filters.filter((f) => !f.identity);
  if (shared.every((f) => f.test(syntheticAffiliation(0)))) {
    if (filters.every((f) => !f.identity)) synthetic = "all";
    else {
      // Candidates from the identity filters, computed rather than scanned.
      const candidates = new Set<number>();
      const id = query.get("_id");
      const primary = query.get("primary-organization");
      const participating = query.get("participating-organization");
      if (id !== null) {
        const index = syntheticAffiliationIndex(id);
        if (index !== undefined) candidates.add(index);
      } else {
        const org = syntheticIndex(stripReference(primary ?? participating ?? ""));
        if (org !== undefined) {
          const first = primary !== null ? org : (org - 1 + SYNTHETIC_ORGANIZATIONS) % SYNTHETIC_ORGANIZATIONS;
          for (let i = first; i < SYNTHETIC_AFFILIATIONS; i += SYNTHETIC_ORGANIZATIONS) candidates.add(i);
        }
      }
      synthetic = [...candidates].sort((a, b) => a - b).filter((i) => all(syntheticAffiliation(i)));
    }
  }
  return { fixtures, synthetic, syntheticCount: SYNTHETIC_AFFILIATIONS };
}

export function findAffiliation(id: string): AffiliationRow | undefined {
  const fixture = affiliationFixtures.find((a) => a.id === id);
  if (fixture) return fixture;
  const index = syntheticAffiliationIndex(id);
  return index === undefined ? undefined : syntheticAffiliation(index);
}

/** Affiliations whose source is `code` (for `_revinclude`). */
export function affiliationsOf(code: string, side: "primary" | "participating"): AffiliationRow[] {
  const filters = affiliationFilters(new URLSearchParams([[`${side}-organization`, code]]));
  const m = matchAffiliations(new URLSearchParams([[`${side}-organization`, code]]), filters);
  return slice(m, 0, total(m), syntheticAffiliation);
}

/** A query string with names sorted (as HAPI writes its links) and the given overrides. */
export function linkQuery(query: URLSearchParams, overrides: Record<string, string | undefined>): string {
  const pairs = [...query.entries()].filter(([name]) => !(name in overrides));
  for (const [name, value] of Object.entries(overrides)) if (value !== undefined) pairs.push([name, value]);
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const encode = (s: string) => encodeURIComponent(s).replace(/%7C/gi, "|").replace(/%3A/gi, ":").replace(/%2C/gi, ",");
  return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&");
}

export interface Entry {
  fullUrl: string;
  resource: { resourceType: string; id: string };
  search: { mode: "match" | "include" };
}

/** A HAPI-style searchset Bundle with self / next / previous links on the API's own host. */
export function searchBundle(
  url: URL,
  entries: Entry[],
  info: { total: number; count: number; offset: number; summaryCount: boolean },
) {
  const base = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  const query = url.searchParams;
  const self = linkQuery(query, {});
  const links = [{ relation: "self", url: self ? `${base}?${self}` : base }];
  const hasMore = !info.summaryCount && info.count > 0 && info.offset + info.count < info.total;
  if (hasMore) {
    links.push({
      relation: "next",
      url: `${base}?${linkQuery(query, { _count: String(info.count), _offset: String(info.offset + info.count) })}`,
    });
  }
  if (!info.summaryCount && info.count > 0 && info.offset > 0) {
    links.push({
      relation: "previous",
      url: `${base}?${linkQuery(query, { _count: String(info.count), _offset: String(Math.max(0, info.offset - info.count)) })}`,
    });
  }
  // HAPI counts when asked for a count, or when the whole result fits on this page.
  const counted = info.summaryCount || info.count === 0 || !hasMore;
  return {
    resourceType: "Bundle",
    id: crypto.randomUUID(),
    meta: { lastUpdated: new Date().toISOString().replace("Z", "+00:00") },
    type: "searchset",
    ...(counted ? { total: info.total } : {}),
    link: links,
    ...(entries.length ? { entry: entries } : {}),
  };
}

export function organizationEntry(root: string, row: OrgRow, mode: "match" | "include"): Entry {
  return { fullUrl: `${root}/Organization/${row.code}`, resource: organizationResource(row), search: { mode } };
}

export function affiliationEntry(root: string, row: AffiliationRow, mode: "match" | "include"): Entry {
  return {
    fullUrl: `${root}/OrganizationAffiliation/${row.id}`,
    resource: affiliationResource(row),
    search: { mode },
  };
}
