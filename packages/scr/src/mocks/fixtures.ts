// The SCR nhskit's mocks serve, written for nhskit. The NHS number 9000000009, the SCR id
// FA60BE64-1F34-11EB-A2A8-000C29A364EB, the GP summary code and the identifier systems are facts about the hosted
// sandbox; the clinical content, names and other ids are ours.

import {
  ACS_PERMISSION_SYSTEM,
  GP_SUMMARY_CODE,
  NHS_NUMBER_SYSTEM,
  ODS_CODE_SYSTEM,
  SCR_UUID_SYSTEM,
  SDS_USER_SYSTEM,
  SNOMED_SYSTEM,
} from "../codes.js";

/** The one patient the sandbox holds an SCR for, and that SCR's id. */
export const SANDBOX_PATIENT = "9000000009";
export const SANDBOX_SCR_ID = "FA60BE64-1F34-11EB-A2A8-000C29A364EB";

const GP_SUMMARY = { system: SNOMED_SYSTEM, code: GP_SUMMARY_CODE, display: "General Practice Summary" };

/** `GET /DocumentReference` for the sandbox patient: fresh random ids each time, as the sandbox does. */
export function scrIdBundle(baseUrl: string) {
  const documentId = crypto.randomUUID();
  const patientId = crypto.randomUUID();
  return {
    resourceType: "Bundle",
    id: crypto.randomUUID(),
    type: "searchset",
    total: 1,
    entry: [
      {
        fullUrl: `${baseUrl}/DocumentReference/${documentId}`,
        resource: {
          resourceType: "DocumentReference",
          id: documentId,
          masterIdentifier: { system: SCR_UUID_SYSTEM, value: SANDBOX_SCR_ID },
          status: "current",
          type: { coding: [GP_SUMMARY] },
          subject: { reference: `Patient/${patientId}` },
          securityLabel: [{ coding: [{ system: ACS_PERMISSION_SYSTEM, code: "Ask" }] }],
          content: [
            {
              attachment: {
                url: `${baseUrl}/Bundle?composition.identifier=${SANDBOX_SCR_ID}&composition.subject:Patient.identifier=${NHS_NUMBER_SYSTEM}|${SANDBOX_PATIENT}`,
              },
            },
          ],
          context: { event: [{ coding: [GP_SUMMARY] }] },
        },
        search: { mode: "match" },
      },
      {
        fullUrl: `${baseUrl}/Patient/${patientId}`,
        resource: {
          resourceType: "Patient",
          id: patientId,
          identifier: [{ system: NHS_NUMBER_SYSTEM, value: SANDBOX_PATIENT }],
        },
      },
    ],
  };
}

const IDS = {
  composition: "3C5B2F0A-6D1E-4B7A-9C2D-1E0F3A4B5C6D",
  patient: "7A1D3E5F-2B4C-4D6E-8F0A-9B1C2D3E4F50",
  practitioner: "0E2F4A6B-8C1D-4E3F-A5B7-C9D1E3F5A7B9",
  role: "5D7F9B1C-3E5A-4C7E-9A1B-3D5F7B9D1F3A",
  organisation: "9F1B3D5E-7A9C-4E1B-8D3F-5A7C9E1B3D5F",
  asthma: "2A4C6E8F-1B3D-4F5A-9C7E-2B4D6F8A1C3E",
  hypertension: "6E8A1C3F-5B7D-4A9C-8E2B-4D6F8A1C3E5B",
  allergy: "8B1D3F5A-7C9E-4B2D-9F4A-6C8E1B3D5F7A",
  bloodPressure: "4F6A8C1E-3D5B-4F7A-8C9E-1B3D5F7A9C2E",
} as const;

/** `GET /Bundle` for the sandbox patient and SCR id: a small GP summary. */
export function scrBundle(baseUrl: string) {
  const full = (type: string, id: string) => `${baseUrl}/${type}/${id}`;
  const entries = [
    {
      resource: {
        resourceType: "Composition",
        id: IDS.composition,
        meta: { lastUpdated: "2024-02-14T09:30:00+00:00" },
        identifier: { system: "https://tools.ietf.org/html/rfc4122", value: SANDBOX_SCR_ID },
        status: "final",
        type: { coding: [GP_SUMMARY] },
        category: [
          {
            coding: [{ system: SNOMED_SYSTEM, code: "163171000000105", display: "Care Professional Documentation" }],
          },
        ],
        subject: { reference: `Patient/${IDS.patient}` },
        date: "2024-02-14T09:30:00+00:00",
        author: [{ reference: `PractitionerRole/${IDS.role}` }],
        title: "General Practice Summary",
        section: [
          { title: "Diagnoses", text: { status: "generated", div: "<div>Asthma; essential hypertension</div>" } },
          { title: "Allergies and adverse reactions", text: { status: "generated", div: "<div>Penicillin</div>" } },
        ],
      },
    },
    {
      resource: {
        resourceType: "Patient",
        id: IDS.patient,
        identifier: [{ system: NHS_NUMBER_SYSTEM, value: SANDBOX_PATIENT }],
      },
    },
    {
      resource: {
        resourceType: "Practitioner",
        id: IDS.practitioner,
        identifier: [{ system: SDS_USER_SYSTEM, value: "G8133438" }],
        name: [{ text: "Dr Nia Okafor" }],
      },
    },
    {
      resource: {
        resourceType: "PractitionerRole",
        id: IDS.role,
        identifier: [{ system: "http://fhir.nhs.net/Id/sds-role-profile-id", value: "200000000117" }],
        practitioner: { reference: `Practitioner/${IDS.practitioner}` },
        organization: { reference: `Organization/${IDS.organisation}` },
      },
    },
    {
      resource: {
        resourceType: "Organization",
        id: IDS.organisation,
        identifier: [{ system: ODS_CODE_SYSTEM, value: "Y12345" }],
        name: "Riverside Surgery (nhskit test practice)",
      },
    },
    condition(IDS.asthma, "195967001", "Asthma", "2016-05-03"),
    condition(IDS.hypertension, "59621000", "Essential hypertension", "2021-11-22"),
    condition(IDS.allergy, "91936005", "Allergy to penicillin", "2009-08-17"),
    {
      resource: {
        resourceType: "Observation",
        id: IDS.bloodPressure,
        identifier: [{ value: IDS.bloodPressure }],
        status: "final",
        category: [
          { coding: { system: SNOMED_SYSTEM, code: "163171000000105", display: "Care Professional Documentation" } },
        ],
        code: { coding: [{ system: SNOMED_SYSTEM, code: "75367002", display: "Blood pressure" }] },
        effectivePeriod: { start: "2024-01-30T10:00:00+00:00" },
      },
    },
  ].map((entry) => ({ fullUrl: full(entry.resource.resourceType, entry.resource.id), ...entry }));
  return {
    resourceType: "Bundle",
    id: crypto.randomUUID(),
    identifier: { system: "https://tools.ietf.org/html/rfc4122", value: crypto.randomUUID() },
    type: "searchset",
    timestamp: new Date().toISOString(),
    total: entries.length,
    entry: entries,
  };
}

function condition(id: string, code: string, display: string, onset: string) {
  return {
    resource: {
      resourceType: "Condition",
      id,
      identifier: [{ value: id }],
      category: [
        { coding: { system: SNOMED_SYSTEM, code: "163171000000105", display: "Care Professional Documentation" } },
      ],
      code: { coding: [{ system: SNOMED_SYSTEM, code, display }] },
      onsetDateTime: onset,
    },
  };
}
