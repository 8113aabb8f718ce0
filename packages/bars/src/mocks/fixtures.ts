// Fixtures written for nhskit. Ids, codes and the values tests rely on match what the hosted BaRS sandbox
// returns; everything else is kept short.

export type Json = Record<string, unknown>;

const SANDBOX_BASE = "https://sandbox.api.service.nhs.uk/booking-and-referral/FHIR/R4";
const UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";
const MESSAGE_DEFINITION = "https://fhir.nhs.uk/MessageDefinition/bars-message-";

/** Ids the sandbox knows. */
export const IDS = {
  capabilityStatement: "45bcbe62-718b-4874-a68c-b0fe39a76cf5",
  proxyCapabilityStatement: "BaRS-FHIR-Server",
  /** The Slot searchset and the MessageDefinition searchset share this id upstream. */
  searchBundle: "777a156c-af3c-4748-a8a3-7e95e4b0df9a",
  messageDefinition: "11882ae2-211f-49ee-acbe-e319304d80cd",
  processMessageBundle: "99173438-ebba-453a-998d-8f1ef006d76e",
  /** The two appointment ids the mock receiver recognises. */
  appointments: ["c3f6145e-1a26-4345-b3f2-dccbcba62049", "91607239-b002-470a-8709-6b25bd50fdd1"],
  /** What every appointment read or write answers with. */
  appointment: "91607239-b002-470a-8709-6b25bd50fdd1",
  /** The one ServiceRequest id the mock receiver can read or delete. */
  readableReferral: "c3f6145e-1a26-4345-b3f2-dccbcba62049",
  /** The ServiceRequest every referral read or write answers with. */
  referral: "71d2b38e-b81c-4894-a522-6a65265b1d58",
} as const;

const supportedMessages = [
  "servicerequest-request-validation",
  "servicerequest-response-validation-interim",
  "servicerequest-response-validation-full",
  "servicerequest-request-referral",
  "servicerequest-response-referral",
  "servicerequest-request-cancelled",
  "booking-request",
  "booking-request-cancelled",
  "servicerequest-response-referral-short",
];

const search = (name: string, type: string) => ({ name, type });

/** The mock receiver's CapabilityStatement (GET /metadata with a target). */
export function receiverCapabilityStatement(): Json {
  return {
    resourceType: "CapabilityStatement",
    id: IDS.capabilityStatement,
    name: "BaRS FHIR Server CapabilityStatement",
    status: "active",
    version: "1.0.0",
    experimental: false,
    date: "2024-01-09",
    publisher: "NHS England",
    kind: "instance",
    software: { name: "NHS Digital", version: "1.2.0" },
    fhirVersion: "4.0.1",
    format: ["xml", "json"],
    rest: [
      {
        mode: "server",
        resource: [
          { type: "CapabilityStatement", interaction: [{ code: "read" }, { code: "vread" }] },
          {
            type: "MessageDefinition",
            interaction: [{ code: "search-type" }],
            searchParam: [search("useContext:identifier", "token")],
          },
          {
            type: "Appointment",
            interaction: [{ code: "read" }, { code: "vread" }, { code: "search-type" }],
            searchParam: [search("_id", "token"), search("date", "date"), search("patient:identifier", "token")],
          },
          {
            type: "ServiceRequest",
            interaction: [{ code: "read" }, { code: "vread" }, { code: "search-type" }],
            searchParam: [search("_id", "token"), search("patient:identifier", "token")],
          },
          {
            type: "Slot",
            interaction: [{ code: "search-type" }],
            searchInclude: [
              "Slot:schedule",
              "Schedule:actor:Practitioner",
              "Schedule:actor:PractitionerRole",
              "Schedule:actor:HealthcareService",
              "HealthcareService.providedBy",
              "HealthcareService:location",
            ],
            searchParam: [
              search("start", "date"),
              search("status", "token"),
              search("Schedule.actor:HealthcareService", "token"),
            ],
          },
        ],
        operation: [
          {
            name: "$process-message",
            definition: "http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message",
          },
        ],
      },
    ],
    messaging: [
      {
        supportedMessage: ["sender", "receiver"].flatMap((mode) =>
          supportedMessages.map((m) => ({ mode, definition: `${MESSAGE_DEFINITION}${m}` })),
        ),
      },
    ],
  };
}

