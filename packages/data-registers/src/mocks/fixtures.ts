// Invented registers for nhskit's PROVISIONAL Data Registers mock. The organisations, postcode attributes and
// dates are made up (plausible, not real records); the ICD-10 codes and short titles are the public
// classification's. Each entry keeps its versions so that reading "as at" a date gives that day's state.

export interface EntryVersion {
  /** The date this version took effect (YYYY-MM-DD). */
  from: string;
  name: string;
  status: "active" | "inactive";
  endDate?: string;
  attributes: Record<string, unknown>;
}

export interface MockEntry {
  code: string;
  versions: EntryVersion[];
}

export interface MockRegister {
  id: string;
  name: string;
  description: string;
  custodian: string;
  /** Dates with a published point-in-time copy, newest first. */
  snapshotDates: string[];
  entries: MockEntry[];
}

const v = (from: string, name: string, attributes: Record<string, unknown>, closed?: string): EntryVersion => ({
  from,
  name,
  status: closed ? "inactive" : "active",
  ...(closed ? { endDate: closed } : {}),
  attributes,
});

export const REGISTERS: MockRegister[] = [
  {
    id: "organisation-codes",
    name: "Organisation codes",
    description: "Codes for NHS trusts, GP practices and pharmacies (an invented sample).",
    custodian: "NHS England (Organisation Data Service)",
    snapshotDates: ["2026-01-01", "2024-01-01", "2022-07-01", "2020-04-01", "2016-01-01"],
    entries: [
      {
        code: "RX1",
        versions: [
          v("2001-04-01", "Northshire Hospitals NHS Trust", { role: "NHS Trust", postcode: "NS1 1AA" }),
          v("2015-10-01", "Northshire Teaching Hospitals NHS Foundation Trust", {
            role: "NHS Trust",
            postcode: "NS1 1AA",
          }),
        ],
      },
      {
        code: "RX2",
        versions: [
          v("2003-04-01", "Westvale Community Health NHS Trust", { role: "NHS Trust", postcode: "WV2 2BB" }),
          v(
            "2020-04-01",
            "Westvale Community Health NHS Trust",
            { role: "NHS Trust", postcode: "WV2 2BB", successor: "RX1" },
            "2020-03-31",
          ),
        ],
      },
      {
        code: "Y90001",
        versions: [
          v("2010-06-01", "Cromwell Mount Surgery", { role: "GP practice", parent: "15F", postcode: "LS9 7TA" }),
          v("2022-07-01", "Cromwell Mount Surgery", { role: "GP practice", parent: "QWO", postcode: "LS9 7TA" }),
        ],
      },
      {
        code: "Y90003",
        versions: [v("2023-01-09", "Harbour Lane Pharmacy", { role: "Pharmacy", parent: "QWO", postcode: "LS1 4HR" })],
      },
    ],
  },
  {
    id: "postcodes",
    name: "Postcodes",
    description: "Postcodes with the health geographies they fall in (an invented sample).",
    custodian: "Office for National Statistics",
    snapshotDates: ["2026-02-01", "2023-05-01", "2021-05-01", "2019-08-01"],
    entries: [
      {
        code: "LS1 4HR",
        versions: [
          v("1980-01-01", "LS1 4HR", { ccg: "15F", localAuthority: "E08000035", latitude: 53.796, longitude: -1.547 }),
          v("2022-07-01", "LS1 4HR", { icb: "QWO", localAuthority: "E08000035", latitude: 53.796, longitude: -1.547 }),
        ],
      },
      {
        code: "LS2 7UE",
        versions: [
          v("2021-03-01", "LS2 7UE", { icb: "QWO", localAuthority: "E08000035", latitude: 53.806, longitude: -1.555 }),
        ],
      },
      {
        code: "LS9 7TA",
        versions: [
          v("1980-01-01", "LS9 7TA", {
            ccg: "15F",
            localAuthority: "E08000035",
            latitude: 53.8021,
            longitude: -1.5252,
          }),
          v("2022-07-01", "LS9 7TA", {
            icb: "QWO",
            localAuthority: "E08000035",
            latitude: 53.8021,
            longitude: -1.5252,
          }),
        ],
      },
      {
        code: "NS9 9ZZ",
        versions: [
          v("1995-01-01", "NS9 9ZZ", { ccg: "99X", localAuthority: "E06000099" }),
          v("2019-07-01", "NS9 9ZZ", { ccg: "99X", localAuthority: "E06000099" }, "2019-06-30"),
        ],
      },
    ],
  },
  {
    id: "diagnosis-codes",
    name: "Diagnosis codes (ICD-10)",
    description: "A sample of ICD-10 codes as used in NHS England.",
    custodian: "NHS England (Terminology and Classifications Delivery Service)",
    snapshotDates: ["2025-04-01", "2020-04-01", "2016-04-01"],
    entries: [
      { code: "B05.9", versions: [v("1995-04-01", "Measles without complication", { chapter: "I" })] },
      {
        code: "E11",
        versions: [
          v("1995-04-01", "Non-insulin-dependent diabetes mellitus", { chapter: "IV" }),
          v("2016-04-01", "Type 2 diabetes mellitus", { chapter: "IV" }),
        ],
      },
      { code: "J45.9", versions: [v("1995-04-01", "Asthma, unspecified", { chapter: "X" })] },
      { code: "U07.1", versions: [v("2020-04-01", "COVID-19, virus identified", { chapter: "XXII" })] },
      { code: "U07.2", versions: [v("2020-04-01", "COVID-19, virus not identified", { chapter: "XXII" })] },
    ],
  },
];

/** An entry as it stood on `date` (the latest version in force), or undefined if it did not exist yet. */
export function entryAsAt(entry: MockEntry, date: string) {
  const version = [...entry.versions].reverse().find((ver) => ver.from <= date);
  if (!version) return undefined;
  return {
    code: entry.code,
    name: version.name,
    status: version.status,
    startDate: entry.versions[0]!.from,
    endDate: version.endDate ?? null,
    attributes: version.attributes,
  };
}

/** The earliest date the register has any data for. */
export function firstDate(register: MockRegister): string {
  return register.entries.flatMap((e) => e.versions.map((ver) => ver.from)).sort()[0]!;
}

/** When the register last changed. */
export function lastChange(register: MockRegister): string {
  return register.entries
    .flatMap((e) => e.versions.map((ver) => ver.from))
    .sort()
    .pop()!;
}
