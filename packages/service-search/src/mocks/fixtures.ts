// Our own fixtures for the Service Search sandbox scenarios. ODS codes, names, addresses, coordinates, counts
// and the index context URL are the facts the hosted sandbox answers with; contacts, opening times, facilities
// and the rest are invented (telephone numbers come from Ofcom's drama range 01632 960xxx).
import type { Contact, Facility, OpeningTime, Organisation, OrganisationSearchResults } from "../types.js";

/** The index context the sandbox's answers carry (fact 16 quotes it for the empty result). */
export const INDEX_CONTEXT =
  "https://nhsuksearchservicestaguks.search.windows.net/indexes('service-search-syndication-3-2')/$metadata#docs(*)";

type Row = [
  ods: string,
  name: string,
  typeId: string,
  type: string,
  subType: string | null,
  city: string,
  postcode: string,
  latitude: number,
  longitude: number,
];

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

function hours(open: string, close: string, days: readonly string[] = DAYS.slice(0, 5)): OpeningTime[] {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return days.map((Weekday) => ({
    Weekday,
    OpeningTime: open,
    ClosingTime: close,
    OffsetOpeningTime: minutes(open),
    OffsetClosingTime: minutes(close),
    OpeningTimeType: "General",
    AdditionalOpeningDate: "",
    IsOpen: true,
  }));
}

function phone(n: number): Contact {
  return {
    ContactType: "Primary",
    ContactAvailabilityType: "Office hours",
    ContactMethodType: "Telephone",
    ContactValue: `01632 960${String(100 + (n % 900)).padStart(3, "0")}`,
  };
}

const facility = (Id: number, Name: string, Value: "Yes" | "No", FacilityGroupName = "Accessibility"): Facility => ({
  Id,
  Name,
  Value,
  FacilityGroupName,
});

/** A whole organisation record in the shape the index returns, built from one row of facts. */
export function organisation([ods, name, typeId, type, subType, city, postcode, latitude, longitude]: Row, n: number) {
  return {
    "@search.score": 1,
    SearchKey: `X${String(200000 + n)}`,
    ODSCode: ods,
    OrganisationName: name,
    OrganisationTypeId: typeId,
    OrganisationType: type,
    OrganisationStatus: "Visible",
    Address1: `${1 + (n % 90)} High Street`,
    Address2: "",
    Address3: null,
    City: city,
    County: null,
    Latitude: latitude,
    Longitude: longitude,
    Postcode: postcode,
    Geocode: {
      type: "Point",
      coordinates: [longitude, latitude],
      crs: { type: "name", properties: { name: "EPSG:4326" } },
    },
    OrganisationSubType: subType,
    Country: "England",
    IsEpsEnabled: null,
    OrganisationAliases: [],
    ParentOrganisation: { ODSCode: null, OrganisationName: null },
    Services: [],
    OpeningTimes: hours("09:00", "17:30"),
    Contacts: [phone(n)],
    Facilities: [facility(2, "Disabled parking", n % 2 ? "Yes" : "No"), facility(5, "Wheelchair access", "Yes")],
    GSD: null,
    LastUpdatedDates: { OpeningTimes: "2024-01-15T09:00:00Z", ContactDetails: "2024-01-15T09:00:00Z" },
    AcceptingPatients: { GP: null, Dentist: [] },
    GPRegistration: null,
    RelatedIAPTCCGs: [],
    Trusts: [],
    Metrics: [],
    ServiceOpeningTimes: [],
  } satisfies Organisation;
}

