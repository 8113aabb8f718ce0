// Test data written for nhskit. The ids (UBRNs, appointment, service and practitioner ids), codes and
// versions the hosted e-RS sandbox uses are facts carried over so code written against one works against the
// other; names, dates, descriptions and the shape of each scenario's detail are ours.

export type Json = Record<string, unknown>;

export const STU3_SD = (name: string) => `https://fhir.nhs.uk/STU3/StructureDefinition/${name}-1`;
export const STU3_CS = (name: string) => `https://fhir.nhs.uk/STU3/CodeSystem/${name}-1`;
export const NHS_NUMBER_SYSTEM = "http://fhir.nhs.net/Id/nhs-number";
export const SERVICE_SYSTEM = "http://fhir.nhs.net/Id/ers-service";
export const SDS_USER_SYSTEM = "http://fhir.nhs.net/Id/sds-user-id";
export const ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
export const UBRN_SYSTEM = "https://fhir.nhs.uk/Id/UBRN";

/** The sandbox's test patient. */
export const TEST_PATIENT = "9912003888";
const profile = (name: string) => ({ profile: [STU3_SD(name)] });
const coding = (codeSystem: string, code: string, display?: string) => ({
  system: STU3_CS(codeSystem),
  code,
  ...(display ? { display } : {}),
});
const ext = (name: string, value: Json) => ({ url: STU3_SD(`Extension-eRS-${name}`), ...value });

// ---------------------------------------------------------------- referrals (STU3 ReferralRequest)

export interface ReferralSketch {
  ubrn: string;
  version: number | string;
  state: string;
  stateDisplay: string;
  priority?: "ROUTINE" | "URGENT" | "TWO_WEEK_WAIT";
  serviceIds?: string[];
  appointment?: string;
  /** Attachments marked unavailable for download. */
  unavailableAttachments?: boolean;
  relatedUbrn?: string;
  fromAdvice?: string;
  additionalRequirements?: boolean;
  extraAttachments?: number;
}

const PRIORITY_DISPLAY = { ROUTINE: "Routine", URGENT: "Urgent", TWO_WEEK_WAIT: "2 Week Wait" };

export function referral(s: ReferralSketch): Json {
  const priority = s.priority ?? "ROUTINE";
  const services = s.serviceIds ?? ["11002"];
  const attachments = 1 + (s.extraAttachments ?? 0);
  const documents = Array.from({ length: attachments }, (_, i) => ({
    resourceType: "DocumentReference",
    id: `DocumentReference-${80000 + i}`,
    meta: profile("eRS-DocumentReference"),
    status: "current",
    type: { coding: [coding("eRS-AttachmentType", "REFERRER", "Referrer")] },
    indexed: "2026-01-12T10:15:00.000Z",
    description: i === 0 ? "Referral letter" : `Supporting document ${i}`,
    content: [
      {
        attachment: {
          id: String(80000 + i),
          contentType: "application/pdf",
          url: `Binary/att-${80000 + i}-${70000 + i}`,
          size: 2048,
          title: i === 0 ? "referral-letter.pdf" : `supporting-${i}.pdf`,
          creation: "2026-01-12T10:14:00.000Z",
          ...(s.unavailableAttachments
            ? {
                extension: [
                  ext("AvailabilityStatus", {
                    valueCoding: coding("eRS-AttachmentAvailabilityStatus", "UNAVAILABLE", "Unavailable"),
                  }),
                ],
              }
            : {}),
        },
      },
    ],
  }));
  return {
    resourceType: "ReferralRequest",
    id: s.ubrn,
    meta: { versionId: String(s.version), ...profile("eRS-ReferralRequest") },
    extension: [
      ext("ReferralPriority", {
        valueCodeableConcept: { coding: [coding("eRS-Priority", priority, PRIORITY_DISPLAY[priority])] },
      }),
      ext("ReferralShortlist", { valueReference: { reference: "#shortlist" } }),
      ext("Commissioning-Rule-Org", { valueIdentifier: { system: ODS_SYSTEM, value: "R69" } }),
      ext("ReferralState", {
        extension: [{ url: "state", valueCoding: coding("eRS-ReferralState", s.state, s.stateDisplay) }],
      }),
      ...(s.appointment ? [ext("Appointment", { valueReference: { reference: `Appointment/${s.appointment}` } })] : []),
      ...(s.additionalRequirements
        ? [
            ext("AdditionalRequirement", {
              valueCodeableConcept: {
                coding: [coding("eRS-AdditionalRequirement", "INTERPRETER", "Interpreter needed")],
              },
            }),
          ]
        : []),
    ],
    contained: [
      {
        resourceType: "List",
        id: "shortlist",
        meta: profile("eRS-Shortlist-List"),
        status: "current",
        mode: "snapshot",
        entry: services.map((id) => ({ item: { identifier: { system: SERVICE_SYSTEM, value: id } } })),
      },
      ...documents,
    ],
    identifier: [{ system: "https://fhir.nhs.uk/Id/ers-request-id", value: `r.nhskit-${s.ubrn}-${s.version}` }],
    status: "active",
    intent: "plan",
    ...(s.relatedUbrn ? { replaces: [{ reference: `ReferralRequest/${s.relatedUbrn}` }] } : {}),
    ...(s.fromAdvice ? { basedOn: [{ reference: `CommunicationRequest/${s.fromAdvice}` }] } : {}),
    specialty: {
      coding: [{ system: "https://fhir.nhs.uk/STU3/CodeSystem/SPECIALTY", code: "CARDIOLOGY", display: "Cardiology" }],
    },
    subject: { identifier: { system: NHS_NUMBER_SYSTEM, value: TEST_PATIENT } },
    authoredOn: "2026-01-12T10:00:00.000Z",
    requester: { agent: { identifier: { system: SDS_USER_SYSTEM, value: "555021935107" } } },
    supportingInfo: documents.map((d) => ({ reference: `#${d.id}` })),
  };
}

