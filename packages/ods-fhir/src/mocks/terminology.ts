// CodeSystem search and ValueSet $expand for the ODS FHIR mocks.
import { ODS_SYSTEMS } from "../ods.js";
import {
  type OrgRow,
  organizationFixtures,
  PRIMARY_ROLES,
  RELATIONSHIP_NAMES,
  ROLE_NAMES,
  SYNTHETIC_ORGANIZATIONS,
  syntheticOrganization,
} from "./fixtures.js";

const VERSION = "2024-03-07";

interface SystemSketch {
  name: string;
  url: string;
  title: string;
  /** Too big to return whole: `_summary=false` is refused with 422. */
  large: boolean;
  /** Filter properties $expand accepts. */
  filters: readonly string[];
  concepts?: Array<{ code: string; display: string; property?: Array<Record<string, unknown>> }>;
  count?: number;
}

const ODS_CS = "https://digital.nhs.uk/services/organisation-data-service/CodeSystem";

export const codeSystems: readonly SystemSketch[] = [
  {
    name: "ods-organization-code",
    url: ODS_SYSTEMS.odsOrganizationCode,
    title: "ODS organisations",
    large: true,
    filters: ["lastChangeDate", "primaryRole", "role"],
  },
  {
    name: "organization-relationship-instance",
    url: ODS_SYSTEMS.relationshipInstance,
    title: "Relationships",
    large: true,
    filters: [],
  },
  {
    name: "organization-role-instance",
    url: ODS_SYSTEMS.roleInstance,
    title: "Role instances",
    large: true,
    filters: [],
  },
  { name: "succession", url: ODS_SYSTEMS.succession, title: "Successions", large: true, filters: [] },
  { name: "practitioner", url: ODS_SYSTEMS.practitioner, title: "Practitioners", large: true, filters: [] },
  {
    name: "practitioner-relationship-instance",
    url: ODS_SYSTEMS.practitionerRelationshipInstance,
    title: "Practitioner relationships",
    large: true,
    filters: [],
  },
  {
    name: "practitioner-additional-attribute",
    url: ODS_SYSTEMS.practitionerAdditionalAttribute,
    title: "Practitioner identifiers",
    large: true,
    filters: [],
  },
  { name: "postcode", url: ODS_SYSTEMS.postcode, title: "Postcodes", large: true, filters: [] },
  { name: "geography-name", url: ODS_SYSTEMS.geographyName, title: "Geography names", large: true, filters: [] },
  {
    name: "practitioner-role",
    url: ODS_SYSTEMS.practitionerRole,
    title: "Practitioner roles",
    large: false,
    filters: [],
    concepts: [
      { code: "PGP1", display: "PRINCIPAL GP" },
      { code: "PNURSE1", display: "DISTRICT NURSE / HEALTH VISITOR" },
      { code: "PHOSPCON120", display: "EAR NOSE AND THROAT" },
    ],
  },
  {
    name: "ODSOrganisationRole",
    url: ODS_SYSTEMS.organisationRole,
    title: "Organisation roles",
    large: false,
    filters: ["primaryRole"],
    concepts: Object.entries(ROLE_NAMES).map(([code, display]) => ({
      code,
      display,
      property: [{ code: "primaryRole", valueBoolean: PRIMARY_ROLES.has(code) }],
    })),
  },
  {
    name: "ODSRelationship",
    url: ODS_SYSTEMS.relationship,
    title: "Relationship types",
    large: false,
    filters: [],
    concepts: Object.entries(RELATIONSHIP_NAMES).map(([code, display]) => ({ code, display })),
  },
  {
    name: "ODSRecordClass",
    url: ODS_SYSTEMS.recordClass,
    title: "Record classes",
    large: false,
    filters: [],
    concepts: [
      { code: "RC1", display: "HSCOrg" },
      { code: "RC2", display: "HSCSite" },
    ],
  },
  {
    name: "ODSRecordUseType",
    url: ODS_SYSTEMS.recordUseType,
    title: "Record use types",
    large: false,
    filters: [],
    concepts: [
      { code: "Full", display: "Full" },
      { code: "RefOnly", display: "RefOnly" },
    ],
  },
];

