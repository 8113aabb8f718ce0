// Mock data for the ODS FHIR API. The hosted sandbox serves the real ODS data set (refreshed daily), so no
// fixture can match it record for record. What we carry over as facts: the ODS codes, names, roles, dates
// and addresses shown in the published documentation (RR8, AQN, C4O9I, G81086, relationship 617400, the
// deleted codes FVG57 and FJE57). Every other record is ours, and says so in its name or `meta.source`.
//
// To make counts and paging look like the live service, an unfiltered search also walks a long tail of
// synthetic records (`ZZ…` codes) that are generated on demand from their index, never stored.

import { ODS_EXTENSIONS, ODS_SYSTEMS } from "../ods.js";

/** A compact description of an organisation; `organizationResource` renders it as FHIR. */
export interface OrgRow {
  code: string;
  name: string;
  active: boolean;
  recordClass: "RC1" | "RC2";
  recordUseType?: "Full" | "RefOnly";
  roles: ReadonlyArray<{
    code: string;
    display: string;
    instanceId: number;
    start: string;
    end?: string;
    active: boolean;
  }>;
  lastChangeDate: string;
  lines: readonly string[];
  city: string;
  postalCode?: string;
  country: string;
  uprn?: string;
  phone?: string;
  url?: string;
  assigner: string;
  versionId?: string;
  source: string;
}

export interface AffiliationRow {
  id: string;
  primary: string;
  participating: string;
  relationship: string;
  display: string;
  start: string;
  end?: string;
  active: boolean;
  source: string;
}

const DOCS = "#ods-documentation";
const OURS = "#nhskit-fixture";

export const ROLE_NAMES: Record<string, string> = {
  RO7: "HOSPICE",
  RO76: "GP PRACTICE",
  RO167: "OPTICAL SITE",
  RO172: "INDEPENDENT SECTOR HEALTHCARE PROVIDER",
  RO177: "PRESCRIBING COST CENTRE",
  RO181: "PHARMACY HEADQUARTER",
  RO182: "PHARMACY",
  RO197: "NHS TRUST",
  RO198: "NHS TRUST SITE",
  RO318: "INTEGRATED CARE BOARD",
};

/** Primary roles in the role code system (the others are non-primary). */
export const PRIMARY_ROLES = new Set(["RO167", "RO172", "RO177", "RO181", "RO182", "RO197", "RO198", "RO318"]);

export const RELATIONSHIP_NAMES: Record<string, string> = {
  RE4: "IS COMMISSIONED BY",
  RE5: "IS LOCATED IN THE GEOGRAPHY OF",
  RE6: "IS OPERATED BY",
  RE8: "IS PARTNER TO",
};

const role = (code: string, instanceId: number, start: string, end?: string) => ({
  code,
  display: ROLE_NAMES[code] ?? code,
  instanceId,
  start,
  ...(end ? { end } : {}),
  active: end === undefined,
});

const documented: OrgRow[] = [
  {
    code: "RR8",
    name: "LEEDS TEACHING HOSPITALS NHS TRUST",
    active: true,
    recordClass: "RC1",
    roles: [role("RO197", 37525, "1998-04-01")],
    lastChangeDate: "2023-11-14",
    lines: ["ST. JAMES'S UNIVERSITY HOSPITAL", "BECKETT STREET"],
    city: "LEEDS",
    postalCode: "LS9 7TF",
    country: "ENGLAND",
    uprn: "72016246",
    phone: "0113 243 3144",
    url: "HTTPS://WWW.LEEDSTH.NHS.UK/",
    assigner: "HSCIC",
    versionId: "4",
    source: DOCS,
  },
  {
    code: "AQN",
    name: "PARTNERING HEALTH LIMITED",
    active: true,
    recordClass: "RC1",
    roles: [role("RO172", 233160, "2015-04-01")],
    lastChangeDate: "2023-05-03",
    lines: ["AILSA HOUSE 3 TURNBERRY HOUSE", "4400 PARKWAY", "WHITELEY"],
    city: "FAREHAM",
    postalCode: "PO15 7FJ",
    country: "ENGLAND",
    assigner: "HSCIC",
    versionId: "3",
    source: DOCS,
  },
  {
    code: "C4O9I",
    name: "WM BROWN (KINGSHURST) LIMITED",
    active: true,
    recordClass: "RC1",
    roles: [role("RO181", 503768, "2023-04-28")],
    lastChangeDate: "2023-05-03",
    lines: ["228-230 WYCHALL ROAD"],
    city: "BIRMINGHAM",
    postalCode: "B31 3AU",
    country: "ENGLAND",
    uprn: "100071397351",
    assigner: "NHS ENGLAND",
    versionId: "3",
    source: DOCS,
  },
  {
    code: "G81086",
    name: "BIRD-IN-EYE SURGERY",
    active: true,
    recordClass: "RC1",
    roles: [role("RO177", 101001, "1974-04-01"), role("RO76", 101002, "1974-04-01")],
    lastChangeDate: "2023-08-22",
    lines: ["UCKFIELD COMMUNITY HOSPITAL", "FRAMFIELD ROAD"],
    city: "UCKFIELD",
    postalCode: "TN22 5AW",
    country: "ENGLAND",
    uprn: "10091054340",
    phone: "01825 763196",
    assigner: "NHS BUSINESS SERVICES AUTHORITY",
    source: DOCS,
  },
];