/** GET /STU3/ReferralRequest/{ubrn}: the eight referrals the sandbox knows, all at version 5. */
export const REFERRALS: Record<string, Json> = {
  "000000070000": referral({ ubrn: "000000070000", version: 5, state: "NOT_BOOKED", stateDisplay: "Not Booked" }),
  "000000070001": referral({
    ubrn: "000000070001",
    version: 5,
    state: "BOOKED",
    stateDisplay: "Booked",
    appointment: "70000",
  }),
  "000000070002": referral({
    ubrn: "000000070002",
    version: 5,
    state: "BOOKED",
    stateDisplay: "Booked",
    appointment: "70001",
    serviceIds: ["11003"],
  }),
  "000000070003": referral({
    ubrn: "000000070003",
    version: 5,
    state: "DEFERRED_TO_PROVIDER",
    stateDisplay: "Deferred To Provider",
    appointment: "70002",
  }),
  "000000070004": referral({
    ubrn: "000000070004",
    version: 5,
    state: "BOOKED",
    stateDisplay: "Booked",
    fromAdvice: "000000070000",
    appointment: "70007",
  }),
  "000000070005": referral({
    ubrn: "000000070005",
    version: 5,
    state: "NOT_BOOKED",
    stateDisplay: "Not Booked",
    relatedUbrn: "000000070000",
  }),
  "000000070011": referral({
    ubrn: "000000070011",
    version: 5,
    state: "NOT_BOOKED",
    stateDisplay: "Not Booked",
    additionalRequirements: true,
  }),
  "000000070012": referral({
    ubrn: "000000070012",
    version: 5,
    state: "NOT_BOOKED",
    stateDisplay: "Not Booked",
    unavailableAttachments: true,
    extraAttachments: 1,
  }),
};

// ---------------------------------------------------------------- appointments (STU3 Appointment)

