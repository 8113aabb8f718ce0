// Starting values for the forms, from the same test data our sandbox and examples use. Keys are
// "<apiId> <METHOD> <path>", the path exactly as in the API's OpenAPI document. A key names a path, not a
// document, so an operation two documents share (EPS's combined and split products) shares its prefill.
export interface Prefill {
  path?: Record<string, string>;
  query?: Record<string, string>;
  header?: Record<string, string>;
  body?: unknown;
}

const NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
const ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
const SNOMED = "http://snomed.info/sct";
const nhsNumber = (value: string) => ({ system: NHS_NUMBER, value });
const ods = (value: string) => ({ system: ODS, value });

const jane = "9000000009";

// ---- EPS: one paracetamol item for 9449304130 from HALLGARTH SURGERY (A83008), as in the package's examples.
const ORDER_NUMBER = "https://fhir.nhs.uk/Id/prescription-order-number";
const ROLE_PROFILE = "555254240100";
const EPS_IDS = {
  header: "urn:uuid:3a4e966a-d0bc-44c9-9f3f-2d604a1565b0",
  item: "urn:uuid:e9b04ea0-2f33-4de6-b20d-574c43bb12b0",
  patient: "urn:uuid:eedd69cb-b183-45fc-9d3f-cf8940992fbe",
  role: "urn:uuid:db1d84c3-667a-44d7-9a78-eb91d4e477e4",
  practitioner: "urn:uuid:9d4726d4-4205-458e-8133-e31908f10834",
  practice: "urn:uuid:609a3e19-6580-42d9-aed4-19b552b2382c",
};
function epsMessage(event: string, item: Record<string, unknown>) {
  return {
    resourceType: "Bundle",
    id: "9702a175-093b-4fda-a809-42a1c0ac152f",
    identifier: { system: "https://tools.ietf.org/html/rfc4122", value: "9702a175-093b-4fda-a809-42a1c0ac152f" },
    type: "message",
    entry: [
      {
        fullUrl: EPS_IDS.header,
        resource: {
          resourceType: "MessageHeader",
          eventCoding: { system: "https://fhir.nhs.uk/CodeSystem/message-event", code: event },
          sender: { identifier: ods("A83008"), display: "HALLGARTH SURGERY" },
          source: { endpoint: "https://directory.spineservices.nhs.uk/STU3/Organization/A83008" },
          focus: [{ reference: EPS_IDS.item }, { reference: EPS_IDS.patient }],
        },
      },
      {
        fullUrl: EPS_IDS.item,
        resource: {
          resourceType: "MedicationRequest",
          identifier: [
            { system: "https://fhir.nhs.uk/Id/prescription-order-item-number", value: EPS_IDS.item.slice(9) },
          ],
          status: "active",
          intent: "order",
          medicationCodeableConcept: {
            coding: [{ system: SNOMED, code: "39720311000001101", display: "Paracetamol 500mg soluble tablets" }],
          },
          subject: { reference: EPS_IDS.patient },
          requester: { reference: EPS_IDS.role },
          groupIdentifier: { system: ORDER_NUMBER, value: "618B45-A83008-FBBABT" },
          dosageInstruction: [{ text: "2 tablets up to four times a day" }],
          dispenseRequest: {
            quantity: { value: 60, unit: "tablet", system: SNOMED },
            performer: { identifier: ods("VNE51") },
          },
          ...item,
        },
      },
      {
        fullUrl: EPS_IDS.patient,
        resource: {
          resourceType: "Patient",
          identifier: [nhsNumber("9449304130")],
          name: [{ prefix: ["MS"], given: ["STACEY", "MARISA"], family: "TWITCHETT" }],
        },
      },
      {
        fullUrl: EPS_IDS.role,
        resource: {
          resourceType: "PractitionerRole",
          practitioner: { reference: EPS_IDS.practitioner },
          organization: { reference: EPS_IDS.practice },
        },
      },
      { fullUrl: EPS_IDS.practitioner, resource: { resourceType: "Practitioner", name: [{ family: "CARTER" }] } },
      {
        fullUrl: EPS_IDS.practice,
        resource: { resourceType: "Organization", identifier: [ods("A83008")], name: "HALLGARTH SURGERY" },
      },
    ],
  };
}
const epsPrescriber = { header: { "NHSD-Session-URID": ROLE_PROFILE } };