const ALL_ROWS: Row[] = [
  ["V002072", "Chantry House Dental Practice", "DEN", "Dentist", null, "Bognor Regis", "PO22 0EE", 50.83821, -0.64736],
  ["V017953", "Penzance Dental", "DEN", "Dentist", null, "Penzance", "TR18 2LG", 50.12054, -5.53416],
  ["OP_MK158PL_46766", "Home Eyetest Ltd", "OPT", "Optician", null, "Milton Keynes", "MK15 8PL", 52.06436, -0.73875],
  [
    "RBQ07",
    "The Tower Hill Primary Resource Centre",
    "CLI",
    "Clinic",
    "NHS Sector",
    "Liverpool",
    "L33 1XT",
    53.4952,
    -2.88655,
  ],
  [
    "OP_G328NB_46955",
    "Vision Call South East",
    "OPT",
    "Optician",
    null,
    "Cambuslang, Glasgow",
    "G32 8NB",
    55.82722,
    -4.17211,
  ],
  ["V007182", "Newport Dental Practice", "DEN", "Dentist", null, "Newport", "TF10 7LT", 52.76904, -2.37716],
  ["V007229", "Station House Dental Practice", "DEN", "Dentist", null, "Shropshire", "TF2 6AG", 52.69336, -2.45024],
  ["V007250", "Bupa Dental Care, Wellington", "DEN", "Dentist", null, "Shropshire", "TF1 1DG", 52.7024, -2.51858],
  ["V028008", "Pontesbury Dental Practice", "DEN", "Dentist", null, "Shrewsbury", "SY5 0QJ", 52.64896, -2.89642],
  ["V006628", "Market Drayton Dental Practice", "DEN", "Dentist", null, "Shropshire", "TF9 3DD", 52.90295, -2.48602],
  ["V006055", "mydentist, Station Road, Hednesford", "DEN", "Dentist", null, "Cannock", "WS12 4DH", 52.71233, -2.00068],
  ["V006951_1", "Caldmore Dental Surgery", "DEN", "Dentist", null, "Walsall", "WS1 3AB", 52.57925, -1.97353],
  ["V006968", "First Dental", "DEN", "Dentist", null, "Walsall", "WS3 2DG", 52.61322, -2.00294],
  ["V001522", "Key Dental Practice", "DEN", "Dentist", null, "Willenhall", "WV12 5EA", 52.61273, -2.03704],
  ["V006988", "Aldridge Dental Practice", "DEN", "Dentist", null, "Walsall", "WS9 8AJ", 52.60252, -1.92119],
  ["V006076", "Prestige Dental Care", "DEN", "Dentist", null, "Bedworth", "CV12 8NA", 52.47922, -1.47383],
  ["V006366", "Penn Road Dental Practice", "DEN", "Dentist", null, "W Midlands", "WV3 8DH", 52.57173, -2.17364],
  ["V006390", "Goldthorn Hill Dental Practice", "DEN", "Dentist", null, "", "WV4 6RA", 52.55552, -2.11654],
  ["V007325", "Orthodontics For You", "DEN", "Dentist", null, "Bromsgrove", "B61 8DS", 52.3375, -2.06348],
  ["V008962", "Evesham Dental Health Team", "DEN", "Dentist", null, "Evesham", "WR11 1BG", 52.08863, -1.933],
  ["V008126", "Redcliffe Orthodontics", "DEN", "Dentist", null, "Worcester", "WR5 2HN", 52.18059, -2.20421],
  [
    "V007841",
    "Bupa Dental Care, Peterborough Werrington",
    "DEN",
    "Dentist",
    null,
    "Cambs",
    "PE4 6NB",
    52.62048,
    -0.27218,
  ],
  [
    "V007845",
    "mydentist, Fulbridge Road, Peterborough ",
    "DEN",
    "Dentist",
    null,
    "Peterborough",
    "PE1 3LE",
    52.60068,
    -0.25026,
  ],
  ["RX2D7", "Glebelands Centre", "CLI", "Clinic", "NHS Sector", "Shoreham-By-Sea", "BN43 6GA", 50.83613, -0.26105],
  ["V002804", "Great Shelford Dental Surgery", "DEN", "Dentist", null, "Cambs", "CB22 5LZ", 52.1466, 0.13499],
  ["V044032", "Linton Dental Practice", "DEN", "Dentist", null, "Cambridge", "CB21 4HS", 52.09566, 0.27454],
  ["V007610", "mydentist, The Broadway, St Ives ", "DEN", "Dentist", null, "St. Ives", "PE27 5BX", 52.32458, -0.07616],
  ["V005579", "Upwell Road Dental Centre", "DEN", "Dentist", null, "Cambridgeshire", "PE15 0DA", 52.544, 0.10321],
  ["V005559", "Bupa Dental Care, Wisbech", "DEN", "Dentist", null, "Cambs", "PE13 1HQ", 52.66375, 0.15865],
  [
    "RV5E1",
    "Young Offenders Service (Lewisham)",
    "CLI",
    "Clinic",
    "NHS Sector",
    "London",
    "SE13 6BJ",
    51.46134,
    -0.00938,
  ],
  ["V001143", "Wootton Road Dental Clinic", "DEN", "Dentist", null, "Kings Lynn", "PE30 4DJ", 52.76041, 0.42417],
  ["V000809", "Bupa Dental Care, Gorleston", "DEN", "Dentist", null, "Gorleston", "NR31 6RQ", 52.58104, 1.72894],
  ["V004971", "Broadway Dental Surgery", "DEN", "Dentist", null, "Edgware", "HA8 0AS", 51.6026, -0.26944],
  ["V009284", "Dental Arts Studio", "DEN", "Dentist", null, "", "NW4 3UX", 51.5824, -0.22923],
  ["V004310", "Dental Arts Studio", "DEN", "Dentist", null, "Middlesex", "EN2 6EB", 51.65175, -0.08034],
  ["V001578", "Royston Dental Suite", "DEN", "Dentist", null, "Herts", "SG8 9AA", 52.04736, -0.02388],
  ["V008006", "Woodhall Farm Dental Surgery", "DEN", "Dentist", null, "Herts", "HP2 7QD", 51.78016, -0.44265],
  ["V008602", "Hemel Smile Studios", "DEN", "Dentist", null, "Herts", "HP3 8EW", 51.74219, -0.44888],
  [
    "V007939",
    "The Leys Road Dental Practice",
    "DEN",
    "Dentist",
    null,
    "Hemel Hempstead",
    "HP3 9LX",
    51.74224,
    -0.45064,
  ],
  ["V006380", "Hydean Dental Practice", "DEN", "Dentist", null, "STEVENAGE", "SG2 9XU", 51.89221, -0.17432],
  ["V008757", "Watford Dental Practice", "DEN", "Dentist", null, "WATFORD", "WD24 5BH", 51.66976, -0.39783],
  ["V006936", "Harley House", "DEN", "Dentist", null, "Herts", "WD6 5BT", 51.65923, -0.2719],
  ["V006977", "Shenley Road Dental Practice", "DEN", "Dentist", null, "Herts", "WD7 7NQ", 51.68753, -0.3191],
  ["V012836", "Village Dental Practice", "DEN", "Dentist", null, "Stevenage", "SG1 1DH", 51.90133, -0.20015],
  ["V007923", "Berkhamsted Dental Care", "DEN", "Dentist", null, "Herts", "HP4 2AB", 51.76146, -0.56476],
  ["V001414", "Peachdent Practice", "DEN", "Dentist", null, "Hertfordshire", "EN8 9DF", 51.70522, -0.03479],
  ["V008254", "Deansgate Dental", "DEN", "Dentist", null, "Manchester", "M26 2SH", 53.55957, -2.32474],
  ["V013926", "Genix Healthcare Alnwick", "DEN", "Dentist", null, "Alnwick", "NE66 2GD", 55.39769, -1.69203],
  ["V009568", "Synergy Dental Clinic", "DEN", "Dentist", null, "Bolton", "BL1 8DT", 53.59292, -2.43071],
  ["V012289", "Modwena Orthodontics", "DEN", "Dentist", null, "Staffs", "DE14 1HA", 52.80169, -1.63015],
];