export function appointment(id: string, version: number, status: string, extra: Json = {}): Json {
  return {
    resourceType: "Appointment",
    id,
    meta: {
      versionId: String(version),
      profile: [
        STU3_SD("eRS-Appointment"),
        "https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-Appointment-1",
      ],
    },
    language: "en",
    status,
    description: "e-Referral Appointment",
    created: "2026-02-02T09:30:00.000Z",
    incomingReferral: [{ reference: "ReferralRequest/000000070000/_history/6" }],
    participant: [
      {
        actor: { identifier: { system: SERVICE_SYSTEM, value: "12000" }, display: "nhskit Cardiology Clinic" },
        status: "accepted",
      },
      { actor: { identifier: { system: NHS_NUMBER_SYSTEM, value: TEST_PATIENT } }, status: "accepted" },
    ],
    ...extra,
  };
}

const booked = {
  start: "2026-03-02T09:00:00.000Z",
  end: "2026-03-02T09:30:00.000Z",
  slot: [{ reference: "Slot/410241" }],
};
const deferral = (reason: string, display: string) => ({
  reason: [{ coding: [coding("eRS-AppointmentDeferralReason", reason, display)] }],
  comment: "Booking handed to the provider",
});

/** GET /STU3/Appointment/{id}: the eight appointments the sandbox knows, all at version 5. */
export const APPOINTMENTS: Record<string, Json> = {
  "70000": appointment("70000", 5, "booked", booked),
  "70001": appointment("70001", 5, "booked", { ...booked, slot: [{ reference: "Slot/410242" }] }),
  "70002": appointment("70002", 5, "proposed", deferral("NO_SLOTS", "No slots available")),
  "70003": appointment("70003", 5, "proposed", deferral("TRIAGE", "Deferred for triage")),
  "70004": appointment("70004", 5, "proposed", { comment: "Triage response recorded" }),
  "70005": appointment("70005", 5, "cancelled", { comment: "Cancelled; the provider will rebook later" }),
  "70006": appointment("70006", 5, "cancelled", {
    reason: [
      {
        coding: [
          { system: "https://fhir.nhs.uk/STU3/CodeSystem/APPOINTMENT-CANCELLATION-REASON", code: "PATIENT_CANCELLED" },
        ],
      },
    ],
  }),
  "70007": appointment("70007", 5, "booked", {
    ...booked,
    incomingReferral: [{ reference: "ReferralRequest/000000070004/_history/5" }],
  }),
};

// ---------------------------------------------------------------- advice and guidance (STU3)

export function adviceRequest(ubrn: string, version: number, withAttachment: boolean, unavailable = false): Json {
  return {
    resourceType: "CommunicationRequest",
    id: ubrn,
    meta: { versionId: String(version), ...profile("eRS-CommunicationRequest") },
    status: "active",
    category: [{ coding: [coding("eRS-CommunicationCategory", "ADVICE_AND_GUIDANCE", "Advice and Guidance")] }],
    subject: { identifier: { system: NHS_NUMBER_SYSTEM, value: TEST_PATIENT } },
    recipient: [{ identifier: { system: SERVICE_SYSTEM, value: "11004" }, display: "nhskit Cardiology Advice" }],
    topic: [{ display: "Is a referral needed for intermittent palpitations?" }],
    authoredOn: "2026-01-20T11:00:00.000Z",
    requester: { agent: { identifier: { system: SDS_USER_SYSTEM, value: "555021935107" } } },
    ...(withAttachment
      ? {
          payload: [
            {
              contentAttachment: {
                id: "80010",
                contentType: "application/pdf",
                url: "Binary/att-80010-70010",
                title: "ecg-trace.pdf",
                ...(unavailable
                  ? {
                      extension: [
                        ext("AvailabilityStatus", {
                          valueCoding: coding("eRS-AttachmentAvailabilityStatus", "UNAVAILABLE", "Unavailable"),
                        }),
                      ],
                    }
                  : {}),
              },
            },
          ],
        }
      : {}),
  };
}

/** GET /STU3/CommunicationRequest/{ubrn}: three A&G requests at version 5. */
export const ADVICE_REQUESTS: Record<string, Json> = {
  "000000070000": adviceRequest("000000070000", 5, false),
  "000000070001": adviceRequest("000000070001", 5, true),
  "000000070002": adviceRequest("000000070002", 5, true, true),
};

