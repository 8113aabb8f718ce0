// Mock records for the ODS ORD API. There is no sandbox, so these follow the public documentation: the X26
// record is the documentation's own example (its codes, ids and dates carried over as facts); RR8 and
// G81086 use the codes, names, postcodes and roles the ODS documentation shows for them; everything named
// NHSKIT is ours, made up to exercise searching and paging.

export interface DateSketch {
  Type: "Operational" | "Legal";
  Start: string;
  End?: string;
}

export interface RoleSketch {
  id: string;
  uniqueRoleId: number;
  primaryRole: boolean;
  Status: "Active" | "Inactive";
  Date: DateSketch[];
}

export interface OrgSketch {
  Name: string;
  Date: DateSketch[];
  OrgId: { root: string; assigningAuthorityName: string; extension: string };
  Status: "Active" | "Inactive";
  LastChangeDate: string;
  orgRecordClass: "RC1" | "RC2";
  GeoLoc: { Location: Record<string, string> };
  Roles: { Role: RoleSketch[] };
  Rels?: { Rel: unknown[] };
  Succs?: { Succ: unknown[] };
}

const ROOT = "2.16.840.1.113883.2.1.3.2.4.18.48";
const orgId = (extension: string, assigningAuthorityName = "HSCIC") => ({
  root: ROOT,
  assigningAuthorityName,
  extension,
});
const dates = (start: string, end?: string): DateSketch[] => [
  { Type: "Operational", Start: start, ...(end ? { End: end } : {}) },
  { Type: "Legal", Start: start, ...(end ? { End: end } : {}) },
];

/** Role ids and names; the code system endpoint lists these. */
export const ROLES: Record<string, { name: string; primary: boolean }> = {
  RO76: { name: "GP PRACTICE PRESCRIBING COST CENTRE", primary: false },
  RO98: { name: "CLINICAL COMMISSIONING GROUP", primary: true },
  RO101: { name: "CARE HOME SITE", primary: true },
  RO107: { name: "CARE HOME", primary: false },
  RO116: { name: "EXECUTIVE AGENCY PROGRAMME", primary: true },
  RO126: { name: "DEPARTMENT OF HEALTH", primary: true },
  RO177: { name: "PRESCRIBING COST CENTRE", primary: true },
  RO182: { name: "PHARMACY", primary: true },
  RO189: { name: "SPECIAL HEALTH AUTHORITY", primary: true },
  RO197: { name: "NHS TRUST", primary: true },
  RO218: { name: "COMMISSIONING HUB", primary: false },
};

export const RELATIONSHIP_TYPES: Record<string, string> = {
  RE3: "IS DIRECTED BY",
  RE4: "IS COMMISSIONED BY",
  RE5: "IS LOCATED IN THE GEOGRAPHY OF",
  RE6: "IS OPERATED BY",
  RE8: "IS PARTNER TO",
};

export const RECORD_CLASSES: Record<string, string> = { RC1: "HSCOrg", RC2: "HSCSite" };

const role = (id: string, uniqueRoleId: number, primaryRole: boolean, start: string, end?: string): RoleSketch => ({
  id,
  uniqueRoleId,
  primaryRole,
  Status: end ? "Inactive" : "Active",
  Date: dates(start, end),
});

const x26: OrgSketch = {
  Name: "NHS DIGITAL",
  Date: [
    { Type: "Operational", Start: "2013-01-21" },
    { Type: "Legal", Start: "2013-04-01" },
  ],
  OrgId: orgId("X26"),
  Status: "Active",
  LastChangeDate: "2016-09-09",
  orgRecordClass: "RC1",
  GeoLoc: {
    Location: {
      AddrLn1: "1 TREVELYAN SQUARE",
      AddrLn2: "BOAR LANE",
      PostCode: "LS1 6AE",
      Town: "LEEDS",
      County: "WEST YORKSHIRE",
      Country: "ENGLAND",
    },
  },
  Roles: {
    Role: [
      {
        id: "RO116",
        uniqueRoleId: 166234,
        primaryRole: true,
        Status: "Active",
        Date: [
          { Type: "Operational", Start: "2013-01-21" },
          { Type: "Legal", Start: "2013-04-01" },
        ],
      },
    ],
  },
  Rels: {
    Rel: [
      {
        Date: [
          { Type: "Operational", Start: "2013-01-21" },
          { Type: "Legal", Start: "2013-04-01" },
        ],
        Status: "Active",
        // As documented, the target's uniqueRoleId is a string (the organisation's own roles carry numbers).
        Target: { OrgId: orgId("XDH"), PrimaryRoleId: { id: "RO126", uniqueRoleId: "128996" } },
        id: "RE3",
        uniqueRelId: 189272,
      },
    ],
  },
  Succs: {
    Succ: [
      {
        uniqueSuccId: 36589,
        Type: "Predecessor",
        Target: { OrgId: orgId("T1430"), PrimaryRoleId: { id: "RO189", uniqueRoleId: "136318" } },
        Date: [{ Type: "Legal", Start: "2013-04-01" }],
      },
    ],
  },
};

