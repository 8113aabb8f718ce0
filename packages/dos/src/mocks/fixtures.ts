// Invented DoS data for nhskit's mock. No public DoS sandbox or test data exists, so every service, id, ODS
// code and service type id here is made up (plausible, not real). JSON key names other than success,
// serviceCount, services, id, name and endpoints are nhskit's guesses too.

export interface MockPostcode {
  latitude: number;
  longitude: number;
}

/** The mock's postcode table: searches from any other postcode answer "Invalid post code". */
export const POSTCODES: Record<string, MockPostcode> = {
  "LS1 4HR": { latitude: 53.796, longitude: -1.547 },
  "LS9 7TA": { latitude: 53.8021, longitude: -1.5252 },
  "LS6 2QB": { latitude: 53.819, longitude: -1.579 },
  "YO1 7HH": { latitude: 53.962, longitude: -1.081 },
  "M1 1AE": { latitude: 53.4808, longitude: -2.2426 },
  "B11 1AA": { latitude: 52.4595, longitude: -1.8714 },
};

/** Service types used by the mock (ids invented). */
export const SERVICE_TYPES: Record<number, string> = {
  100: "GP Practice",
  13: "Pharmacy",
  40: "Urgent Treatment Centre",
  105: "Emergency Department",
  110: "Sexual Health Clinic",
};

export interface MockService {
  id: number;
  name: string;
  odsCode: string;
  typeId: number;
  postcode: string;
  town: string;
  address: string[];
  latitude: number;
  longitude: number;
  active: boolean;
  /** `SGID=SDID` pairs the service can meet. */
  combinations: string[];
  ageGroups: number[];
  genders: Array<"M" | "F" | "I">;
  /** DoS ids of GP practices whose patients this service lists among its referrals. */
  referredByGps: number[];
  openAllHours: boolean;
  publicPhone: string;
}

const ALL_AGES = [1, 2, 3, 4, 8];
const ALL_GENDERS: Array<"M" | "F" | "I"> = ["M", "F", "I"];

function service(
  partial: Partial<MockService> &
    Pick<MockService, "id" | "name" | "odsCode" | "typeId" | "postcode" | "latitude" | "longitude">,
): MockService {
  return {
    town: "Leeds",
    address: ["1 Example Street"],
    active: true,
    combinations: ["1011=4003"],
    ageGroups: ALL_AGES,
    genders: ALL_GENDERS,
    referredByGps: [],
    openAllHours: false,
    publicPhone: `0113 496 0${String(partial.id).slice(-3)}`,
    ...partial,
  };
}

/** The GP practice patients in the examples are registered with. */
export const GP_PRACTICE_ID = 2000001;