function pick(source: Organisation, fields: readonly (keyof Organisation)[], score: number): Organisation {
  const out: Record<string, unknown> = { "@search.score": score };
  for (const f of fields) out[f] = source[f];
  return out as Organisation;
}

const envelope = (
  value: Organisation[],
  extra: Partial<OrganisationSearchResults> = {},
): OrganisationSearchResults => ({
  "@odata.context": INDEX_CONTEXT,
  ...(extra["@odata.count"] !== undefined ? { "@odata.count": extra["@odata.count"] } : {}),
  value,
  ...(extra["@odata.nextLink"] ? { "@odata.nextLink": extra["@odata.nextLink"] } : {}),
});

/** Fact 17: no search text, no matching filter: the first 50 organisations of the index. */
export const allOrganisations = envelope(
  ALL_ROWS.map((row, i) => organisation(row, i)),
  {
    "@odata.nextLink":
      "https://nhsuksearchstaguks.search.windows.net/indexes/service-search-syndication-3-2/docs/?api-version=2017-11-11-Preview&search=%2A&$skip=50",
  },
);

/** Fact 8: search=Y02494, a GP branch in Leeds under NHS Leeds CCG. */
export const shakespeare: Organisation = {
  ...organisation(
    [
      "Y02494",
      "Shakespeare Medical Practice",
      "GPB",
      "GpBranch",
      null,
      "Leeds",
      "LS9 7TA",
      53.802101135253906,
      -1.5251809358596802,
    ],
    0,
  ),
  "@search.score": 1.6469194,
  SearchKey: "X100382",
  Address1: "Burmantofts Health Centre",
  Address2: "Cromwell Mount",
  County: "West Yorkshire",
  Geocode: {
    type: "Point",
    coordinates: [-1.52518, 53.8021],
    crs: { type: "name", properties: { name: "EPSG:4326" } },
  },
  OrganisationAliases: [{ OrganisationAlias: "Shakespeare Medical Practice", OrganisationAliasId: "4568" }],
  ParentOrganisation: { ODSCode: "15F", OrganisationName: "NHS Leeds CCG" },
  Services: [
    {
      ServiceName: "Anticoagulant monitoring",
      ServiceCode: "SRV0279",
      Contacts: [],
      Treatments: [],
      OpeningTimes: [],
      AgeRange: [],
      Metrics: [],
      KeyValueData: [],
    },
  ],
  OpeningTimes: hours("08:00", "18:00"),
  Contacts: [
    phone(1),
    {
      ContactType: "Primary",
      ContactAvailabilityType: "Office hours",
      ContactMethodType: "Email",
      ContactValue: "reception.y02494@example.nhs.net",
    },
  ],
  AcceptingPatients: { GP: "Yes", Dentist: [] },
  GPRegistration: { RegistrationLink: "https://gp-registration.nhs.uk/Y02494", AcceptingOutOfArea: true },
};
export const singleOrganisation = envelope([shakespeare]);