/** The proxy's own CapabilityStatement (GET /metadata without NHSD-Target-Identifier). */
export function proxyCapabilityStatement(): Json {
  return {
    resourceType: "CapabilityStatement",
    id: IDS.proxyCapabilityStatement,
    name: "BaRS FHIR Server CapabilityStatement",
    status: "active",
    kind: "instance",
    software: { name: "BaRS API" },
    fhirVersion: "4.0.1",
    format: ["xml", "json"],
    rest: [
      {
        mode: "server",
        resource: ["CapabilityStatement", "MessageDefinition", "Appointment", "ServiceRequest", "Slot"].map((type) => ({
          type,
        })),
        operation: [
          {
            name: "$process-message",
            definition: "http://hl7.org/fhir/OperationDefinition/MessageHeader-process-message",
          },
        ],
      },
    ],
  };
}

/** GET /MessageDefinition: a searchset holding the ServiceRequest (case transfer) definition. */
export function messageDefinitionBundle(): Json {
  const focus = [
    ["Bundle", "https://fhir.nhs.uk/StructureDefinition/BARSBundleMessage"],
    ["MessageHeader", "https://fhir.nhs.uk/StructureDefinition/BARSMessageHeader-servicerequest-request"],
    ["ServiceRequest", "https://fhir.nhs.uk/StructureDefinition/BARSServiceRequest-request-casetransfer"],
    ...[
      "Patient",
      "Encounter",
      "Location",
      "Organization",
      "Practitioner",
      "PractitionerRole",
      "Observation",
      "MedicationStatement",
      "AllergyIntolerance",
      "Consent",
    ].map((code) => [code, `${UK_CORE}${code}`]),
    ["Flag", "http://hl7.org/fhir/StructureDefinition/Flag"],
    ["QuestionnaireResponse", "http://hl7.org/fhir/StructureDefinition/QuestionnaireResponse"],
  ];
  return {
    resourceType: "Bundle",
    id: IDS.searchBundle,
    type: "searchset",
    total: 1,
    entry: [
      {
        resource: {
          resourceType: "MessageDefinition",
          id: IDS.messageDefinition,
          meta: { profile: ["https://fhir.nhs.uk/StructureDefinition/BARSMessageDefinition-ServiceRequest-Request"] },
          url: `${MESSAGE_DEFINITION}servicerequest-request`,
          name: "BARS Message Definition ServiceRequest - Request CaseTransfer",
          status: "active",
          date: "2021-12-08",
          eventCoding: { system: "https://fhir.nhs.uk/CodeSystem/message-events-bars", code: "servicerequest-request" },
          useContext: [
            {
              code: [
                { system: "https://fhir.nhs.uk/CodeSystem/dos-id", code: "2000099999" },
                { system: "https://fhir.nhs.uk/CodeSystem/usecases-categories-bars", code: "referraltopharmacy" },
              ],
            },
          ],
          focus: focus.map(([code, profile]) => ({ code, profile, min: 1, max: "1" })),
        },
      },
    ],
  };
}