export const CODESYSTEM_BASE = ODS_CS;

export function codeSystemResource(system: SystemSketch, summary: boolean) {
  const count =
    system.concepts?.length ??
    (system.url === ODS_SYSTEMS.odsOrganizationCode
      ? organizationFixtures.length + SYNTHETIC_ORGANIZATIONS
      : undefined);
  return {
    resourceType: "CodeSystem" as const,
    id: `${system.name}-${VERSION}`,
    meta: { versionId: "1", lastUpdated: `${VERSION}T02:00:00.000+00:00`, source: "#nhskit-fixture" },
    url: system.url,
    version: VERSION,
    name: system.name,
    title: system.title,
    status: "active" as const,
    date: VERSION,
    publisher: "NHS England (ODS); nhskit mock",
    content: summary || !system.concepts ? ("not-present" as const) : ("complete" as const),
    ...(count !== undefined ? { count } : {}),
    ...(system.filters.length
      ? { filter: system.filters.map((code) => ({ code, operator: ["="], value: "a value to match" })) }
      : {}),
    ...(!summary && system.concepts ? { concept: system.concepts } : {}),
  };
}

export interface ExpandRequest {
  system: string;
  filters: Array<{ property: string; op: string; value: string }>;
  inactive: boolean | undefined;
  activeOnly: boolean;
  properties: string[];
  count: number | undefined;
  offset: number;
}

type Json = Record<string, unknown>;

/** Reads the Parameters body of `$expand`; a string describes what is wrong with it. */
export function readExpandRequest(body: unknown): ExpandRequest | string {
  const params = body as { resourceType?: unknown; parameter?: unknown } | null;
  if (params?.resourceType !== "Parameters" || !Array.isArray(params.parameter)) {
    return "The request body must be a Parameters resource";
  }
  const list = params.parameter as Json[];
  const valueSet = list.find((p) => p.name === "valueSet")?.resource as Json | undefined;
  const compose = valueSet?.compose as Json | undefined;
  const include = (compose?.include as Json[] | undefined)?.[0];
  if (!include || typeof include.system !== "string")
    return "A valueSet parameter with compose.include[0].system is required";
  const number = (name: string) => {
    const value = list.find((p) => p.name === name)?.valueInteger;
    return value === undefined ? undefined : Number(value);
  };
  return {
    system: include.system,
    filters: ((include.filter as Json[] | undefined) ?? []).map((f) => ({
      property: String(f.property),
      op: String(f.op),
      value: String(f.value),
    })),
    inactive: typeof compose?.inactive === "boolean" ? compose.inactive : undefined,
    activeOnly: list.find((p) => p.name === "activeOnly")?.valueBoolean === true,
    properties: list.filter((p) => p.name === "property").map((p) => String(p.valueString ?? p.valueCode)),
    count: number("count"),
    offset: number("offset") ?? 0,
  };
}

interface Code {
  code: string;
  display: string;
  inactive: boolean;
  properties: Record<string, Json>;
}

const prefixed = /^(eq|ne|gt|lt|ge|le)?(\d{4}-\d{2}-\d{2})$/;