/** Partner organisations that documented relationships point at; names are ours (placeholders). */
const partners: OrgRow[] = [
  ["U36842", "NHSKIT FIXTURE PRIMARY CARE NETWORK U36842", "RO177"],
  ["97R", "NHSKIT FIXTURE COMMISSIONER 97R", "RO318"],
  ["QF7", "NHSKIT FIXTURE INTEGRATED CARE BOARD QF7", "RO318"],
].map(([code, name, roleCode]) => ({
  code: code!,
  name: name!,
  active: true,
  recordClass: "RC1" as const,
  roles: [role(roleCode!, 200000 + code!.charCodeAt(0), "2019-07-01")],
  lastChangeDate: "2024-04-01",
  lines: ["NHSKIT FIXTURE ADDRESS"],
  city: "LEEDS",
  postalCode: "LS1 4AP",
  country: "ENGLAND",
  assigner: "NHS ENGLAND",
  source: OURS,
}));

/** Twenty-five fictional pharmacies in Leeds: enough to page through a filtered search. */
const pharmacies: OrgRow[] = Array.from({ length: 25 }, (_, i) => {
  const n = String(i + 1).padStart(2, "0");
  return {
    code: `FZZ${n}`,
    name: `NHSKIT EXAMPLE PHARMACY ${n}`,
    active: true,
    recordClass: "RC1" as const,
    roles: [role("RO182", 300000 + i, "2021-01-01")],
    lastChangeDate: `2024-02-${String((i % 28) + 1).padStart(2, "0")}`,
    lines: [`${i + 1} EXAMPLE ROW`],
    city: "LEEDS",
    postalCode: `LS1 ${(i % 9) + 1}ZZ`,
    country: "ENGLAND",
    assigner: "NHS ENGLAND",
    source: OURS,
  };
});

const others: OrgRow[] = [
  {
    code: "ZX101",
    name: "NHSKIT CLOSED PRACTICE",
    active: false,
    recordClass: "RC1",
    roles: [role("RO177", 400001, "1990-04-01", "2019-03-31"), role("RO76", 400002, "1990-04-01", "2019-03-31")],
    lastChangeDate: "2019-04-01",
    lines: ["1 FORMER SURGERY LANE"],
    city: "YORK",
    postalCode: "YO1 7HH",
    country: "ENGLAND",
    assigner: "NHS ENGLAND",
    source: OURS,
  },
  {
    code: "RR8X1",
    name: "NHSKIT EXAMPLE TRUST SITE",
    active: true,
    recordClass: "RC2",
    roles: [role("RO198", 400003, "2005-04-01")],
    lastChangeDate: "2024-01-10",
    lines: ["SITE BUILDING", "BECKETT STREET"],
    city: "LEEDS",
    postalCode: "LS9 7TF",
    country: "ENGLAND",
    assigner: "HSCIC",
    source: OURS,
  },
  {
    code: "ZX102",
    name: "NHSKIT HOSPICE O'NEILL & PARTNERS",
    active: true,
    recordClass: "RC1",
    roles: [role("RO172", 400004, "2010-01-01"), role("RO7", 400005, "2010-01-01")],
    lastChangeDate: "2024-03-07",
    lines: ["2 QUIET ROAD"],
    city: "CARDIFF",
    postalCode: "CF10 1AA",
    country: "WALES",
    assigner: "NHS ENGLAND",
    source: OURS,
  },
];

