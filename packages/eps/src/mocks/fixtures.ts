// Our own fixtures for the EPS mocks. The identifiers and values that make the hosted sandbox recognisable
// (the tracker's canned prescription, its patient, practice and items; the sandbox's fixed identity) are facts
// carried over; everything else (resource ids, dates, structure details) is written by us.

export const SYSTEMS = {
  nhsNumber: "https://fhir.nhs.uk/Id/nhs-number",
  ods: "https://fhir.nhs.uk/Id/ods-organization-code",
  prescriptionOrderNumber: "https://fhir.nhs.uk/Id/prescription-order-number",
  prescriptionId: "https://fhir.nhs.uk/Id/prescription",
  itemNumber: "https://fhir.nhs.uk/Id/prescription-order-item-number",
  rfc4122: "https://tools.ietf.org/html/rfc4122",
  sdsUser: "https://fhir.nhs.uk/Id/sds-user-id",
  sdsRole: "https://fhir.nhs.uk/Id/sds-role-profile-id",
  messageEvent: "https://fhir.nhs.uk/CodeSystem/message-event",
  snomed: "http://snomed.info/sct",
  spineCode: "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode",
} as const;

/** Who the sandbox pretends the caller is (it ignores any token). */
export const SANDBOX_IDENTITY = {
  asid: "200000001285",
  partyKey: "DEFAULT_SANDBOX_PARTY_KEY",
  sdsUserId: "555254239107",
  sdsRoleProfileId: "555254240100",
  roleName: "Nurse Access Role",
  applicationId: "00000000-0000-0000-0000-000000000000",
} as const;

/** The prescription the hosted sandbox's tracker answers with, whatever id is asked for. */
export const CANNED_PRESCRIPTION = {
  shortFormId: "58EFB9-A83008-27693K",
  longFormId: "2e0f5e0b-8bf6-4f2e-9c3a-6a1d2b7c9e41",
  authoredOn: "2026-02-03T09:15:00+00:00",
  patient: {
    nhsNumber: "9449304130",
    prefix: "MS",
    given: ["STACEY", "MARISA"],
    family: "TWITCHETT",
    gender: "female",
    birthDate: "1948-04-30",
    postalCode: "LS6 2AB",
  },
  practice: { odsCode: "A83008", name: "HALLGARTH SURGERY" },
  prescriber: {
    sdsUserId: "7654321098",
    sdsRoleProfileId: "200102238987",
    family: "CARTER",
    given: ["ANNE"],
    prefix: "DR",
  },
  items: [
    {
      id: "ebfe57ae-65e9-44ea-8399-c4103a72f5e7",
      code: "39720311000001101",
      display: "Paracetamol 500mg soluble tablets",
      quantity: 60,
      unit: "tablet",
      dosage: "2 tablets up to four times a day",
    },
    {
      id: "90365092-0287-469c-9134-5f11401aa175",
      code: "39113611000001102",
      display: "Salbutamol 100micrograms/dose inhaler CFC free",
      quantity: 200,
      unit: "dose",
      dosage: "2 puffs when required",
    },
  ],
} as const;

const IDS = {
  patient: "00cd3fa6-f401-42fa-ab2c-8af23d667afa",
  practitioner: "e3df85c0-6a3c-4662-a221-cc16b57badd5",
  practitionerRole: "aef611ec-5103-485f-8c0f-e4548f1aa447",
  organization: "85b3a2de-397e-4af5-8f60-cf81bc464c92",
};
const urn = (id: string) => `urn:uuid:${id}`;

function patient() {
  const p = CANNED_PRESCRIPTION.patient;
  return {
    resourceType: "Patient",
    id: IDS.patient,
    identifier: [{ system: SYSTEMS.nhsNumber, value: p.nhsNumber }],
    name: [{ use: "usual", prefix: [p.prefix], given: [...p.given], family: p.family }],
    gender: p.gender,
    birthDate: p.birthDate,
    address: [{ use: "home", line: ["22 ELM GROVE", "LEEDS"], postalCode: p.postalCode }],
    generalPractitioner: [{ identifier: { system: SYSTEMS.ods, value: CANNED_PRESCRIPTION.practice.odsCode } }],
  };
}