const documented: OrgSketch[] = [
  x26,
  {
    Name: "LEEDS TEACHING HOSPITALS NHS TRUST",
    Date: dates("1998-04-01"),
    OrgId: orgId("RR8"),
    Status: "Active",
    LastChangeDate: "2023-11-14",
    orgRecordClass: "RC1",
    GeoLoc: {
      Location: {
        AddrLn1: "ST. JAMES'S UNIVERSITY HOSPITAL",
        AddrLn2: "BECKETT STREET",
        Town: "LEEDS",
        PostCode: "LS9 7TF",
        Country: "ENGLAND",
      },
    },
    Roles: { Role: [role("RO197", 37525, true, "1998-04-01")] },
  },
  {
    Name: "BIRD-IN-EYE SURGERY",
    Date: dates("1974-04-01"),
    OrgId: orgId("G81086", "NHS BUSINESS SERVICES AUTHORITY"),
    Status: "Active",
    LastChangeDate: "2023-08-22",
    orgRecordClass: "RC1",
    GeoLoc: {
      Location: {
        AddrLn1: "UCKFIELD COMMUNITY HOSPITAL",
        AddrLn2: "FRAMFIELD ROAD",
        Town: "UCKFIELD",
        PostCode: "TN22 5AW",
        Country: "ENGLAND",
      },
    },
    Roles: { Role: [role("RO177", 101001, true, "1974-04-01"), role("RO76", 101002, false, "1974-04-01")] },
  },
];

/** 45 fictional pharmacies: 30 in LS1 (a page and a half at the default size), 15 in LS10. */
const pharmacies: OrgSketch[] = Array.from({ length: 45 }, (_, i) => {
  const n = String(i + 1).padStart(2, "0");
  const inLs1 = i < 30;
  const closed = i % 15 === 14;
  return {
    Name: `NHSKIT TEST PHARMACY ${n}`,
    Date: dates("2021-01-01", closed ? "2024-12-31" : undefined),
    OrgId: orgId(`FZZ${n}`, "NHS ENGLAND"),
    Status: closed ? ("Inactive" as const) : ("Active" as const),
    LastChangeDate: `2025-0${(i % 6) + 1}-${String((i % 27) + 1).padStart(2, "0")}`,
    orgRecordClass: "RC1" as const,
    GeoLoc: {
      Location: {
        AddrLn1: `${i + 1} EXAMPLE ROW`,
        Town: "LEEDS",
        PostCode: inLs1 ? `LS1 ${(i % 9) + 1}ZZ` : `LS10 ${(i % 9) + 1}ZZ`,
        Country: "ENGLAND",
      },
    },
    Roles: { Role: [role("RO182", 300000 + i, true, "2021-01-01", closed ? "2024-12-31" : undefined)] },
  };
});

const others: OrgSketch[] = [
  {
    Name: "NHSKIT EXAMPLE CARE HOME",
    Date: dates("2015-06-01"),
    OrgId: orgId("VZZ01", "NHS ENGLAND"),
    Status: "Active",
    LastChangeDate: "2025-03-03",
    orgRecordClass: "RC2",
    GeoLoc: { Location: { AddrLn1: "1 QUIET LANE", Town: "YORK", PostCode: "YO1 7HH", Country: "ENGLAND" } },
    Roles: { Role: [role("RO101", 400001, true, "2015-06-01"), role("RO107", 400002, false, "2015-06-01")] },
  },
  {
    Name: "NHSKIT CLOSED PRACTICE",
    Date: dates("1990-04-01", "2019-03-31"),
    OrgId: orgId("ZX101", "NHS ENGLAND"),
    Status: "Inactive",
    LastChangeDate: "2019-04-01",
    orgRecordClass: "RC1",
    GeoLoc: { Location: { AddrLn1: "1 FORMER SURGERY LANE", Town: "YORK", PostCode: "YO1 7HH", Country: "ENGLAND" } },
    Roles: {
      Role: [
        role("RO177", 400003, true, "1990-04-01", "2019-03-31"),
        role("RO76", 400004, false, "1990-04-01", "2019-03-31"),
      ],
    },
  },
];

export const organisations: readonly OrgSketch[] = [...documented, ...others, ...pharmacies];

export const primaryRoleOf = (org: OrgSketch) => org.Roles.Role.find((r) => r.primaryRole) ?? org.Roles.Role[0];

/** The summary record a search returns for an organisation. */
export function summaryOf(org: OrgSketch, link: string) {
  const primary = primaryRoleOf(org);
  return {
    Name: org.Name,
    OrgId: org.OrgId.extension,
    Status: org.Status,
    OrgRecordClass: org.orgRecordClass,
    PostCode: org.GeoLoc.Location.PostCode,
    LastChangeDate: org.LastChangeDate,
    PrimaryRoleId: primary?.id,
    PrimaryRoleDescription: primary ? (ROLES[primary.id]?.name ?? primary.id) : undefined,
    OrgLink: link,
  };
}
