// Pointers written for nhskit's NRL mocks. The NHS numbers (9278693472 has pointers, 9448646348 is the
// alternative, 9000000033 has none), the ODS codes and pointer types of the sandbox's permission table and the
// id form `<ODS>-<local id>` are facts about the hosted sandbox; the documents, URLs and dates are ours.

import {
  ASID_SYSTEM,
  CATEGORY_DISPLAY,
  CATEGORY_OF_TYPE,
  CONTENT_STABILITY_SYSTEM,
  CONTENT_STABILITY_URL,
  FORMAT_CODE_SYSTEM,
  NHS_NUMBER_SYSTEM,
  NRL_POINTER_TYPES,
  type NrlPointerTypeCode,
  ODS_CODE_SYSTEM,
  POINTER_TYPE_DISPLAY,
  RETRIEVAL_MECHANISM_SYSTEM,
  RETRIEVAL_MECHANISM_URL,
  SNOMED_SYSTEM,
  snomedToken,
} from "../codes.js";

export type StoredPointer = Record<string, unknown> & { resourceType: "DocumentReference"; id: string };

/**
 * The hosted sandbox proxy's permission table: ODS code -> pointer types (`system|code`) it may read and write.
 * An ODS code missing here is refused by the proxy (403 ACCESS_DENIED).
 */
export const NRL_SANDBOX_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  RJ11: [snomedToken("736253001"), snomedToken(NRL_POINTER_TYPES.MENTAL_HEALTH_CRISIS_PLAN)],
  Y05868: [
    snomedToken(NRL_POINTER_TYPES.MENTAL_HEALTH_CRISIS_PLAN),
    snomedToken(NRL_POINTER_TYPES.EMERGENCY_HEALTH_CARE_PLAN),
    snomedToken(NRL_POINTER_TYPES.NEWS2_CHART),
    snomedToken(NRL_POINTER_TYPES.END_OF_LIFE_CARE_COORDINATION_SUMMARY),
  ],
  "8J008": [snomedToken(NRL_POINTER_TYPES.NEWS2_CHART)],
  RY26A: [snomedToken(NRL_POINTER_TYPES.END_OF_LIFE_CARE_COORDINATION_SUMMARY)],
  RM559: [snomedToken(NRL_POINTER_TYPES.MENTAL_HEALTH_CRISIS_PLAN)],
};

interface SeedInput {
  id: string;
  nhsNumber: string;
  type: NrlPointerTypeCode;
  custodian: string;
  url: string;
  contentType: string;
  date: string;
  title: string;
  practiceSetting: [code: string, display: string];
}

function seedPointer(s: SeedInput): StoredPointer {
  const category = CATEGORY_OF_TYPE[s.type];
  const ssp = s.url.startsWith("ssp://");
  return {
    resourceType: "DocumentReference",
    id: s.id,
    meta: { lastUpdated: s.date },
    status: "current",
    type: { coding: [{ system: SNOMED_SYSTEM, code: s.type, display: POINTER_TYPE_DISPLAY[s.type] }] },
    category: [{ coding: [{ system: SNOMED_SYSTEM, code: category, display: CATEGORY_DISPLAY[category] }] }],
    subject: { identifier: { system: NHS_NUMBER_SYSTEM, value: s.nhsNumber } },
    date: s.date,
    author: [{ identifier: { system: ODS_CODE_SYSTEM, value: s.custodian } }],
    custodian: { identifier: { system: ODS_CODE_SYSTEM, value: s.custodian } },
    content: [
      {
        attachment: { contentType: s.contentType, url: s.url, title: s.title, creation: s.date },
        format: ssp
          ? { system: FORMAT_CODE_SYSTEM, code: "urn:nhs-ic:unstructured", display: "Unstructured Document" }
          : {
              system: FORMAT_CODE_SYSTEM,
              code: "urn:nhs-ic:record-contact",
              display: "Contact details (HTTP Unsecured)",
            },
        extension: [
          {
            url: CONTENT_STABILITY_URL,
            valueCodeableConcept: { coding: [{ system: CONTENT_STABILITY_SYSTEM, code: "static", display: "Static" }] },
          },
          ...(ssp
            ? [
                {
                  url: RETRIEVAL_MECHANISM_URL,
                  valueCodeableConcept: {
                    coding: [{ system: RETRIEVAL_MECHANISM_SYSTEM, code: "SSP", display: "Spine Secure Proxy" }],
                  },
                },
              ]
            : []),
        ],
      },
    ],
    context: {
      practiceSetting: {
        coding: [{ system: SNOMED_SYSTEM, code: s.practiceSetting[0], display: s.practiceSetting[1] }],
      },
      ...(ssp ? { related: [{ identifier: { system: ASID_SYSTEM, value: "200000001234" } }] } : {}),
    },
  };
}