// ---- BaRS: its JSON headers are base64 FHIR resources (ASCII only here, so btoa is enough).
const base64Json = (value: unknown) => btoa(JSON.stringify(value));
const barsHeaders = {
  "NHSD-End-User-Organisation": base64Json({
    resourceType: "Organization",
    identifier: [ods("A1001")],
    name: "Riverside Surgery",
  }),
  "NHSD-Requesting-Software": base64Json({
    resourceType: "Device",
    identifier: [{ system: "https://example.org/Id/device-identifier", value: "NHSKIT-PLAYGROUND" }],
    deviceName: { name: "nhskit playground", type: "manufacturer-name" },
    version: { value: "0.0.0" },
  }),
  // A Directory of Services id: the sandbox accepts any starting 2000.
  "NHSD-Target-Identifier": base64Json({ value: "2000011147", system: "https://fhir.nhs.uk/Id/dos-service-id" }),
  Accept: "application/fhir+json; version=1.4.0",
};

// ---- GP Connect provider: the Swagger's worked ASIDs. The audit JWT (Authorization) is built per call by the
// client; the form cannot make one, so provider calls from here are refused by the local sandbox (400).
const sspHeaders = (interaction: string) => ({
  "Ssp-TraceID": "0f6fb4c2-8a5e-4d69-9d3b-2b0e4f3a7c11",
  "Ssp-From": "200000000359",
  "Ssp-To": "918999198738",
  "Ssp-InteractionID": `urn:nhs:names:services:gpconnect:fhir:${interaction}`,
});

// ---- e-RS: a referring clinician at R69 reads; a provider clinician at RCD works its worklist.
const referrer = { "NHSD-eRS-Business-Function": "REFERRING_CLINICIAN", "NHSD-End-User-Organisation-ODS": "R69" };
const provider = {
  "NHSD-eRS-Business-Function": "SERVICE_PROVIDER_CLINICIAN",
  "NHSD-End-User-Organisation-ODS": "RCD",
};

// ---- NHS App: the NHS App team's test patient 9487416153 at practice B82041.
const appRecipient = [{ type: "Patient", identifier: nhsNumber("9487416153") }];

