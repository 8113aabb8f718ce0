// nhskit's model of a GP practice system answering GP Connect Appointment Management. There is no hosted
// sandbox for the provider API; the worked values of the GP Connect Swagger document (the practice B82617,
// patient 9690937286, practitioner G13579135, organisation GPC001, slots on 2020-05-09 and 2020-05-10) are
// used so its examples work here. Everything else is ours.

const SD = "https://fhir.nhs.uk/STU3/StructureDefinition";
const CS = "https://fhir.nhs.uk/STU3/CodeSystem";
const ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

export type Json = Record<string, unknown> & { resourceType: string; id: string };

const meta = (name: string) => ({ versionId: "1", profile: [`${SD}/${name}`] });

export const PRACTICE_ODS = "B82617";
export const REGISTERED_NHS_NUMBER = "9690937286";

export function providerResources(): Map<string, Json> {
  const resources: Json[] = [
    {
      resourceType: "Patient",
      id: "2",
      meta: meta("CareConnect-GPC-Patient-1"),
      identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: REGISTERED_NHS_NUMBER }],
      active: true,
      name: [{ use: "official", family: "Fairweather", given: ["Robin"], prefix: ["Mx"] }],
      gender: "unknown",
      birthDate: "1984-03-14",
      address: [{ use: "home", type: "physical", line: ["4 Sample Row"], city: "Leeds", postalCode: "LS2 7AB" }],
      generalPractitioner: [{ reference: "Practitioner/1" }],
      managingOrganization: { reference: "Organization/1" },
    },
    {
      resourceType: "Practitioner",
      id: "1",
      meta: meta("CareConnect-GPC-Practitioner-1"),
      identifier: [{ system: "https://fhir.nhs.uk/Id/sds-user-id", value: "G13579135" }],
      name: [{ use: "usual", family: "Adebayo", given: ["Tomi"], prefix: ["Dr"] }],
      gender: "female",
    },
    {
      resourceType: "Organization",
      id: "1",
      meta: meta("CareConnect-GPC-Organization-1"),
      identifier: [{ system: ODS, value: PRACTICE_ODS }],
      type: [{ coding: [{ system: `${CS}/GPConnect-OrganisationType-1`, code: "gp-practice" }] }],
      name: "nhskit Provider Practice",
      telecom: [{ system: "phone", value: "0113 496 0100", use: "work" }],
    },
    {
      resourceType: "Organization",
      id: "2",
      meta: meta("CareConnect-GPC-Organization-1"),
      identifier: [{ system: ODS, value: "GPC001" }],
      name: "nhskit Consumer Surgery",
    },
    {
      resourceType: "Location",
      id: "1",
      meta: meta("CareConnect-GPC-Location-1"),
      status: "active",
      name: "nhskit Provider Practice, main site",
      address: { line: ["10 Example Road"], city: "Leeds", postalCode: "LS1 4AP" },
      managingOrganization: { reference: "Organization/1" },
    },
    {
      resourceType: "Schedule",
      id: "1",
      meta: meta("GPConnect-Schedule-1"),
      extension: [
        {
          url: `${SD}/Extension-GPConnect-PractitionerRole-1`,
          valueCodeableConcept: {
            coding: [
              { system: `${CS}/CareConnect-SDSJobRoleName-1`, code: "R0260", display: "General Medical Practitioner" },
            ],
          },
        },
      ],
      serviceCategory: { text: "General GP appointments" },
      actor: [{ reference: "Location/1" }, { reference: "Practitioner/1" }],
      planningHorizon: { start: "2020-05-09T08:00:00+01:00", end: "2020-05-23T18:00:00+01:00" },
    },
    slot("1", "2020-05-09T09:00:00+01:00", "2020-05-09T09:10:00+01:00", "busy"),
    slot("2", "2020-05-09T09:10:00+01:00", "2020-05-09T09:20:00+01:00", "free"),
    slot("3", "2020-05-09T09:20:00+01:00", "2020-05-09T09:30:00+01:00", "free"),
    slot("4", "2020-05-10T10:00:00+01:00", "2020-05-10T10:10:00+01:00", "free"),
    slot("5", "2020-05-12T10:00:00+01:00", "2020-05-12T10:10:00+01:00", "free"),
    {
      resourceType: "Appointment",
      id: "1",
      meta: meta("GPConnect-Appointment-1"),
      contained: [
        {
          resourceType: "Organization",
          id: "1",
          meta: { profile: [`${SD}/CareConnect-GPC-Organization-1`] },
          identifier: [{ system: ODS, value: "GPC001" }],
          name: "nhskit Consumer Surgery",
          telecom: [{ system: "phone", value: "0113 496 0200" }],
        },
      ],
      extension: [{ url: `${SD}/Extension-GPConnect-BookingOrganisation-1`, valueReference: { reference: "#1" } }],
      status: "booked",
      description: "Review of a long-term condition",
      start: "2020-05-09T09:00:00+01:00",
      end: "2020-05-09T09:10:00+01:00",
      slot: [{ reference: "Slot/1" }],
      created: "2020-05-01T10:00:00+01:00",
      participant: [
        { actor: { reference: "Patient/2" }, status: "accepted" },
        { actor: { reference: "Location/1" }, status: "accepted" },
        { actor: { reference: "Practitioner/1" }, status: "accepted" },
      ],
    },
  ];
  return new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
}

function slot(id: string, start: string, end: string, status: "free" | "busy"): Json {
  return {
    resourceType: "Slot",
    id,
    meta: meta("GPConnect-Slot-1"),
    extension: [{ url: `${SD}/Extension-GPConnect-DeliveryChannel-2`, valueCode: "In-person" }],
    serviceType: [{ text: "General GP appointment" }],
    schedule: { reference: "Schedule/1" },
    status,
    start,
    end,
  };
}

/** What GET /metadata answers. */
export function capabilityStatement(): Json {
  const read = [{ code: "read" }];
  const search = [{ code: "search-type" }];
  return {
    resourceType: "CapabilityStatement",
    id: "nhskit-gp-connect-provider",
    version: "1.5.0",
    name: "nhskit GP Connect provider mock",
    status: "active",
    date: "2020-10-05",
    publisher: "nhskit",
    kind: "capability",
    software: { name: "nhskit mock", version: "1.5.0" },
    fhirVersion: "3.0.1",
    acceptUnknown: "both",
    format: ["application/fhir+json"],
    rest: [
      {
        mode: "server",
        operation: [
          {
            name: "gpc.registerpatient",
            definition: {
              reference: "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1",
            },
          },
        ],
        resource: [
          { type: "Patient", interaction: [...read, ...search], searchParam: [{ name: "identifier", type: "token" }] },
          {
            type: "Practitioner",
            interaction: [...read, ...search],
            searchParam: [{ name: "identifier", type: "token" }],
          },
          {
            type: "Organization",
            interaction: [...read, ...search],
            searchParam: [{ name: "identifier", type: "token" }],
          },
          { type: "Location", interaction: read },
          {
            type: "Slot",
            interaction: search,
            searchParam: [
              { name: "start", type: "date" },
              { name: "end", type: "date" },
              { name: "status", type: "token" },
              { name: "searchFilter", type: "token" },
            ],
            searchInclude: ["Slot:schedule"],
          },
          { type: "Appointment", interaction: [...read, { code: "create" }, { code: "update" }] },
        ],
      },
    ],
  };
}