export const organizationFixtures: readonly OrgRow[] = [...documented, ...partners, ...others, ...pharmacies];

/** The live data set holds over 280,000 organisations; the mock reports a total in that range. */
export const ORGANIZATION_TOTAL = 285_000;
export const SYNTHETIC_ORGANIZATIONS = ORGANIZATION_TOTAL - organizationFixtures.length;
const SYNTHETIC_PREFIX = "ZZ";

/** `ZZ` followed by the index in base 36 (at least 4 characters): valid ODS-code-shaped, never real. */
export function syntheticCode(index: number): string {
  return `${SYNTHETIC_PREFIX}${index.toString(36).toUpperCase().padStart(4, "0")}`;
}

/** The index of a synthetic code, or undefined. */
export function syntheticIndex(code: string): number | undefined {
  if (!/^ZZ[0-9A-Z]{4,}$/i.test(code)) return undefined;
  const index = Number.parseInt(code.slice(2), 36);
  return Number.isInteger(index) && index >= 0 && index < SYNTHETIC_ORGANIZATIONS ? index : undefined;
}

/** `meta.source` of generated records. */
export const SYNTHETIC_SOURCE = "#nhskit-synthetic";

export const syntheticName = (index: number) => `NHSKIT SYNTHETIC ORGANISATION ${index}`;

export function syntheticOrganization(index: number): OrgRow {
  return {
    code: syntheticCode(index),
    name: syntheticName(index),
    active: true,
    recordClass: "RC1",
    roles: [role("RO177", 10_000_000 + index, "2020-01-01")],
    lastChangeDate: "2020-01-01",
    lines: ["NHSKIT SYNTHETIC RECORD"],
    city: "SYNTHETIC",
    country: "ENGLAND",
    assigner: "NHSKIT",
    source: SYNTHETIC_SOURCE,
  };
}

export const affiliationFixtures: readonly AffiliationRow[] = [
  {
    id: "617400",
    primary: "G81086",
    participating: "U36842",
    relationship: "RE8",
    display: "IS PARTNER TO",
    start: "2019-10-01",
    active: true,
    source: DOCS,
  },
  ...(
    [
      ["900101", "G81086", "97R", "RE4", "2013-04-01"],
      ["900102", "G81086", "QF7", "RE5", "2022-07-01"],
      ["900103", "RR8X1", "RR8", "RE6", "2005-04-01"],
      ["900104", "AQN", "QF7", "RE5", "2022-07-01"],
    ] as const
  ).map(([id, primary, participating, relationship, start]) => ({
    id,
    primary,
    participating,
    relationship,
    display: RELATIONSHIP_NAMES[relationship] ?? relationship,
    start,
    active: true,
    source: OURS,
  })),
  {
    id: "900105",
    primary: "ZX101",
    participating: "97R",
    relationship: "RE4",
    display: "IS COMMISSIONED BY",
    start: "2013-04-01",
    end: "2019-03-31",
    active: false,
    source: OURS,
  },
];

/** The live data set holds over 600,000 relationships. */
export const AFFILIATION_TOTAL = 612_000;
export const SYNTHETIC_AFFILIATIONS = AFFILIATION_TOTAL - affiliationFixtures.length;
const SYNTHETIC_AFFILIATION_BASE = 50_000_000;

export function syntheticAffiliation(index: number): AffiliationRow {
  return {
    id: String(SYNTHETIC_AFFILIATION_BASE + index),
    primary: syntheticCode(index % SYNTHETIC_ORGANIZATIONS),
    participating: syntheticCode((index + 1) % SYNTHETIC_ORGANIZATIONS),
    relationship: "RE6",
    display: "IS OPERATED BY",
    start: "2020-01-01",
    active: true,
    source: SYNTHETIC_SOURCE,
  };
}

