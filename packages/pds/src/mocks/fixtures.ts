// Test patients written for nhskit. The NHS numbers, names and dates that the hosted PDS sandbox uses are
// facts carried over so that code written against one works against the other; everything else is ours.

const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
const ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
const CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

export type FhirResource = Record<string, unknown> & { resourceType: string };

function nhsIdentifier(nhsNumber: string) {
  return [
    {
      system: NHS_NUMBER_SYSTEM,
      value: nhsNumber,
      extension: [
        {
          url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus",
          valueCodeableConcept: {
            coding: [
              {
                system: "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus",
                code: "01",
                display: "Number present and verified",
              },
            ],
          },
        },
      ],
    },
  ];
}

function security(code: "U" | "R") {
  return [
    {
      system: CONFIDENTIALITY,
      code,
      display: code === "U" ? "unrestricted" : "restricted",
    },
  ];
}

interface PersonSketch {
  nhsNumber: string;
  given: string[];
  family: string;
  prefix?: string;
  gender: "male" | "female" | "other" | "unknown";
  birthDate: string;
  gp?: string;
  postcode?: string;
  town?: string;
}

/** A full, unrestricted test record built from a few facts. */
function person(p: PersonSketch): FhirResource {
  return {
    resourceType: "Patient",
    id: p.nhsNumber,
    identifier: nhsIdentifier(p.nhsNumber),
    meta: { versionId: "2", security: security("U") },
    name: [
      {
        id: "a1b2c3",
        use: "usual",
        period: { start: "2020-01-01" },
        given: p.given,
        family: p.family,
        ...(p.prefix ? { prefix: [p.prefix] } : {}),
      },
    ],
    gender: p.gender,
    birthDate: p.birthDate,
    ...(p.gp
      ? {
          generalPractitioner: [
            {
              id: "d4e5f6",
              type: "Organization",
              identifier: { system: ODS_SYSTEM, value: p.gp, period: { start: "2020-01-01" } },
            },
          ],
        }
      : {}),
    address: [
      {
        id: "456789",
        use: "home",
        period: { start: "2020-01-01" },
        line: ["2 Example Street", p.town ?? "Leeds"],
        postalCode: p.postcode ?? "LS1 6AE",
      },
    ],
  };
}

/** Jane Smith: the sandbox's main test patient (deceased, so date of death is set). */
export const janeSmith: FhirResource = {
  ...person({
    nhsNumber: "9000000009",
    given: ["Jane"],
    family: "Smith",
    prefix: "Mrs",
    gender: "female",
    birthDate: "2010-10-22",
    gp: "Y12345",
  }),
  deceasedDateTime: "2010-10-22T00:00:00+00:00",
  telecom: [
    { id: "789abc", system: "phone", use: "home", value: "01632960587", period: { start: "2020-01-01" } },
    { id: "def012", system: "email", use: "home", value: "jane.smith@example.com", period: { start: "2020-01-01" } },
  ],
};

/** Janet Smythe: a sensitive (restricted) record; address, telecom and GP are withheld. */
export const janetSmythe: FhirResource = {
  resourceType: "Patient",
  id: "9000000025",
  identifier: nhsIdentifier("9000000025"),
  meta: { versionId: "2", security: security("R") },
  name: [
    { id: "bcd123", use: "usual", period: { start: "2020-01-01" }, given: ["Janet"], family: "Smythe", prefix: ["Ms"] },
  ],
  gender: "female",
  birthDate: "2010-10-22",
};

/** A record holding almost nothing: no name, gender or date of birth. */
export const minimalPatient: FhirResource = {
  resourceType: "Patient",
  id: "9000000033",
  identifier: nhsIdentifier("9000000033"),
  meta: { versionId: "2", security: security("U") },
};

/** Appears in search and related-person results but, as on the hosted sandbox, cannot be read. */
export const johnSmith: FhirResource = person({
  nhsNumber: "9000000017",
  given: ["John"],
  family: "Smith",
  gender: "male",
  birthDate: "2010-10-22",
  gp: "Y12345",
});