function prescriberResources() {
  const { prescriber, practice } = CANNED_PRESCRIPTION;
  return [
    {
      fullUrl: urn(IDS.practitionerRole),
      resource: {
        resourceType: "PractitionerRole",
        id: IDS.practitionerRole,
        identifier: [{ system: SYSTEMS.sdsRole, value: prescriber.sdsRoleProfileId }],
        practitioner: { reference: urn(IDS.practitioner) },
        organization: { reference: urn(IDS.organization) },
        telecom: [{ system: "phone", use: "work", value: "01234567890" }],
      },
    },
    {
      fullUrl: urn(IDS.practitioner),
      resource: {
        resourceType: "Practitioner",
        id: IDS.practitioner,
        identifier: [{ system: SYSTEMS.sdsUser, value: prescriber.sdsUserId }],
        name: [{ family: prescriber.family, given: [...prescriber.given], prefix: [prescriber.prefix] }],
      },
    },
    {
      fullUrl: urn(IDS.organization),
      resource: {
        resourceType: "Organization",
        id: IDS.organization,
        identifier: [{ system: SYSTEMS.ods, value: practice.odsCode }],
        name: practice.name,
        address: [{ use: "work", line: ["1 STATION ROAD"], city: "SHILDON", postalCode: "DL4 1AA" }],
        telecom: [{ system: "phone", use: "work", value: "01133180277" }],
      },
    },
  ];
}

function groupIdentifier() {
  return {
    system: SYSTEMS.prescriptionOrderNumber,
    value: CANNED_PRESCRIPTION.shortFormId,
    extension: [
      {
        url: "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionId",
        valueIdentifier: { system: SYSTEMS.prescriptionId, value: CANNED_PRESCRIPTION.longFormId },
      },
    ],
  };
}

function medicationRequest(item: (typeof CANNED_PRESCRIPTION.items)[number], status: string) {
  return {
    resourceType: "MedicationRequest",
    id: item.id,
    identifier: [{ system: SYSTEMS.itemNumber, value: item.id }],
    status,
    intent: "order",
    category: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/medicationrequest-category",
            code: "community",
            display: "Community",
          },
        ],
      },
    ],
    medicationCodeableConcept: { coding: [{ system: SYSTEMS.snomed, code: item.code, display: item.display }] },
    subject: { reference: urn(IDS.patient) },
    authoredOn: CANNED_PRESCRIPTION.authoredOn,
    requester: { reference: urn(IDS.practitionerRole) },
    groupIdentifier: groupIdentifier(),
    courseOfTherapyType: {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy",
          code: "acute",
          display: "Short course (acute) therapy",
        },
      ],
    },
    dosageInstruction: [{ text: item.dosage }],
    dispenseRequest: {
      quantity: { value: item.quantity, unit: item.unit, system: SYSTEMS.snomed },
      performer: { identifier: { system: SYSTEMS.ods, value: "VNE51" } },
    },
    substitution: { allowedBoolean: false },
  };
}

function messageHeader(code: string, display: string, focus: string[], extra: Record<string, unknown> = {}) {
  return {
    resourceType: "MessageHeader",
    eventCoding: { system: SYSTEMS.messageEvent, code, display },
    sender: {
      identifier: { system: SYSTEMS.ods, value: CANNED_PRESCRIPTION.practice.odsCode },
      display: CANNED_PRESCRIPTION.practice.name,
    },
    source: {
      endpoint: `https://directory.spineservices.nhs.uk/STU3/Organization/${CANNED_PRESCRIPTION.practice.odsCode}`,
    },
    focus: focus.map((reference) => ({ reference })),
    ...extra,
  };
}