export function syntheticAffiliationIndex(id: string): number | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  const index = Number(id) - SYNTHETIC_AFFILIATION_BASE;
  return index >= 0 && index < SYNTHETIC_AFFILIATIONS ? index : undefined;
}

// ---- FHIR rendering -------------------------------------------------------------------------------

const typedPeriod = (type: "Legal" | "Operational", start: string, end?: string) => ({
  url: ODS_EXTENSIONS.typedPeriod,
  extension: [
    { url: "dateType", valueCoding: { system: ODS_SYSTEMS.periodType, code: type, display: type } },
    { url: "period", valuePeriod: { start, ...(end ? { end } : {}) } },
  ],
});

export function organizationResource(row: OrgRow) {
  return {
    resourceType: "Organization" as const,
    id: row.code,
    meta: {
      versionId: row.versionId ?? "1",
      lastUpdated: `${row.lastChangeDate}T02:00:00.000+00:00`,
      source: row.source,
      profile: [
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization",
        "https://fhir.nhs.uk/England/StructureDefinition/England-Organization-ODS",
      ],
    },
    extension: [
      ...row.roles.map((r) => ({
        url: ODS_EXTENSIONS.organisationRole,
        extension: [
          { url: "instanceID", valueInteger: r.instanceId },
          {
            url: "roleCode",
            valueCodeableConcept: {
              coding: [{ system: ODS_SYSTEMS.organisationRole, code: r.code, display: r.display }],
            },
          },
          typedPeriod("Legal", r.start, r.end),
          typedPeriod("Operational", r.start, r.end),
          { url: "active", valueBoolean: r.active },
        ],
      })),
      {
        url: ODS_EXTENSIONS.typedDateTime,
        extension: [
          {
            url: "type",
            valueCoding: { system: ODS_SYSTEMS.odsDateTime, code: "LastChangeDate", display: "Last Change Date" },
          },
          { url: "dateTime", valueDateTime: row.lastChangeDate },
        ],
      },
    ],
    identifier: [
      {
        use: "official",
        system: ODS_SYSTEMS.odsOrganizationCode,
        value: row.code,
        assigner: { display: row.assigner },
      },
    ],
    active: row.active,
    type: [
      {
        coding: [
          {
            system: ODS_SYSTEMS.recordUseType,
            code: row.recordUseType ?? "Full",
            display: row.recordUseType ?? "Full",
          },
        ],
      },
      {
        coding: [
          {
            system: ODS_SYSTEMS.recordClass,
            code: row.recordClass,
            display: row.recordClass === "RC1" ? "HSCOrg" : "HSCSite",
          },
        ],
      },
    ],
    name: row.name,
    ...(row.phone || row.url
      ? {
          telecom: [
            ...(row.phone ? [{ system: "phone", value: row.phone }] : []),
            ...(row.url ? [{ system: "url", value: row.url }] : []),
          ],
        }
      : {}),
    address: [
      {
        ...(row.uprn
          ? {
              extension: [
                {
                  url: ODS_EXTENSIONS.addressKey,
                  extension: [
                    {
                      url: "type",
                      valueCodeableConcept: {
                        coding: [
                          {
                            system: "https://fhir.hl7.org.uk/CodeSystem/UKCore-AddressKeyType",
                            code: "UPRN",
                            display: "Unique Property Reference Number",
                          },
                        ],
                      },
                    },
                    { url: "value", valueString: row.uprn },
                  ],
                },
              ],
            }
          : {}),
        line: [...row.lines],
        city: row.city,
        ...(row.postalCode ? { postalCode: row.postalCode } : {}),
        country: row.country,
      },
    ],
  };
}

const orgReference = (code: string) => ({
  reference: `Organization/${code}`,
  identifier: { system: ODS_SYSTEMS.odsOrganizationCode, value: code },
});