export const billGarton = person({
  nhsNumber: "9693632109",
  given: ["Bill"],
  family: "GARTON",
  gender: "male",
  birthDate: "1946-06-23",
  gp: "B82617",
});

export const knappExact = person({
  nhsNumber: "9736363023",
  given: ["Ada"],
  family: "KNAPP",
  gender: "female",
  birthDate: "1943-07-03",
});

export const historicSmith = person({
  nhsNumber: "9733162043",
  given: ["Harry"],
  family: "Smith",
  gender: "male",
  birthDate: "2000-05-05",
});

/** Further readable test records; details are ours, only the NHS numbers are the sandbox's. */
const others: Array<[string, string, string, "male" | "female"]> = [
  ["9732110317", "Alex", "Fenwick"],
  ["9736363015", "Nia", "Okafor"],
  ["9736363066", "Tom", "Brennan"],
  ["9736363074", "Priya", "Natarajan"],
  ["5900046192", "Sam", "Lowther"],
  ["5900056597", "Eve", "Marsh"],
  ["5900057208", "Ravi", "Pillai"],
  ["5900059073", "Mia", "Kowalski"],
  ["5900059332", "Leo", "Hartley"],
].map(([n, g, f], i) => [n!, g!, f!, i % 2 ? "female" : "male"]);

/** Every patient GET /Patient/{id} can read. */
export function patientStore(): Map<string, FhirResource> {
  const store = new Map<string, FhirResource>();
  for (const p of [janeSmith, janetSmythe, minimalPatient, billGarton, knappExact, historicSmith])
    store.set(p.id as string, p);
  for (const [nhsNumber, given, family, gender] of others) {
    store.set(nhsNumber, person({ nhsNumber, given: [given], family, gender, birthDate: "1980-01-01" }));
  }
  return store;
}

function relatedPerson(id: string, patientNhs: string, given: string, family: string, code: string, display: string) {
  return {
    resourceType: "RelatedPerson",
    id,
    patient: { type: "Patient", identifier: { system: NHS_NUMBER_SYSTEM, value: patientNhs } },
    name: [{ use: "usual", given: [given], family }],
    relationship: [
      {
        coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-RoleCode", code, display }],
      },
    ],
    active: true,
    period: { start: "2020-01-01" },
  };
}

/** Related people per patient, by the ids the hosted sandbox uses. */
export const relatedPeople: Record<string, FhirResource[]> = {
  "9000000009": [
    relatedPerson("507B7621", "9000000009", "Sally", "Smith", "MTH", "mother"),
    relatedPerson("B3380E98", "9000000009", "Peter", "Smith", "FTH", "father"),
  ],
  "9000000017": [relatedPerson("8F1C44A2", "9000000017", "Mary", "Smith", "MTH", "mother")],
};

/** A coverage (EHIC-style card) bundle for 9000000009. */
export function coverageBundle(nhsNumber: string, version = 1): FhirResource {
  const withCoverage = nhsNumber === "9000000009";
  return {
    resourceType: "Bundle",
    type: "searchset",
    meta: { versionId: String(version) },
    total: withCoverage ? 1 : 0,
    entry: withCoverage
      ? [
          {
            fullUrl: "urn:uuid:6c8a2b6e-0b8a-4a6f-9f43-1b0c6d1f3e21",
            resource: {
              resourceType: "Coverage",
              id: "6c8a2b6e-0b8a-4a6f-9f43-1b0c6d1f3e21",
              identifier: [{ system: "https://fhir.nhs.uk/Id/ehic-card-number", value: "80123456789012345678" }],
              status: "active",
              subscriber: { identifier: { system: NHS_NUMBER_SYSTEM, value: nhsNumber } },
              beneficiary: { identifier: { system: NHS_NUMBER_SYSTEM, value: nhsNumber } },
              period: { start: "2024-01-01", end: "2029-01-01" },
              payor: [{ identifier: { system: "https://fhir.nhs.uk/Id/ehic-institution-id", value: "DE-0001" } }],
            },
          },
        ]
      : [],
  };
}