function dateMatches(value: string, filter: string): boolean {
  const [, prefix = "eq", date = ""] = prefixed.exec(filter) ?? [];
  if (!date) return false;
  switch (prefix) {
    case "gt":
      return value > date;
    case "lt":
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

function orgCode(row: OrgRow): Code {
  const primary = row.roles.find((r) => PRIMARY_ROLES.has(r.code)) ?? row.roles[0];
  return {
    code: row.code,
    display: row.name,
    inactive: !row.active,
    properties: {
      primaryRole: { valueCoding: { system: ODS_SYSTEMS.organisationRole, code: primary?.code } },
      role: { valueCoding: { system: ODS_SYSTEMS.organisationRole, code: row.roles.map((r) => r.code).join(",") } },
      country: { valueString: row.country },
      name: { valueString: row.name },
      postcode: row.postalCode ? { valueString: row.postalCode } : {},
      lastChangeDate: { valueDateTime: row.lastChangeDate },
    },
  };
}

function orgMatches(row: OrgRow, filter: { property: string; value: string }): boolean {
  switch (filter.property) {
    case "lastChangeDate":
      return dateMatches(row.lastChangeDate, filter.value);
    case "primaryRole":
      return (row.roles.find((r) => PRIMARY_ROLES.has(r.code)) ?? row.roles[0])?.code === filter.value;
    case "role":
      return row.roles.some((r) => r.code === filter.value);
    default:
      return false;
  }
}

export type ExpandOutcome =
  | { kind: "unknown-system" }
  | { kind: "no-filter"; property: string }
  | { kind: "too-costly" }
  | { kind: "ok"; total: number; codes: Code[] };

/** The codes of an expansion page; filters apply to the fixtures, the synthetic tail only when unfiltered. */
export function expand(request: ExpandRequest, maxResults: number): ExpandOutcome {
  const system = codeSystems.find((s) => s.url === request.system);
  if (!system) return { kind: "unknown-system" };
  const undeclared = request.filters.find((f) => !system.filters.includes(f.property));
  if (undeclared) return { kind: "no-filter", property: undeclared.property };
  const keepInactive = !request.activeOnly && request.inactive !== false;

  let total: number;
  let pick: (start: number, end: number) => Code[];
  if (system.url === ODS_SYSTEMS.odsOrganizationCode) {
    const rows = organizationFixtures.filter(
      (row) => (keepInactive || row.active) && request.filters.every((f) => orgMatches(row, f)),
    );
    const synthetic = request.filters.length === 0 ? SYNTHETIC_ORGANIZATIONS : 0;
    total = rows.length + synthetic;
    pick = (start, end) => {
      const out: Code[] = [];
      for (let i = start; i < end; i++) {
        out.push(orgCode(i < rows.length ? rows[i]! : syntheticOrganization(i - rows.length)));
      }
      return out;
    };
  } else {
    const codes = (system.concepts ?? [])
      .map((c) => ({
        code: c.code,
        display: c.display,
        inactive: false,
        properties: Object.fromEntries((c.property ?? []).map((p) => [String(p.code), p as Json])),
      }))
      .filter((c) =>
        request.filters.every((f) => String((c.properties[f.property] as Json | undefined)?.valueBoolean) === f.value),
      );
    total = codes.length;
    pick = (start, end) => codes.slice(start, end);
  }
  const remaining = Math.max(0, total - request.offset);
  const size = Math.min(remaining, request.count ?? remaining);
  if (size > maxResults) return { kind: "too-costly" };
  return { kind: "ok", total, codes: pick(request.offset, request.offset + size) };
}

const PROPERTY_EXTENSION = "http://hl7.org/fhir/5.0/StructureDefinition/extension-ValueSet.expansion.contains.property";

export function expansionResource(request: ExpandRequest, total: number, codes: Code[]) {
  return {
    resourceType: "ValueSet" as const,
    expansion: {
      identifier: `urn:uuid:${crypto.randomUUID()}`,
      timestamp: new Date().toISOString().replace(/\.\d+Z$/, "+00:00"),
      total,
      offset: request.offset,
      parameter: [
        { name: "version", valueUri: `${request.system}|${VERSION}` },
        { name: "used-codesystem", valueUri: `${request.system}|${VERSION}` },
        { name: "activeOnly", valueBoolean: request.activeOnly },
        ...(request.count !== undefined ? [{ name: "count", valueInteger: request.count }] : []),
        ...(request.offset ? [{ name: "offset", valueInteger: request.offset }] : []),
      ],
      contains: codes.map((c) => {
        const properties = request.properties.flatMap((name) => {
          const value = c.properties[name];
          return value && Object.keys(value).length
            ? [
                {
                  url: PROPERTY_EXTENSION,
                  extension: [
                    { url: "code", valueCode: name },
                    {
                      url: "value",
                      ...Object.fromEntries(Object.entries(value).filter(([k]) => k.startsWith("value"))),
                    },
                  ],
                },
              ]
            : [];
        });
        return {
          ...(properties.length ? { extension: properties } : {}),
          system: request.system,
          ...(c.inactive ? { inactive: true } : {}),
          code: c.code,
          display: c.display,
        };
      }),
    },
  };
}