export function affiliationResource(row: AffiliationRow) {
  return {
    resourceType: "OrganizationAffiliation" as const,
    id: row.id,
    meta: {
      versionId: "1",
      lastUpdated: `${row.start}T02:00:00.000+00:00`,
      source: row.source,
      profile: [
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-OrganizationAffiliation",
        "https://fhir.nhs.uk/England/StructureDefinition/England-OrganizationAffiliation-ODS",
      ],
    },
    extension: [typedPeriod("Legal", row.start, row.end), typedPeriod("Operational", row.start, row.end)],
    identifier: [{ system: ODS_SYSTEMS.relationshipInstance, value: row.id }],
    active: row.active,
    period: { start: row.start, ...(row.end ? { end: row.end } : {}) },
    organization: orgReference(row.primary),
    participatingOrganization: orgReference(row.participating),
    code: [{ coding: [{ system: ODS_SYSTEMS.relationship, code: row.relationship, display: row.display }] }],
  };
}

// ---- Lists, search parameters -----------------------------------------------------------------------

const listEntry = (type: string, system: string, value: string, date: string) => ({
  date: `${date}T00:00:00+00:00`,
  item: { type, identifier: { system, value } },
});

export const deletionLists = [
  {
    resourceType: "List" as const,
    id: "Organization-deletion",
    meta: { versionId: "3", lastUpdated: "2024-03-06T08:33:55.775+00:00", source: DOCS },
    status: "current" as const,
    mode: "working" as const,
    title: "List of Organization Resource Deletions",
    date: "2024-01-25T00:00:00+00:00",
    note: [{ text: "ODS codes of whole organisation records removed from the data set" }],
    entry: [
      listEntry("Organization", ODS_SYSTEMS.odsOrganizationCode, "FVG57", "2024-01-17"),
      listEntry("Organization", ODS_SYSTEMS.odsOrganizationCode, "FJE57", "2024-01-17"),
    ],
  },
  {
    resourceType: "List" as const,
    id: "OrganizationAffiliation-deletion",
    meta: { versionId: "1", lastUpdated: "2024-02-01T08:00:00.000+00:00", source: OURS },
    status: "current" as const,
    mode: "working" as const,
    title: "List of OrganizationAffiliation Resource Deletions",
    date: "2024-02-01T00:00:00+00:00",
    note: [{ text: "Relationship ids removed rather than ended (nhskit fixture entries)" }],
    entry: [listEntry("OrganizationAffiliation", ODS_SYSTEMS.relationshipInstance, "900999", "2024-01-30")],
  },
  {
    resourceType: "List" as const,
    id: "Organization-role-deletion",
    meta: { versionId: "1", lastUpdated: "2024-02-01T08:00:00.000+00:00", source: OURS },
    status: "current" as const,
    mode: "working" as const,
    title: "List of Organization Role Deletions",
    date: "2024-02-01T00:00:00+00:00",
    note: [{ text: "Role instance ids removed rather than ended (nhskit fixture entries)" }],
    entry: [listEntry("Organization", ODS_SYSTEMS.roleInstance, "400999", "2024-01-29")],
  },
  {
    resourceType: "List" as const,
    id: "Organization-succession-deletion",
    meta: { versionId: "1", lastUpdated: "2024-02-01T08:00:00.000+00:00", source: OURS },
    status: "current" as const,
    mode: "working" as const,
    title: "List of Organization Succession Deletions",
    date: "2024-02-01T00:00:00+00:00",
    note: [{ text: "Organisations whose succession was removed, with their successor (nhskit fixture entries)" }],
    entry: [
      listEntry("Organization", ODS_SYSTEMS.odsOrganizationCode, "ZX101", "2024-01-28"),
      listEntry("Organization", ODS_SYSTEMS.odsOrganizationCode, "G81086", "2024-01-28"),
    ],
  },
];

/** The custom search parameters ODS defines on Organization. */
export const searchParameters = [
  ["lastChangeDate", "date", "Organization.extension('LastChangeDate')"],
  ["roleCode", "token", "Organization.extension('OrganisationRole').roleCode"],
  ["activeRoleCode", "token", "Organization.extension('OrganisationRole').where(active).roleCode"],
].map(([code, type, expression]) => ({
  resourceType: "SearchParameter" as const,
  id: `Organization-${code}`,
  url: `https://fhir.nhs.uk/England/SearchParameter/Organization-${code}`,
  name: code,
  status: "active",
  code,
  base: ["Organization"],
  type,
  // A description of what is searched (ours), not the server's own FHIRPath.
  expression,
}));