/** The canned prescription as a prescription-order message Bundle (what a release hands a pharmacy). */
export function cannedPrescriptionMessage() {
  const messageId = crypto.randomUUID();
  const items = CANNED_PRESCRIPTION.items.map((item) => ({
    fullUrl: urn(item.id),
    resource: medicationRequest(item, "active"),
  }));
  return {
    resourceType: "Bundle",
    id: messageId,
    identifier: { system: SYSTEMS.rfc4122, value: messageId },
    type: "message",
    entry: [
      {
        fullUrl: urn(crypto.randomUUID()),
        resource: messageHeader("prescription-order", "Prescription Order", [
          ...items.map((i) => i.fullUrl),
          urn(IDS.patient),
        ]),
      },
      ...items,
      { fullUrl: urn(IDS.patient), resource: patient() },
      ...prescriberResources(),
    ],
  };
}

/** The `Task/$release` answer: a searchset of prescription message Bundles (fresh ids on every call). */
export function releaseResponse() {
  const id = crypto.randomUUID();
  const prescriptions = [cannedPrescriptionMessage()];
  return {
    resourceType: "Bundle",
    id,
    meta: { lastUpdated: new Date().toISOString() },
    identifier: { system: SYSTEMS.rfc4122, value: id },
    type: "searchset",
    total: prescriptions.length,
    entry: prescriptions.map((resource) => ({ fullUrl: urn(resource.id), search: { mode: "match" }, resource })),
  };
}

/** The answer to a cancellation: a prescription-order-response message (fresh message ids on every call). */
export function cancellationResponse() {
  const messageId = crypto.randomUUID();
  const item = CANNED_PRESCRIPTION.items[0];
  const cancelled = {
    ...medicationRequest(item, "cancelled"),
    statusReason: {
      coding: [
        {
          system: "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-reason",
          code: "0001",
          display: "Prescribing error",
        },
      ],
    },
    extension: [
      {
        url: "https://fhir.nhs.uk/StructureDefinition/Extension-DM-PrescriptionStatusHistory",
        extension: [
          {
            url: "status",
            valueCoding: {
              system: "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-history",
              code: "R-0001",
              display: "Prescription/item was cancelled",
            },
          },
          { url: "statusDate", valueDateTime: new Date().toISOString() },
        ],
      },
    ],
  };
  return {
    resourceType: "Bundle",
    id: messageId,
    identifier: { system: SYSTEMS.rfc4122, value: crypto.randomUUID() },
    type: "message",
    entry: [
      {
        fullUrl: urn(crypto.randomUUID()),
        resource: messageHeader("prescription-order-response", "Prescription Order Response", [urn(item.id)], {
          extension: [
            {
              url: "https://fhir.nhs.uk/StructureDefinition/Extension-MessageHeader-messageId",
              valueIdentifier: { system: SYSTEMS.rfc4122, value: messageId },
            },
          ],
          sender: { identifier: { system: SYSTEMS.ods, value: "X2601" }, display: "NHS Digital Spine" },
          response: { identifier: crypto.randomUUID(), code: "ok" },
        }),
      },
      { fullUrl: urn(item.id), resource: cancelled },
      { fullUrl: urn(IDS.patient), resource: patient() },
      ...prescriberResources(),
    ],
  };
}

/** The tracker's answer for the canned prescription: one Task with the items as contained MedicationRequests. */
export function trackerResponse() {
  const { patient: p, practice } = CANNED_PRESCRIPTION;
  const taskId = crypto.randomUUID();
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: 1,
    entry: [
      {
        fullUrl: urn(taskId),
        resource: {
          resourceType: "Task",
          id: taskId,
          contained: CANNED_PRESCRIPTION.items.map((item) => ({
            resourceType: "MedicationRequest",
            id: item.id,
            status: "active",
            intent: "order",
            medicationCodeableConcept: { coding: [{ system: SYSTEMS.snomed, code: item.code, display: item.display }] },
            subject: { identifier: { system: SYSTEMS.nhsNumber, value: p.nhsNumber } },
            dispenseRequest: { quantity: { value: item.quantity, unit: item.unit, system: SYSTEMS.snomed } },
          })),
          identifier: [{ system: SYSTEMS.rfc4122, value: taskId }],
          status: "requested",
          businessStatus: {
            coding: [
              {
                system: "https://fhir.nhs.uk/CodeSystem/EPS-task-business-status",
                code: "0001",
                display: "To be Dispensed",
              },
            ],
          },
          intent: "order",
          focus: { identifier: { system: SYSTEMS.prescriptionOrderNumber, value: CANNED_PRESCRIPTION.shortFormId } },
          for: {
            identifier: { system: SYSTEMS.nhsNumber, value: p.nhsNumber },
            display: `${p.prefix} ${p.given.join(" ")} ${p.family}`,
          },
          authoredOn: CANNED_PRESCRIPTION.authoredOn,
          requester: { identifier: { system: SYSTEMS.ods, value: practice.odsCode }, display: practice.name },
          input: CANNED_PRESCRIPTION.items.map((item) => ({
            type: { coding: [{ system: "http://hl7.org/fhir/CodeSystem/task-input-type", code: "Reference" }] },
            valueReference: { reference: `#${item.id}` },
          })),
        },
      },
    ],
  };
}