function message(
  n: number,
  ubrn: string,
  version: number,
  from: "referrer" | "provider",
  text: string,
  attached = false,
): Json {
  return {
    fullUrl: `Communication/${ubrn}-${n}`,
    resource: {
      resourceType: "Communication",
      id: `${ubrn}-${n}`,
      meta: profile("eRS-Communication"),
      basedOn: [{ reference: `CommunicationRequest/${ubrn}/_history/${version}` }],
      status: "completed",
      sent: `2026-01-2${n}T12:00:00.000Z`,
      sender: {
        identifier:
          from === "referrer"
            ? { system: SDS_USER_SYSTEM, value: "555021935107" }
            : { system: SERVICE_SYSTEM, value: "11004" },
      },
      payload: [
        { contentString: text },
        ...(attached ? [{ contentReference: { reference: `DocumentReference/${80020 + n}` } }] : []),
      ],
    },
  };
}

function conversation(ubrn: string, version: number, entries: Json[]): Json {
  return {
    resourceType: "Bundle",
    type: "searchset",
    link: [{ relation: "self", url: `Communication?based-on=CommunicationRequest/${ubrn}/_history/${version}` }],
    total: entries.length,
    entry: entries,
  };
}

/** GET /STU3/Communication?based-on=CommunicationRequest/{ubrn}/_history/{v}: six conversations. */
export const CONVERSATIONS: Record<string, { version: number; bundle: Json }> = {
  "CommunicationRequest/000000070000/_history/1": {
    version: 1,
    bundle: conversation("000000070000", 1, [
      message(1, "000000070000", 1, "referrer", "Please advise on next steps."),
    ]),
  },
  "CommunicationRequest/000000070000/_history/2": {
    version: 2,
    bundle: conversation("000000070000", 2, [
      message(1, "000000070000", 2, "referrer", "Please advise on next steps."),
      message(2, "000000070000", 2, "provider", "A 24-hour tape first, then refer if abnormal."),
    ]),
  },
  "CommunicationRequest/000000070001/_history/6": {
    version: 6,
    bundle: conversation("000000070001", 6, [
      message(1, "000000070001", 6, "referrer", "Trace attached.", true),
      message(2, "000000070001", 6, "provider", "Annotated trace attached.", true),
    ]),
  },
  "CommunicationRequest/000000070002/_history/1": {
    version: 1,
    bundle: conversation("000000070002", 1, [
      message(1, "000000070002", 1, "referrer", "First question."),
      message(2, "000000070002", 1, "provider", "Need more information."),
      message(3, "000000070002", 1, "referrer", "More information."),
      message(4, "000000070002", 1, "provider", "Thanks: advice given."),
    ]),
  },
  "CommunicationRequest/000000070003/_history/7": {
    version: 7,
    bundle: conversation("000000070003", 7, [
      message(1, "000000070003", 7, "referrer", "File uploaded before the request.", true),
    ]),
  },
  "CommunicationRequest/000000070004/_history/3": {
    version: 3,
    bundle: conversation("000000070004", 3, [
      message(1, "000000070004", 3, "referrer", "Attachment no longer available.", true),
    ]),
  },
};

// ---------------------------------------------------------------- reference data, slots, tasks

const CODE_SYSTEM_CONCEPTS: Record<string, Array<[string, string]>> = {
  SPECIALTY: [
    ["CARDIOLOGY", "Cardiology"],
    ["DERMATOLOGY", "Dermatology"],
    ["ENT", "Ear, Nose and Throat"],
  ],
  "CLINIC-TYPE": [
    ["HEART_FAILURE", "Heart Failure"],
    ["ARRHYTHMIA", "Arrhythmia"],
  ],
  "APPOINTMENT-CANCELLATION-REASON": [
    ["PATIENT_CANCELLED", "Patient cancelled"],
    ["PROVIDER_CANCELLED", "Provider cancelled"],
  ],
  "REFERRAL-CANCELLATION-REASON": [
    ["TREATMENT_NO_LONGER_REQUIRED", "Treatment no longer required"],
    ["RAISED_IN_ERROR", "Referral raised in error"],
    ["PATIENT_REQUEST", "Patient request"],
  ],
  "APPOINTMENT-NON-ATTENDANCE-REASON": [["PATIENT_DID_NOT_ATTEND", "Patient did not attend"]],
  PRIORITY: [
    ["ROUTINE", "Routine"],
    ["URGENT", "Urgent"],
    ["TWO_WEEK_WAIT", "2 Week Wait"],
  ],
};