const MENTAL_HEALTH_SERVICE: [string, string] = ["788002001", "Adult mental health service"];
const GENERAL_MEDICINE: [string, string] = ["394802001", "General medicine"];
const PALLIATIVE: [string, string] = ["394806003", "Palliative medicine"];

/** The pointers every fresh set of NRL handlers starts with. */
export function seedPointers(): StoredPointer[] {
  const T = NRL_POINTER_TYPES;
  return [
    seedPointer({
      id: "RJ11-DEMO_1001",
      nhsNumber: "9278693472",
      type: T.MENTAL_HEALTH_CRISIS_PLAN,
      custodian: "RJ11",
      url: "ssp://nhskit-mock.example/rj11/crisis-plans/1001.pdf",
      contentType: "application/pdf",
      date: "2024-03-04T10:15:00.000Z",
      title: "Crisis plan (nhskit test document)",
      practiceSetting: MENTAL_HEALTH_SERVICE,
    }),
    seedPointer({
      id: "RJ11-DEMO_1002",
      nhsNumber: "9448646348",
      type: T.MENTAL_HEALTH_CRISIS_PLAN,
      custodian: "RJ11",
      url: "https://nhskit-mock.example/rj11/contact",
      contentType: "text/html",
      date: "2024-05-20T08:00:00.000Z",
      title: "How to ask for this crisis plan",
      practiceSetting: MENTAL_HEALTH_SERVICE,
    }),
    seedPointer({
      id: "Y05868-DEMO_2001",
      nhsNumber: "9278693472",
      type: T.EMERGENCY_HEALTH_CARE_PLAN,
      custodian: "Y05868",
      url: "ssp://nhskit-mock.example/y05868/ehcp/2001.pdf",
      contentType: "application/pdf",
      date: "2024-06-11T14:30:00.000Z",
      title: "Emergency plan (nhskit test document)",
      practiceSetting: GENERAL_MEDICINE,
    }),
    seedPointer({
      id: "Y05868-DEMO_2002",
      nhsNumber: "9278693472",
      type: T.NEWS2_CHART,
      custodian: "Y05868",
      url: "ssp://nhskit-mock.example/y05868/news2/2002.pdf",
      contentType: "application/pdf",
      date: "2024-06-12T09:00:00.000Z",
      title: "NEWS2 chart (nhskit test document)",
      practiceSetting: GENERAL_MEDICINE,
    }),
    seedPointer({
      id: "RY26A-DEMO_3001",
      nhsNumber: "9278693472",
      type: T.END_OF_LIFE_CARE_COORDINATION_SUMMARY,
      custodian: "RY26A",
      url: "ssp://nhskit-mock.example/ry26a/eolc/3001.pdf",
      contentType: "application/pdf",
      date: "2024-07-01T16:45:00.000Z",
      title: "Care coordination summary (nhskit test document)",
      practiceSetting: PALLIATIVE,
    }),
    seedPointer({
      id: "RM559-DEMO_4001",
      nhsNumber: "9448646348",
      type: T.MENTAL_HEALTH_CRISIS_PLAN,
      custodian: "RM559",
      url: "ssp://nhskit-mock.example/rm559/crisis-plans/4001.pdf",
      contentType: "application/pdf",
      date: "2024-08-19T11:20:00.000Z",
      title: "Crisis plan (nhskit test document)",
      practiceSetting: MENTAL_HEALTH_SERVICE,
    }),
    seedPointer({
      id: "8J008-DEMO_5001",
      nhsNumber: "9448646348",
      type: T.NEWS2_CHART,
      custodian: "8J008",
      url: "ssp://nhskit-mock.example/8j008/news2/5001.pdf",
      contentType: "application/pdf",
      date: "2024-09-02T07:05:00.000Z",
      title: "NEWS2 chart (nhskit test document)",
      practiceSetting: GENERAL_MEDICINE,
    }),
  ];
}