type Document = "default" | "prescribing" | "dispensing";

const CAPABILITIES: Record<Document, { name: string; operations: string[]; messages: string[] }> = {
  default: {
    name: "EPS FHIR API",
    operations: ["process-message", "prepare"],
    messages: ["prescription-order", "prescription-order-update", "dispense-notification", "dispense-claim"],
  },
  prescribing: {
    name: "FHIR Prescribing API",
    operations: ["process-message", "prepare"],
    messages: ["prepare", "prescription-order", "prescription-order-update"],
  },
  dispensing: {
    name: "FHIR Dispensing API",
    operations: ["release-message", "dispense-notification", "claim", "return", "withdraw"],
    messages: ["release", "dispense-notification", "dispense-claim"],
  },
};

/** `GET /metadata`, per document. */
export function capabilityStatement(document: Document) {
  const c = CAPABILITIES[document];
  return {
    resourceType: "CapabilityStatement",
    id: "apim-electronic-prescription-service",
    name: c.name,
    status: "active",
    date: "2026-01-01T00:00:00+00:00",
    publisher: "digital.nhs.uk",
    kind: "instance",
    fhirVersion: "4.0.1",
    format: ["application/fhir+json"],
    extension: [
      {
        url: "https://fhir.nhs.uk/StructureDefinition/Extension-NHSDigital-APIDefinition",
        extension: [
          ["uk.nhsdigital.medicines.r4", "2.8.17-prerelease"],
          ["uk.nhsdigital.r4", "2.8.20-prerelease"],
          ["fhir.r4.ukcore.stu3.currentbuild", "0.0.8-pre-release"],
        ].map(([name, version]) => ({
          url: "implementationGuide",
          extension: [
            { url: "name", valueString: name },
            { url: "version", valueString: version },
          ],
        })),
      },
    ],
    rest: [
      {
        mode: "server",
        security: {
          service: [
            {
              coding: [
                {
                  system: "http://terminology.hl7.org/CodeSystem/restful-security-service",
                  code: "OAuth",
                  display: "OAuth2 Token",
                },
              ],
            },
          ],
        },
        operation: c.operations.map((name) => ({ name })),
      },
    ],
    messaging: [
      {
        supportedMessage: c.messages.map((m) => ({
          mode: "receiver",
          definition: `https://fhir.nhs.uk/MessageDefinition/${m}`,
        })),
      },
    ],
  };
}

/** A stand-in for the raw HL7 v3 Spine reply (`x-raw-response`): our own minimal XML, not Spine's. */
export function rawSpineReply(interaction: string, messageId = crypto.randomUUID().toUpperCase()) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<hl7:${interaction} xmlns:hl7="urn:hl7-org:v3">`,
    `  <hl7:id root="${messageId}"/>`,
    `  <hl7:creationTime value="${new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14)}"/>`,
    '  <hl7:acknowledgement typeCode="AA"/>',
    "  <!-- nhskit mock: the hosted sandbox returns Spine's canned reply here -->",
    `</hl7:${interaction}>`,
  ].join("\n");
}