/** POST /$process-message: the receipt the sandbox sends for any message (a booking, 11 entries). */
export function processMessageReceipt(): Json {
  const entry = (uuid: string, resource: Json) => ({ fullUrl: `urn:uuid:${uuid}`, resource });
  return {
    resourceType: "Bundle",
    id: IDS.processMessageBundle,
    meta: { profile: [`${UK_CORE}Bundle`] },
    type: "message",
    timestamp: "2021-10-11T12:15:10+00:00",
    entry: [
      entry("c5957fdd-097b-409d-a406-49c52ceef2cd", {
        resourceType: "MessageHeader",
        id: "19f6bf75-3cb3-4059-bf32-10d4666ec5c0",
        eventCoding: { system: "https://fhir.nhs.uk/CodeSystem/message-event-servicerequest", code: "booking-request" },
        sender: { reference: "urn:uuid:6324587b-eb70-4333-9db2-22d48f64c9ba" },
        destination: [{ receiver: { reference: "urn:uuid:43a42f7a-a6f2-42a5-a8f0-fc85abf8c3fa" } }],
        reason: { coding: [{ system: "https://fhir.nhs.uk/CodeSystem/message-reason-servicerequest", code: "new" }] },
        focus: [{ reference: "urn:uuid:aca94bdb-2e38-4399-9ece-2ba083ce65b5", type: "Appointment" }],
      }),
      entry("aca94bdb-2e38-4399-9ece-2ba083ce65b5", {
        resourceType: "Appointment",
        id: "e284470a-6695-4c95-b2ad-fa26b3a486c7",
        status: "booked",
        start: "2021-10-12T12:30:30+00:00",
        end: "2021-10-12T12:40:30+00:00",
        slot: [{ reference: "Slot/c3f6145e-1a26-4345-b3f2-dccbcba62049" }],
        basedOn: [{ reference: "ServiceRequest/71d2b38e-b81c-4894-a522-6a65265b1d58" }],
        participant: [{ actor: { reference: "Patient/9476719931" } }],
      }),
      entry("788660eb-d2c9-4773-abd4-318484673fb2", {
        resourceType: "Patient",
        id: "39907365-9051-4108-b460-f657d4d5ff72",
        identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9476719931" }],
        name: [{ use: "official", family: "Chalmers", given: ["Peter"] }],
        gender: "male",
        birthDate: "1974-12-25",
      }),
      entry("deb4c4b3-870b-4599-84df-5e54cef7afda", {
        resourceType: "Slot",
        id: "c3f6145e-1a26-4345-b3f2-dccbcba62049",
        status: "busy",
        start: "2021-10-06T10:00:00.000+00:00",
        end: "2021-10-06T11:00:00.000+00:00",
      }),
      entry("3a62607b-df65-4932-940c-14262787f62d", { resourceType: "Schedule", id: "sched-receipt" }),
      entry("e5fd53eb-7b1d-496d-bbf8-5c9dc7bd761b", {
        resourceType: "HealthcareService",
        id: "hs-receipt",
        name: "Healthcare Service Name",
      }),
      entry("6daaadd8-56e0-4d74-8350-1632331c5452", {
        resourceType: "Practitioner",
        id: "pract-receipt",
        name: [{ family: "Bloggs", given: ["Joe"], prefix: ["Dr"] }],
      }),
      entry("52428e73-0a5c-455d-8ff5-cd080e557082", { resourceType: "PractitionerRole", id: "role-receipt" }),
      entry("860e4c37-4e36-45fb-8fca-41132cd937a5", { resourceType: "Location", id: "loc-receipt" }),
      entry("43a42f7a-a6f2-42a5-a8f0-fc85abf8c3fa", {
        resourceType: "Organization",
        id: "09017012-e82d-4cb0-9139-9159a77d25a6",
        name: "Receiving organisation",
      }),
      entry("6324587b-eb70-4333-9db2-22d48f64c9ba", {
        resourceType: "Organization",
        id: "adb0016f-976e-4568-8a8d-2bfe26254990",
        name: "Sending organisation",
      }),
    ],
  };
}

/** GET /Slot: three free slots and what they hang off (8 entries, total 8). */
export function slotBundle(): Json {
  const slot = (id: string, uuid: string, start: string, end: string) => ({
    fullUrl: `urn:uuid:${uuid}`,
    resource: {
      resourceType: "Slot",
      id,
      schedule: { reference: "urn:uuid:a5fab26c-0dfd-424f-be1d-afc877c1afb0" },
      status: "free",
      start,
      end,
    },
  });
  return {
    resourceType: "Bundle",
    id: IDS.searchBundle,
    type: "searchset",
    total: 8,
    entry: [
      slot(
        "slot001",
        "73706f31-2578-4377-88c7-c8b8a5891c4a",
        "2021-10-06T09:00:00.000+00:00",
        "2021-10-06T10:00:00.000+00:00",
      ),
      slot(
        "slot002",
        "9f41ba91-d69a-4269-a558-54a20b79c4f2",
        "2021-10-06T10:00:00.000+00:00",
        "2021-10-06T10:30:00.000+00:00",
      ),
      slot(
        "slot003",
        "bb094130-c64f-43a8-b22b-d5b30e1b782f",
        "2021-10-06T11:00:00.000+00:00",
        "2021-10-06T11:30:00.000+00:00",
      ),
      {
        fullUrl: "urn:uuid:a5fab26c-0dfd-424f-be1d-afc877c1afb0",
        resource: {
          resourceType: "Schedule",
          id: "sched1111",
          actor: [
            { reference: "urn:uuid:7dfe2de5-abbe-4a3c-911f-1482e6fb34c3" },
            { reference: "urn:uuid:9e895580-e649-4194-96f8-4a8a8d305fef" },
            { reference: "urn:uuid:782bef0c-c90b-41bc-87c1-80f03c0046a5" },
          ],
        },
      },
      {
        fullUrl: "urn:uuid:7dfe2de5-abbe-4a3c-911f-1482e6fb34c3",
        resource: {
          resourceType: "HealthcareService",
          id: "2000099999",
          name: "Healthcare Service Name",
          location: [{ reference: "urn:uuid:b3a27952-657e-49ab-9650-fc99094bfb1a" }],
        },
      },
      {
        fullUrl: "urn:uuid:782bef0c-c90b-41bc-87c1-80f03c0046a5",
        resource: {
          resourceType: "Practitioner",
          id: "ABCD123456",
          identifier: [{ system: "https://fhir.nhs.uk/Id/sds-user-id", value: "ABCD123456" }],
          name: [{ family: "Bloggs", given: ["Joe"], prefix: ["Dr"] }],
        },
      },
      {
        fullUrl: "urn:uuid:9e895580-e649-4194-96f8-4a8a8d305fef",
        resource: {
          resourceType: "PractitionerRole",
          id: "R0260",
          practitioner: { reference: "urn:uuid:782bef0c-c90b-41bc-87c1-80f03c0046a5" },
        },
      },
      {
        fullUrl: "urn:uuid:b3a27952-657e-49ab-9650-fc99094bfb1a",
        resource: { resourceType: "Location", id: "loc1111", name: "Healthcare Service Location" },
      },
    ],
  };
}