export const SERVICES: MockService[] = [
  service({
    id: GP_PRACTICE_ID,
    name: "Cromwell Mount Surgery",
    odsCode: "Y90001",
    typeId: 100,
    postcode: "LS9 7TA",
    latitude: 53.8021,
    longitude: -1.5252,
    address: ["Cromwell Mount"],
  }),
  service({
    id: 2000002,
    name: "Leeds City Urgent Treatment Centre",
    odsCode: "RX801",
    typeId: 40,
    postcode: "LS1 4HR",
    latitude: 53.797,
    longitude: -1.543,
    combinations: ["1011=4003", "1035=4052"],
    openAllHours: true,
  }),
  service({
    id: 2000003,
    name: "Headingley Pharmacy",
    odsCode: "FX123",
    typeId: 13,
    postcode: "LS6 2QB",
    latitude: 53.819,
    longitude: -1.579,
  }),
  service({
    id: 2000004,
    name: "Leeds East Emergency Department",
    odsCode: "RX813",
    typeId: 105,
    postcode: "LS9 7TF",
    latitude: 53.806,
    longitude: -1.52,
    combinations: ["1035=4052"],
    openAllHours: true,
  }),
  service({
    id: 2000005,
    name: "Leeds Children's Urgent Care",
    odsCode: "RX802",
    typeId: 40,
    postcode: "LS9 7TB",
    latitude: 53.803,
    longitude: -1.53,
    ageGroups: [2, 3, 4],
    referredByGps: [GP_PRACTICE_ID],
  }),
  service({
    id: 2000006,
    name: "Leeds Sexual Health Clinic",
    odsCode: "RX803",
    typeId: 110,
    postcode: "LS1 6PZ",
    latitude: 53.799,
    longitude: -1.55,
    genders: ["F"],
  }),
  service({
    id: 2000007,
    name: "York Urgent Treatment Centre",
    odsCode: "RX855",
    typeId: 40,
    postcode: "YO1 7HH",
    town: "York",
    latitude: 53.962,
    longitude: -1.081,
  }),
  service({
    id: 2000008,
    name: "Manchester Walk-in Centre",
    odsCode: "RX3W1",
    typeId: 40,
    postcode: "M1 1AE",
    town: "Manchester",
    latitude: 53.4808,
    longitude: -2.2426,
  }),
  service({
    id: 2000009,
    name: "Sparkbrook Community Pharmacy",
    odsCode: "FX900",
    typeId: 13,
    postcode: "B11 1AA",
    town: "Birmingham",
    latitude: 52.4595,
    longitude: -1.8714,
  }),
  // A duplicated record: the ODS code of 2000002 on a second active service (DoS allows this).
  service({
    id: 2000010,
    name: "Leeds City UTC (minor injuries)",
    odsCode: "RX801",
    typeId: 40,
    postcode: "LS1 4HR",
    latitude: 53.7972,
    longitude: -1.5432,
  }),
  // Closed: lookups never return it.
  service({
    id: 2000011,
    name: "Former Kirkgate Surgery",
    odsCode: "Y90002",
    typeId: 100,
    postcode: "LS1 6BR",
    latitude: 53.797,
    longitude: -1.538,
    active: false,
  }),
];

/** Distance in miles between two points (haversine). */
export function milesBetween(a: MockPostcode, b: MockPostcode): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 3958.8 * 2 * Math.asin(Math.sqrt(h));
}

/** One service in the search shape (key names beyond id, name and endpoints are guesses). */
export function searchView(s: MockService, distance?: number) {
  return {
    id: s.id,
    name: s.name,
    odsCode: s.odsCode,
    type: { id: s.typeId, name: SERVICE_TYPES[s.typeId] },
    address: s.address,
    postcode: s.postcode,
    // Rough grid references derived from the coordinates; good enough for a mock.
    easting: Math.round(400000 + (s.longitude + 2) * 68000),
    northing: Math.round((s.latitude - 49.77) * 111000),
    phone: { public: s.publicPhone, nonPublic: "0113 496 0999", fax: null },
    web: `https://example.nhs.uk/services/${s.id}`,
    openAllHours: s.openAllHours,
    referralInstructions: {
      callHandler: "Tell the patient to attend.",
      other: "Clinicians: call the non-public line first.",
    },
    capacity: { status: { rag: "GREEN", human: "Open and accepting patients", hex: "#008A00" } },
    endpoints: [],
    ...(distance !== undefined ? { distance: Math.round(distance * 10) / 10 } : {}),
  };
}

/** The larger lookup shape (key names are guesses). */
export function lookupView(s: MockService) {
  return {
    ...searchView(s),
    isNational: false,
    created: { date: "2019-04-01", time: "09:00", by: "dos-admin" },
    town: s.town,
    email: `service.${s.id}@example.nhs.net`,
    capacity: {
      status: { rag: "GREEN", human: "Open and accepting patients", hex: "#008A00" },
      updated: { date: "2026-01-05", time: "08:30", by: "service" },
    },
    symptomGroups: s.combinations.map((c) => {
      const [group, discriminator] = c.split("=");
      return { id: Number(group), discriminators: [Number(discriminator)] };
    }),
    dispositions: [],
    referrals: { restricted: false, services: s.referredByGps },
    genders: s.genders,
    ageGroups: s.ageGroups,
    publicName: s.name,
    professionalReferralInfo: "Referrals by telephone.",
  };
}