const PHARMACY_FIELDS = [
  "ODSCode",
  "OrganisationName",
  "OrganisationType",
  "Address1",
  "Address2",
  "Address3",
  "City",
  "Postcode",
  "OrganisationSubType",
  "Contacts",
] as const;

/** Fact 9: searchFields=ODSCode, $filter=IsEpsEnabled eq 'true'. */
export const serviceCodeFiltered = envelope(
  [
    pick(
      {
        ...organisation(
          ["FKH23", "Pharmaease.Com", "PHA", "Pharmacy", "DistanceSelling", "Lancashire", "BL3 4BU", 53.5627, -2.4502],
          2,
        ),
        Address1: "172 Willow Lane",
        Address3: "Bolton",
      },
      PHARMACY_FIELDS,
      1.6324018,
    ),
  ],
  { "@odata.count": 1 },
);

/** Fact 10: search=pharmacy2u in OrganisationName, EPS-enabled distance-selling pharmacies. */
export const byNameFiltered = envelope(
  [
    pick(
      {
        ...organisation(
          ["FLM49", "PHARMACY2U", "PHA", "Pharmacy", "DistanceSelling", "West Yorkshire", "LS14 2LA", 53.8243, -1.4441],
          3,
        ),
        Address1: "Unit 4B",
        Address2: "Victoria Road",
        Address3: "Leeds",
      },
      [...PHARMACY_FIELDS, "Country"],
      12.665959,
    ),
  ],
  { "@odata.count": 1 },
);

const LOCATION_ROWS: Array<[string | null, string | null, string | null, number, number, string, number]> = [
  ["Bletchley", "Milton Keynes", "Buckinghamshire", 51.997413635253906, -0.7476235032081604, "MK3 6EN", 7.3504233],
  [null, "Bletchley", null, 51.99380111694336, -0.7334651947021484, "MK2 2HE", 7.3504233],
  ["Bletchley", "Milton Keynes", "", 51.979278564453125, -0.7257938385009766, "MK2 3HN", 7.2405663],
  ["Bletchley", "Milton Keynes", "Buckinghamshire", 51.9806022644043, -0.7260183691978455, "MK2 3QL", 7.2116985],
  ["Bletchley", "Milton Keynes", null, 51.99628448486328, -0.7228931784629822, "MK2 2EH", 7.1680713],
  [null, "Bletchley", "", 51.99380111694336, -0.7334651947021484, "MK2 2HE", 7.157346],
  ["BLETCHLEY", "MILTON KEYNES", null, 52.00758361816406, -0.7325225472450256, "MK1 1SR", 7.1043587],
  ["Bletchley", "Milton Keynes", "Buckinghamshire", 51.986045837402344, -0.7297666668891907, "MK2 3HU", 7.083871],
  ["Bletchley", null, null, 51.99628448486328, -0.7228931784629822, "MK2 2EH", 6.928645],
  ["BLETCHLEY", "MILTON KEYNES", "", 52.00758361816406, -0.7325225472450256, "MK1 1SR", 6.905836],
];