function appointmentResource(id: string, slot: string, basedOn: string): Json {
  return {
    resourceType: "Appointment",
    id,
    meta: { profile: [`${UK_CORE}Appointment`] },
    status: "booked",
    description: "Reason for calling",
    start: "2021-10-12T12:30:30+00:00",
    end: "2021-10-12T12:40:30+00:00",
    slot: [{ reference: slot }],
    created: "2021-10-11T15:01:30+00:00",
    basedOn: [{ reference: `ServiceRequest/${basedOn}`, type: "ServiceRequest" }],
    participant: [{ actor: { reference: "urn:uuid:788660eb-d2c9-4773-abd4-318484673fb2" }, status: "accepted" }],
  };
}

/** The Appointment every read and write answers with. */
export function appointment(): Json {
  return appointmentResource(
    IDS.appointment,
    "urn:uuid:deb4c4b3-870b-4599-84df-5e54cef7afda",
    "236bb75d-90ef-461f-b71e-fde7f899802c",
  );
}

/** GET /Appointment: the same two bookings for any patient. */
export function appointmentBundle(): Json {
  const [first, second] = IDS.appointments;
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: 2,
    link: [{ relation: "self", url: `${SANDBOX_BASE}/Appointment` }],
    entry: [
      appointmentResource(first, "Slot/95CA8891-5CB2-4AFC-A6E4-2D20645FDE60", "136bb75d-90ef-461f-4773-fde7f899803d"),
      appointmentResource(second, "Slot/deb4c4b3-870b-4599-84df-5e54cef7afda", "236bb75d-90ef-461f-b71e-fde7f899802c"),
    ].map((resource) => ({
      fullUrl: `${SANDBOX_BASE}/Appointment/${resource.id as string}`,
      resource,
      search: { mode: "match" },
    })),
  };
}

/** The ServiceRequest every referral read and write answers with. */
export function referral(): Json {
  return {
    resourceType: "ServiceRequest",
    id: IDS.referral,
    meta: { profile: ["https://fhir.nhs.uk/StructureDefinition/BARSServiceRequest-request-validation"] },
    status: "active",
    intent: "plan",
    category: [
      {
        coding: [
          {
            system: "https://fhir.nhs.uk/CodeSystem/message-category-servicerequest",
            code: "referral",
            display: "Transfer of Care",
          },
        ],
      },
    ],
    subject: { reference: "urn:uuid:9589fb37-87a2-48d8-968f-b371429208a8" },
    occurrencePeriod: { start: "2021-11-26T15:00:00+00:00", end: "2021-11-26T15:20:00+00:00" },
    authoredOn: "2021-11-26T15:00:00+00:00",
  };
}

/**
 * GET /ServiceRequest. The sandbox puts the ServiceRequest straight into `entry` (no `resource` wrapper);
 * kept as it is so code tested here copes with it.
 */
export function referralBundle(): Json {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: 1,
    link: [{ relation: "self", url: `${SANDBOX_BASE}/ServiceRequest` }],
    entry: [{ ...referral(), search: { mode: "match" } }],
  };
}

/** What DELETE of a known appointment or referral answers (200). */
export function resourceUpdated(): Json {
  return {
    resourceType: "OperationOutcome",
    issue: [
      {
        severity: "information",
        code: "informational",
        details: {
          coding: [
            {
              system: "https://fhir.nhs.uk/CodeSystem/NRLF-SuccessCode",
              code: "RESOURCE_UPDATED",
              display: "Resource updated",
            },
          ],
        },
        diagnostics: "Resource updated",
      },
    ],
  };
}

// --- DocumentReference ------------------------------------------------------------------------------------

export const APPOINTMENT_POINTER_TYPE = "749001000000101";