export function codeSystem(type: string): Json | undefined {
  const concepts = CODE_SYSTEM_CONCEPTS[type];
  if (!concepts) return undefined;
  return {
    resourceType: "CodeSystem",
    id: type,
    meta: profile("eRS-CodeSystem"),
    url: `https://fhir.nhs.uk/STU3/CodeSystem/${type}`,
    name: type,
    status: "active",
    content: "complete",
    concept: concepts.map(([code, display]) => ({ code, display })),
  };
}

function slot(id: number, schedule: string, start: string): Json {
  return {
    fullUrl: `Slot/${id}`,
    resource: {
      resourceType: "Slot",
      id: String(id),
      meta: profile("eRS-Slot"),
      schedule: { reference: `#${schedule}` },
      status: "free",
      start,
      end: start.replace(/T(\d\d)/, (_, h) => `T${String(Number(h) + 1).padStart(2, "0")}`),
    },
  };
}

function slotBundle(slots: Json[], schedules: string[], total = slots.length): Json {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total,
    entry: [
      ...schedules.map((s) => ({
        fullUrl: `Schedule/${s}`,
        resource: { resourceType: "Schedule", id: s, active: true },
      })),
      ...slots,
    ],
  };
}

/** GET /STU3/Slot answers by scenario. */
export const SLOTS = {
  minimum: slotBundle([slot(410241, "schedule-12000", "2026-03-02T09:00:00.000Z")], ["schedule-12000"]),
  none: { resourceType: "Bundle", type: "searchset", total: 0 },
  page1: slotBundle(
    [1, 2, 3, 4, 5].map((n) => slot(411000 + n, "schedule-11000", `2026-03-0${n}T09:00:00.000Z`)),
    ["schedule-11000"],
    9,
  ),
  page2: slotBundle(
    [6, 7, 8, 9].map((n) => slot(411000 + n, "schedule-11000", `2026-03-0${n}T10:00:00.000Z`)),
    ["schedule-11000"],
    9,
  ),
  twoSchedules: slotBundle(
    [
      slot(413001, "schedule-13000-a", "2026-03-03T09:00:00.000Z"),
      slot(413002, "schedule-13000-b", "2026-03-03T11:00:00.000Z"),
    ],
    ["schedule-13000-a", "schedule-13000-b"],
  ),
  clinician: slotBundle(
    [slot(414001, "schedule-14000-921600556514", "2026-03-04T09:00:00.000Z")],
    ["schedule-14000-921600556514"],
  ),
};

function task(ubrn: string, action: string): Json {
  return {
    fullUrl: `Task/${ubrn}-${action}`,
    resource: {
      resourceType: "Task",
      meta: profile("eRS-Task"),
      status: "ready",
      intent: "proposal",
      code: { coding: [coding("eRS-ReferralAction", action)] },
      focus: { reference: `ReferralRequest/${ubrn}/_history/6` },
    },
  };
}

/** GET /STU3/Task: the action each referral (at version 6) offers. */
export const TASKS: Record<string, string | undefined> = {
  "000000070000": undefined,
  "000000070001": "RECORD_REVIEW_OUTCOME",
  "000000070002": "CREATE_APPOINTMENT",
  "000000070003": "CHANGE_SHORTLIST",
  "000000070004": "CHANGE_SHORTLIST_AND_SEND_FOR_TRIAGE",
  "000000070005": "CANCEL_REFERRAL",
  "000000070006": "CANCEL_APPOINTMENT",
};

export function taskBundle(ubrn: string): Json {
  const action = TASKS[ubrn];
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: action ? 1 : 0,
    ...(action ? { entry: [task(ubrn, action)] } : {}),
  };
}

// ---------------------------------------------------------------- R4