const prefills: Record<string, Prefill> = {
  "pds GET /Patient/{id}": { path: { id: jane } },
  "pds GET /Patient": { query: { family: "Smith", gender: "female", birthdate: "eq2010-10-22" } },
  "pds PATCH /Patient/{id}": {
    path: { id: jane },
    header: { "If-Match": 'W/"2"', "Content-Type": "application/json-patch+json" },
    body: { patches: [{ op: "replace", path: "/birthDate", value: "2010-10-23" }] },
  },
  "pds POST /Patient": {
    body: {
      name: [{ use: "usual", given: ["Ava"], family: "Newton", period: { start: "2026-11-01" } }],
      gender: "female",
      birthDate: "2026-11-01",
      address: [
        { use: "home", line: ["1 Birth Lane", "Leeds"], postalCode: "LS1 1AA", period: { start: "2026-11-01" } },
      ],
      extension: [
        {
          url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-RegisteringAuthority",
          extension: [
            {
              url: "registeringAuthorityType",
              valueCodeableConcept: {
                coding: [{ system: "https://fhir.nhs.uk/CodeSystem/UKCore-RegisteringAuthorityType", code: "x" }],
              },
            },
            { url: "organisationIdentifier", valueString: "Y12345" },
          ],
        },
      ],
    },
  },
  "pds GET /Patient/{id}/RelatedPerson": { path: { id: jane } },
  "pds GET /Coverage": { query: { "subscriber:identifier": jane } },
  "pds POST /Coverage": {
    header: { "If-Match": 'W/"1"' },
    body: {
      resourceType: "Coverage",
      identifier: [{ system: "https://fhir.nhs.uk/Id/ehic-card-number", value: "80123456789012345678" }],
      status: "active",
      subscriber: { identifier: nhsNumber(jane) },
      beneficiary: { identifier: nhsNumber(jane) },
      period: { end: "2029-01-01" },
    },
  },

  // EPS (combined and prescribing share these paths; dispensing's main call is the release).
  "eps POST /FHIR/R4/$prepare": { ...epsPrescriber, body: epsMessage("prescription-order", {}) },
  "eps POST /FHIR/R4/$process-message#prescription-order": {
    ...epsPrescriber,
    body: epsMessage("prescription-order", {}),
  },
  "eps POST /FHIR/R4/$process-message#prescription-order-update": {
    ...epsPrescriber,
    body: epsMessage("prescription-order-update", {
      status: "cancelled",
      statusReason: {
        coding: [{ system: "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-reason", code: "0001" }],
      },
    }),
  },
  "eps POST /FHIR/R4/Task/$release": {
    ...epsPrescriber,
    body: {
      resourceType: "Parameters",
      parameter: [
        {
          name: "owner",
          resource: { resourceType: "Organization", identifier: [ods("VNE51")], name: "THE SIMPLE PHARMACY" },
        },
        { name: "status", valueCode: "accepted" },
        {
          name: "agent",
          resource: {
            resourceType: "PractitionerRole",
            identifier: [{ system: "https://fhir.nhs.uk/Id/sds-role-profile-id", value: ROLE_PROFILE }],
          },
        },
      ],
    },
  },

  // SCR: 9000000009 has one SCR, FA60BE64-…; writes need the user's role id.
  "scr GET /Bundle": {
    query: {
      "composition.identifier": "FA60BE64-1F34-11EB-A2A8-000C29A364EB",
      "composition.subject:Patient.identifier": `${NHS_NUMBER}|${jane}`,
    },
  },
  "scr POST /Bundle": {
    header: { "NHSD-Session-URID": ROLE_PROFILE, "Content-Type": "application/fhir+json" },
    body: {
      resourceType: "Bundle",
      identifier: { system: "https://tools.ietf.org/html/rfc4122", value: "5A7C1E2B-3D4F-4A6B-8C9D-0E1F2A3B4C5D" },
      type: "document",
      timestamp: "2026-05-06T09:30:00+00:00",
      entry: [
        {
          resource: {
            resourceType: "Composition",
            identifier: {
              system: "https://tools.ietf.org/html/rfc4122",
              value: "5A7C1E2B-3D4F-4A6B-8C9D-0E1F2A3B4C5D",
            },
            status: "final",
            type: { coding: [{ system: SNOMED, code: "196981000000101", display: "General Practice Summary" }] },
            subject: { reference: "Patient/p1" },
            date: "2026-05-06T09:30:00+00:00",
            title: "General Practice Summary",
          },
        },
        { resource: { resourceType: "Patient", id: "p1", identifier: [nhsNumber(jane)] } },
      ],
    },
  },
  "scr GET /DocumentReference": { query: { patient: `${NHS_NUMBER}|${jane}` } },

  // NRL: RJ11 may read mental health crisis plans; RJ11-DEMO_1001 is one of the local sandbox's pointers.
  "nrl GET /DocumentReference": {
    query: { "subject:identifier": `${NHS_NUMBER}|9278693472` },
    header: { "NHSD-End-User-Organisation-ODS": "RJ11" },
  },
  "nrl POST /DocumentReference/_search": {
    header: { "NHSD-End-User-Organisation-ODS": "RJ11" },
    body: { "subject:identifier": `${NHS_NUMBER}|9278693472` },
  },
  "nrl GET /DocumentReference/{id}": {
    path: { id: "RJ11-DEMO_1001" },
    header: { "NHSD-End-User-Organisation-ODS": "RJ11" },
  },
  "nrl POST /DocumentReference": {
    header: { "NHSD-End-User-Organisation-ODS": "RJ11" },
    body: {
      resourceType: "DocumentReference",
      status: "current",
      type: { coding: [{ system: SNOMED, code: "736253002", display: "Mental health crisis plan" }] },
      category: [{ coding: [{ system: SNOMED, code: "734163000", display: "Care plan" }] }],
      subject: { identifier: nhsNumber("9449304130") },
      author: [{ identifier: ods("RJ11") }],
      custodian: { identifier: ods("RJ11") },
      content: [
        {
          attachment: { contentType: "text/html", url: "https://trust.example.nhs.uk/crisis-plans/contact" },
          format: {
            system: "https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode",
            code: "urn:nhs-ic:record-contact",
            display: "Contact details (HTTP Unsecured)",
          },
          extension: [
            {
              url: "https://fhir.nhs.uk/England/StructureDefinition/Extension-England-ContentStability",
              valueCodeableConcept: {
                coding: [
                  {
                    system: "https://fhir.nhs.uk/England/CodeSystem/England-NRLContentStability",
                    code: "static",
                    display: "Static",
                  },
                ],
              },
            },
          ],
        },
      ],
      context: {
        practiceSetting: { coding: [{ system: SNOMED, code: "788002001", display: "Adult mental health service" }] },
      },
    },
  },

  // BaRS: the sandbox's mock receiver answers canned bodies.
  "bars GET /metadata": { header: barsHeaders },
  "bars GET /MessageDefinition": {
    header: barsHeaders,
    query: { context: "https://fhir.nhs.uk/Id/dos-service-id|2000099999" },
  },
  "bars POST /$process-message": {
    header: { ...barsHeaders, "use-context": "a1t1|booking|booking-request|new" },
    body: {
      resourceType: "Bundle",
      type: "message",
      entry: [
        {
          fullUrl: "urn:uuid:2b6a7c0e-1111-4c6e-9a50-0d9f3e0c1a01",
          resource: {
            resourceType: "MessageHeader",
            eventCoding: { system: "https://fhir.nhs.uk/CodeSystem/message-events-bars", code: "booking-request" },
            focus: [{ reference: "urn:uuid:2b6a7c0e-2222-4c6e-9a50-0d9f3e0c1a02" }],
          },
        },
        {
          fullUrl: "urn:uuid:2b6a7c0e-2222-4c6e-9a50-0d9f3e0c1a02",
          resource: { resourceType: "Appointment", status: "booked" },
        },
      ],
    },
  },
  "bars GET /Slot": {
    header: barsHeaders,
    query: { status: "free", start: "2022-03-01T12:00:00+00:00", _include: "Schedule:actor:HealthcareService" },
  },

  // GP Connect patient-facing: the specification's examples (Prism); provider: the Swagger's worked values.
  "gp-connect-appointments GET /Slot": {
    query: { start: "ge2020-05-09", end: "le2020-05-10", status: "free", _include: "Slot:schedule" },
    header: sspHeaders("rest:search:slot-1"),
  },
  "gp-connect-appointments POST /Appointment": {
    body: {
      resourceType: "Appointment",
      status: "booked",
      start: "2017-05-30T10:00:00+01:00",
      end: "2017-05-30T10:25:00+01:00",
      slot: [{ reference: "Slot/1" }],
      description: "Persistent cough",
      participant: [{ actor: { reference: `Patient/${jane}` }, status: "accepted" }],
    },
  },
  "gp-connect-appointments GET /Patient/{id}/Appointment": {
    path: { id: jane },
    query: { start: "ge2017-05-01,le2017-08-31" },
  },
  "gp-connect-appointments GET /metadata": { header: sspHeaders("rest:read:metadata-1") },
  "gp-connect-appointments GET /Patient": {
    header: sspHeaders("rest:search:patient-1"),
    query: { identifier: `${NHS_NUMBER}|9690937286` },
  },

  // e-RS: the hosted sandbox's UBRNs and code systems; the worklist body is the package's own example.
  "e-rs GET /STU3/CodeSystem/{codeSystemType}": { path: { codeSystemType: "SPECIALTY" }, header: referrer },
  "e-rs POST /STU3/ReferralRequest/$ers.fetchworklist": {
    header: provider,
    body: {
      resourceType: "Parameters",
      meta: { profile: ["https://fhir.nhs.uk/STU3/StructureDefinition/eRS-FetchWorklist-Parameters-1"] },
      parameter: [
        {
          name: "listType",
          valueCodeableConcept: {
            coding: [
              {
                system: "https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReferralListSelector-1",
                code: "REFERRALS_FOR_REVIEW",
              },
            ],
          },
        },
      ],
    },
  },
  "e-rs GET /STU3/ReferralRequest/{ubrn}": { path: { ubrn: "000000070000" }, header: referrer },

  "immunisation-history GET /Immunization": {
    query: {
      "patient.identifier": `${NHS_NUMBER}|${jane}`,
      "immunization.target": "COVID19",
      _include: "Immunization:patient",
    },
  },

  "sds GET /Device": {
    query: {
      organization: `${ODS}|YES`,
      identifier: "https://fhir.nhs.uk/Id/nhsServiceInteractionId|urn:nhs:names:services:psis:REPC_IN150016UK05",
    },
  },
  "sds GET /Endpoint": {
    query: {
      organization: `${ODS}|B82617`,
      identifier:
        "https://fhir.nhs.uk/Id/nhsServiceInteractionId|urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1",
    },
  },

  "ods-fhir GET /Organization": { query: { "address-city": "LEEDS", roleCode: "RO182", _count: "10" } },
  "ods-fhir GET /OrganizationAffiliation": { query: { "primary-organization": "G81086" } },
  "ods-fhir GET /Organization/{id}": { path: { id: "RR8" } },

  "ods-ord GET /organisations": { query: { PostCode: "LS1", PrimaryRoleId: "RO182", Limit: "10" } },
  "ods-ord GET /organisations/{odsCode}": { path: { odsCode: "X26" } },
  "ods-ord GET /sync": { query: { LastChangeDate: "2025-06-01" } },

  "service-search GET /": { query: { "api-version": "3", search: "Y02494" } },
  "service-search POST /": {
    query: { "api-version": "3" },
    body: {
      search: "Bletchley",
      searchMode: "all",
      searchFields: "Address3,City,County",
      select: "Latitude,Longitude,Address3,City,County,Postcode",
      top: 10,
      count: true,
    },
  },

  "website-content GET /manifest/pages": { query: { page: "1" } },
  "website-content GET /conditions": { query: { category: "a" } },
  "website-content GET /conditions/{slug}": { path: { slug: "acne" }, query: { modules: "true" } },
  "website-content GET /medicines/{slug}": { path: { slug: "acrivastine" } },

  "research-data-catalogue GET /datasets/{id}": { path: { id: "dd5f0174-575f-4f4c-a4fc-b406aab953d9" } },

  // DoS: nhskit's invented Leeds services (the local sandbox takes any basic credentials).
  "dos GET /byClinicalTerm/{caseId}/{postcode}/{searchDistance}/{gpPracticeId}/{age}/{gender}/{disposition}/{symptomGroupDiscriminatorCombos}/{numberPerType}":
    {
      path: {
        caseId: "TEST",
        postcode: "LS1 4HR",
        searchDistance: "10",
        gpPracticeId: "0",
        age: "1",
        gender: "F",
        disposition: "0",
        symptomGroupDiscriminatorCombos: "1011=4003",
        numberPerType: "0",
      },
    },
  "dos GET /byServiceType/{caseId}/{postcode}/{searchDistance}/{gpPracticeId}/{age}/{gender}/{disposition}/{serviceTypeIds}/{numberPerType}":
    {
      path: {
        caseId: "TEST",
        postcode: "LS9 7TA",
        searchDistance: "0",
        gpPracticeId: "2000001",
        age: "0",
        gender: "0",
        disposition: "0",
        serviceTypeIds: "40,13",
        numberPerType: "2",
      },
    },
  "dos GET /byOdsCode/{odsCode}": { path: { odsCode: "RX801" } },
  "dos GET /byServiceId/{serviceId}": { path: { serviceId: "2000003" } },

  "data-registers GET /registers/{registerId}": { path: { registerId: "diagnosis-codes" } },
  "data-registers GET /registers/{registerId}/entries": {
    path: { registerId: "postcodes" },
    query: { search: "LS", limit: "2" },
  },
  "data-registers GET /registers/{registerId}/entries/{code}": {
    path: { registerId: "diagnosis-codes", code: "E11" },
    query: { asAt: "2015-12-31" },
  },

  // NHS App (any bearer token against the local sandbox).
  "nhs-app POST /communication/in-app/FHIR/R4/CommunicationRequest": {
    body: {
      resourceType: "CommunicationRequest",
      status: "active",
      payload: [{ contentString: "Please confirm you can attend on **Monday 3 June at 10:30**." }],
      recipient: appRecipient,
      requester: { type: "Organization", identifier: ods("B82041") },
      contained: [
        {
          resourceType: "Questionnaire",
          id: "reply",
          status: "active",
          item: [
            {
              linkId: "1",
              type: "choice",
              answerOption: [{ valueCoding: { code: "YES" } }, { valueCoding: { code: "NO" } }],
            },
          ],
        },
      ],
      extension: [{ url: "https://fhir.nhs.uk/NHSApp/answers", valueReference: { reference: "#reply" } }],
    },
  },
  "nhs-app POST /communication/notification/FHIR/R4/CommunicationRequest": {
    body: {
      resourceType: "CommunicationRequest",
      status: "active",
      payload: [
        {
          contentReference: {
            reference: "https://www.nhsapp.service.nhs.uk/patient/messages/app-messaging",
            display: "You have a new message in the NHS App.",
          },
        },
      ],
      recipient: appRecipient,
    },
  },
  "nhs-app GET /communication/report/receipts/FHIR/R4/Task": { query: { day: "2021-01-01" } },
  "nhs-app GET /communication/report/patients": { query: { "ods-organisation-code": "A12345" } },

  // The platform's /oauth2 with nhskit's TEST-ONLY demo app (the sign-in panel above runs the whole flow).
  "nhs-login GET /authorize": {
    query: {
      response_type: "code",
      client_id: "nhskit-demo-TEST-ONLY-api-key",
      redirect_uri: "http://127.0.0.1:5173/callback",
      state: "nhskit-playground",
    },
  },

  // MESH: mailbox X26ABC1 of the local sandbox. Mailbox calls need an NHSMESH Authorization header, which
  // the form cannot make yet; the lookups need none.
  "mesh POST /messageexchange/{mailbox_id}": {
    path: { mailbox_id: "X26ABC1" },
    header: { "mex-clientversion": "nhskit-playground", "mex-osname": "browser", "mex-osversion": "1" },
  },
  "mesh GET /messageexchange/{mailbox_id}/inbox": { path: { mailbox_id: "X26ABC1" } },
  "mesh GET /messageexchange/endpointlookup/{ods_code}/{workflow_id}": {
    path: { ods_code: "X26", workflow_id: "TEST_WORKFLOW" },
  },
  "mesh GET /messageexchange/workflowsearch/{workflow_id}": { path: { workflow_id: "TEST_WORKFLOW2" } },
};

export function prefillFor(apiId: string, operationKey: string): Prefill | undefined {
  return prefills[`${apiId} ${operationKey}`];
}