function pointer(id: string, nhsNumber: string, custodian: string, type: string, display: string, date: string): Json {
  return {
    resourceType: "DocumentReference",
    id,
    status: "current",
    type: { coding: [{ system: "http://snomed.info/sct", code: type, display }] },
    subject: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: nhsNumber } },
    date,
    author: [{ identifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: custodian } }],
    custodian: { identifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: custodian } },
    content: [
      {
        attachment: { contentType: "application/fhir+json", url: `https://example.org/fhir/R4/records/${id}` },
        format: {
          system: "https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode",
          code: "urn:nhs-ic:structured",
          display: "Structured Document",
        },
      },
    ],
  };
}

/** The three appointment pointers the mock receiver's own DocumentReference routes list (never reached through the proxy). */
export function receiverPointers(): Json[] {
  return [
    ["V4T0L-3aeb90b0-7ffa-408a-babf-f20b80ce2c27", "2025-02-18T17:04:53.948Z"],
    ["V4T0L-9195efef-89f2-4311-95eb-f548b8721f87", "2025-02-19T10:47:36.281Z"],
    ["V4T0L-6c36ad92-afda-45a7-9ad2-e49dce496123", "2025-02-19T10:49:03.585Z"],
  ].map(([id, date]) =>
    pointer(
      id as string,
      "9693893123",
      "RGT",
      APPOINTMENT_POINTER_TYPE,
      "Appointment (record artifact)",
      date as string,
    ),
  );
}

/** NRL's sandbox permission table: ODS code -> pointer types (SNOMED CT) it may see and write. */
export const NRL_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  RJ11: ["736253001", "736253002"],
  Y05868: ["736253002", "887701000000100", "1363501000000100", "861421000000109"],
  "8J008": ["1363501000000100"],
  RY26A: ["861421000000109"],
  RM559: ["736253002"],
};

/** NHS numbers with NRL pointers in these mocks: 9278693472 has two; 9000000033 none. */
export function nrlSeedPointers(): Json[] {
  return [
    pointer("RJ11-DEMO_1002", "9278693472", "RJ11", "736253002", "Mental health crisis plan", "2024-03-01T10:00:00Z"),
    pointer(
      "Y05868-DEMO_2001",
      "9278693472",
      "Y05868",
      "887701000000100",
      "Emergency health care plan",
      "2024-03-02T10:00:00Z",
    ),
  ];
}

// --- endpoint catalogue (opt-in: the hosted sandbox does not serve it) ------------------------------------

export const EPC_IDS = {
  healthcareService: "7ded9440-3543-4809-b834-25c9be211195",
  endpoint: "0cb21027-a246-43e6-9c7a-35b17163eab1",
  template: "5fce3e6a-ba37-4289-84d1-cc3ebdb992f5",
} as const;

export function healthcareServiceFixture(): Json {
  return {
    resourceType: "HealthcareService",
    id: EPC_IDS.healthcareService,
    identifier: [{ system: "https://fhir.nhs.uk/Id/dos-service-id", value: "1000099999" }],
    active: true,
    providedBy: [{ identifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "R778" } }],
    name: "Example Healthcare Service",
    endpoint: [{ reference: `Endpoint/${EPC_IDS.endpoint}` }],
  };
}

const connection = (code: string, display: string) => ({
  coding: [{ system: "http://terminology.hl7.org/CodeSystem/endpoint-connection-type", code, display }],
});
const barsPayload = [
  {
    coding: [{ system: "http://terminology.hl7.org/CodeSystem/endpoint-payload-type", code: "bars", display: "BaRS" }],
  },
];

export function endpointFixture(): Json {
  return {
    resourceType: "Endpoint",
    id: EPC_IDS.endpoint,
    identifier: [
      { system: "https://fhir.nhs.uk/Id/dos-service-id", value: "1000099999" },
      { system: "https://fhir.nhs.uk/id/product-id", value: "SupplierProduct-v2024.12.12" },
    ],
    status: "active",
    name: "Service Endpoint Name",
    connectionType: connection("hl7-fhir-msg", "HL7 FHIR Messaging"),
    payloadType: barsPayload,
    managingOrganization: [{ identifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "X254" } }],
    address: "https://receiver.example.org/fhir/R4",
  };
}

export function templateFixture(): Json {
  return {
    resourceType: "Endpoint",
    id: EPC_IDS.template,
    identifier: [{ system: "https://fhir.nhs.uk/id/product-id", value: "SupplierProduct-v2024.12.12" }],
    status: "active",
    name: "Example Template",
    connectionType: connection("hl7-fhir-rest", "HL7 FHIR"),
    payloadType: barsPayload,
    managingOrganization: [{ identifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "X254" } }],
    address: "https://receiver.example.org/fhir/R4",
  };
}