export const PRACTITIONER_ROLES: Json = {
  resourceType: "Bundle",
  type: "searchset",
  total: 2,
  entry: [
    ["REFERRING_CLINICIAN", "R69"],
    ["SERVICE_PROVIDER_CLINICIAN_ADMIN", "RCD"],
  ].map(([role, ods], i) => ({
    fullUrl: `PractitionerRole/nhskit-role-${i + 1}`,
    resource: {
      resourceType: "PractitionerRole",
      id: `nhskit-role-${i + 1}`,
      practitioner: { identifier: { system: "https://fhir.nhs.uk/Id/sds-user-id", value: "555021935107" } },
      organization: { identifier: { system: ODS_SYSTEM, value: ods } },
      code: [
        {
          coding: [{ system: "https://fhir.nhs.uk/CodeSystem/eRS-BusinessFunction", code: role }],
        },
      ],
    },
  })),
};

export const ON_BEHALF_OF_PRACTITIONERS: Json = {
  resourceType: "Bundle",
  type: "searchset",
  total: 2,
  entry: [
    ["921600556514", "Dr Ada Hartley"],
    ["021600556514", "Dr Tomas Reyes"],
  ].map(([id, name]) => ({
    fullUrl: `Practitioner/${id}`,
    resource: {
      resourceType: "Practitioner",
      id,
      identifier: [{ system: "https://fhir.nhs.uk/Id/sds-user-id", value: id }],
      name: [{ text: name }],
    },
  })),
};

export function healthcareService(id: string, full: boolean): Json {
  return {
    resourceType: "HealthcareService",
    id,
    meta: { versionId: "1", profile: ["https://fhir.nhs.uk/StructureDefinition/NHSDigital-HealthcareService"] },
    identifier: [{ system: "https://fhir.nhs.uk/Id/ers-service", value: id }],
    active: true,
    providedBy: { identifier: { system: ODS_SYSTEM, value: "RCD" } },
    name: full ? "nhskit General Cardiology (full record)" : "nhskit Dermatology",
    ...(full
      ? {
          type: [
            { coding: [{ system: "https://fhir.nhs.uk/CodeSystem/eRS-ServiceType", code: "APPOINTMENT_SERVICE" }] },
          ],
          specialty: [{ coding: [{ system: "https://fhir.nhs.uk/CodeSystem/eRS-Specialty", code: "CARDIOLOGY" }] }],
          telecom: [{ system: "phone", value: "0113 496 0000", use: "work" }],
          comment: "Walk-in clinic on Tuesdays",
          availableTime: [{ daysOfWeek: ["tue"], availableStartTime: "09:00:00", availableEndTime: "17:00:00" }],
        }
      : {}),
  };
}

export function serviceSearchBundle(ids: string[]): Json {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: ids.length,
    ...(ids.length
      ? {
          entry: ids.map((id) => ({
            fullUrl: `HealthcareService/${id}`,
            resource: healthcareService(id, id === "3"),
            search: { mode: "match" },
          })),
        }
      : {}),
  };
}

function serviceRequest(ubrn: string, category: "referral" | "advice"): Json {
  return {
    fullUrl: `ServiceRequest/${ubrn}`,
    resource: {
      resourceType: "ServiceRequest",
      id: ubrn,
      identifier: [{ system: UBRN_SYSTEM, value: ubrn }],
      status: "active",
      intent: "order",
      category: [
        {
          coding: [
            { system: "https://fhir.nhs.uk/CodeSystem/eRS-ServiceRequestCategory", code: category.toUpperCase() },
          ],
        },
      ],
      subject: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: TEST_PATIENT } },
    },
    search: { mode: "match" },
  };
}

/** GET /R4/ServiceRequest?identifier=...: what each UBRN stands for. */
export const SERVICE_REQUESTS: Record<string, Json[]> = {
  "000000070000": [serviceRequest("000000070000", "referral")],
  "000000070001": [serviceRequest("000000070001", "advice")],
  "000000070002": [serviceRequest("000000070002", "referral"), serviceRequest("000000070002", "advice")],
  "000000070003": [],
};