/** Fact 11: search=Bletchley in Address3, City, County: 22 matches, the first 10 returned. */
export const byLocation = envelope(
  LOCATION_ROWS.map(([Address3, City, County, Latitude, Longitude, Postcode, score]) => ({
    "@search.score": score,
    Address3,
    City,
    County,
    Latitude,
    Longitude,
    Postcode,
    Country: "England",
  })),
  { "@odata.count": 22 },
);

const community = (rows: Array<[string, string, string, string, string, string, number, number]>, withType: boolean) =>
  rows.map(([ods, name, a1, a2, a3, postcode, latitude, longitude], i) => ({
    "@search.score": 1,
    ODSCode: ods,
    OrganisationName: name,
    ...(withType ? { OrganisationType: "Pharmacy" } : {}),
    Address1: a1,
    Address2: a2,
    Address3: a3,
    City: "",
    ...(withType ? { Latitude: latitude, Longitude: longitude } : {}),
    Postcode: postcode,
    OrganisationSubType: "Community",
    Contacts: [phone(200 + i)],
  }));

/** Fact 12: EPS community pharmacies ordered by distance from a point near Milton Keynes (482 in all). */
export const geocodeOrdered = envelope(
  community(
    [
      ["FDF16", "West Street Pharmacy", "8-10 WEST STREET", "DUNSTABLE", "BEDFORDSHIRE", "LU6 1SX", 51.886, -0.523],
      ["FQE61", "Mayfield Pharmacy", "12 MAYFIELD ROAD", "DUNSTABLE", "BEDFORDSHIRE", "LU5 4AP", 51.899, -0.507],
      ["FA660", "Dr Pharmacy", "351 DUNSTABLE ROAD", "", "LUTON", "LU4 8BY", 51.889, -0.449],
      ["FLM05", "Farley Hill Chemist", "3-4 MARKET SQUARE", "", "LUTON", "LU1 5RD", 51.866, -0.4341],
      ["FFH29", "Krish Chemist", "JANSEL HOUSE", "650 HITCHIN ROAD", "LUTON", "LU2 7XH", 51.906, -0.393],
      ["FWD45", "Croyland Ltd", "77 LONDON ROAD", "WOLLASTON", "WELLINGBOROUGH", "NN29 7QP", 52.258, -0.669],
      ["FNE14", "Park Square Pharmacy", "10 Park Square", "Kings Heath", "Northampton", "NN5 7LQ", 52.252, -0.932],
      ["FND95", "Manor Pharmacy", "2 HIGH STREET", "", "WHEATHAMPSTEAD", "AL4 8AA", 51.812, -0.292],
      ["FH880", "ST.NICHOLAS PHARMACY", "61 CANTERBURY WAY", "", "STEVENAGE", "SG1 4LJ", 51.917, -0.197],
      ["FDK52", "Ahmeys Late Night Pharmacy", "150 OXFORD ROAD", "COWLEY", "OXFORD", "OX4 2EA", 51.734, -1.214],
    ],
    false,
  ),
  { "@odata.count": 482 },
);

/** Fact 13: community pharmacies whose postcode matches B11 (12 in all). */
export const nearestByPostcode = envelope(
  community(
    [
      [
        "FTN75",
        "Greet Pharmacy",
        "SYNERGY HOUSE",
        "109-113 PERCY ROAD",
        "SPARKHILL",
        "B11 3NQ",
        52.45265197753906,
        -1.8586925268173216,
      ],
      [
        "FFA63",
        "THE PHARMACY PRACTICE",
        "282 Stratford Road",
        "Sparkbrook",
        "Birmingham",
        "B11 1AA",
        52.45951461791992,
        -1.8713716268539429,
      ],
      [
        "FA215",
        "STAG CHEMIST BIRMINGHAM LIMITED",
        "553-555 STRATFORD ROAD",
        "SPARKHILL",
        "BIRMINGHAM",
        "B11 4LP",
        52.45338821411133,
        -1.8663126230239868,
      ],
      [
        "FVR41",
        "Sparkbrook Pharmacy",
        "153A STRATFORD ROAD",
        "SPARKBROOK",
        "BIRMINGHAM",
        "B11 1RD",
        52.46355056762695,
        -1.8767776489257812,
      ],
      [
        "FTP87",
        "Laser Pharmacy",
        "854 STRATFORD ROAD",
        "SPARKHILL",
        "BIRMINGHAM",
        "B11 4BS",
        52.44519805908203,
        -1.8591135740280151,
      ],
      [
        "FPP39",
        "Olive Tree Pharmacy",
        "463 STRATFORD ROAD",
        "",
        "SPARKHILL",
        "B11 4LD",
        52.45504379272461,
        -1.8677055835723877,
      ],
      [
        "FEH43",
        "Sparkbrook Health Centre Pharmacy",
        "Grantham Road",
        "Sparkbrook",
        "Birmingham",
        "B11 1LU",
        52.46266174316406,
        -1.871318221092224,
      ],
      [
        "FCL95",
        "Masters Pharmacy",
        "741a Stratford Road",
        "Sparkhill",
        "Birmingham",
        "B11 4DG",
        52.4449577331543,
        -1.8596144914627075,
      ],
      [
        "FJ079",
        "Shah Pharmacy",
        "491 STRATFORD ROAD",
        "SPARKHILL",
        "BIRMINGHAM",
        "B11 4LE",
        52.454341888427734,
        -1.867045521736145,
      ],
      [
        "FG295",
        "Barkat Pharmacy",
        "775 STRATFORD ROAD",
        "SPARKHILL",
        "BIRMINGHAM",
        "B11 4DG",
        52.4449577331543,
        -1.8596144914627075,
      ],
    ],
    true,
  ),
  { "@odata.count": 12 },
);

/** Fact 14: EPS-enabled organisations in Bletchley with wheelchair access (no @odata.count). */
export const wheelchairAccess = envelope(
  (
    [
      ["FA796", 12.246937],
      ["FD207", 11.701518],
    ] as const
  ).map(([ODSCode, score]) => ({
    "@search.score": score,
    ODSCode,
    IsEpsEnabled: "true" as const,
    Facilities: [
      facility(1, "Braille translation service", "No"),
      facility(2, "Disabled parking", "Yes"),
      facility(5, "Wheelchair access", "Yes"),
      facility(20, "Consultation room", "Yes", "Services"),
    ],
  })),
);

/** Fact 15: organisations in Bletchley that close at 14:00 on some day (no @odata.count). */
export const closingTime = envelope([
  {
    ...organisation(
      [
        "op_5CQ_14311__000002_MK22EH",
        "The Contact Lens Clinic",
        "OPT",
        "Optician",
        null,
        "",
        "MK2 2EH",
        51.99628448486328,
        -0.7228931784629822,
      ],
      10,
    ),
    "@search.score": 12.646028,
    SearchKey: "X16074",
    Address1: "233 Queensway",
    Address3: "Bletchley",
    County: "",
    OpeningTimes: [...hours("09:00", "17:30", DAYS.slice(0, 5)), ...hours("09:00", "14:00", ["Saturday"])],
  },
  {
    ...organisation(
      [
        "V000864",
        "Oxford House Dental Practice  ",
        "DEN",
        "Dentist",
        null,
        "Milton Keynes",
        "MK2 2BA",
        51.9972,
        -0.7351,
      ],
      11,
    ),
    "@search.score": 11.631579,
    SearchKey: "X21872",
    Address1: "Oxford House Dental Practice",
    Address2: "Aylesbury Street",
    Address3: "Bletchley",
    County: "Buckinghamshire",
    OpeningTimes: [...hours("08:30", "17:00", DAYS.slice(0, 4)), ...hours("08:30", "14:00", ["Friday"])],
  },
]);

/** Fact 16: nothing matched. */
export const noOrganisations = envelope([]);
