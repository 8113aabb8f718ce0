import {
  createEpsClient,
  createEpsDispensingClient,
  createEpsPrescribingClient,
  type FhirMessageBundle,
  newPrescriptionId,
  PrescriptionIdError,
  releaseParameters,
} from "@nhskit/eps";
import { check, type Scenario } from "../types.js";
import { apiError, refusal } from "./util.js";

// Small EPS messages: enough for the sandbox's checks, not a clinical record. Patient 9449304130 and practice
// A83008 are the hosted sandbox's canned test data; VNE51 is the pharmacy.
const ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
const ORDER_NUMBER = "https://fhir.nhs.uk/Id/prescription-order-number";
const NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
const CANNED_ID = "58EFB9-A83008-27693K";
const urn = () => `urn:uuid:${crypto.randomUUID()}`;
const dispenser = {
  resourceType: "PractitionerRole",
  identifier: [{ system: "https://fhir.nhs.uk/Id/sds-role-profile-id", value: "555254240100" }],
  practitioner: { identifier: { system: "https://fhir.nhs.uk/Id/sds-user-id", value: "555254239107" } },
  telecom: [{ system: "phone", use: "work", value: "01234567890" }],
};
const paracetamol = {
  coding: [
    { system: "http://snomed.info/sct", code: "39720311000001101", display: "Paracetamol 500mg soluble tablets" },
  ],
};

function header(event: string, focus: string[]) {
  return {
    resourceType: "MessageHeader",
    eventCoding: { system: "https://fhir.nhs.uk/CodeSystem/message-event", code: event },
    sender: { identifier: { system: ODS, value: "A83008" }, display: "HALLGARTH SURGERY" },
    source: { endpoint: "https://directory.spineservices.nhs.uk/STU3/Organization/A83008" },
    focus: focus.map((reference) => ({ reference })),
  };
}

function bundle(event: string, resources: Array<{ fullUrl: string; resource: Record<string, unknown> }>) {
  const id = crypto.randomUUID();
  return {
    resourceType: "Bundle",
    id,
    identifier: { system: "https://tools.ietf.org/html/rfc4122", value: id },
    type: "message",
    entry: [
      {
        fullUrl: urn(),
        resource: header(
          event,
          resources.slice(0, 2).map((r) => r.fullUrl),
        ),
      },
      ...resources,
    ],
  } as FhirMessageBundle;
}

/** One paracetamol item for 9449304130; `status` other than active breaks EPS's business rule. */
function order(event = "prescription-order", itemChanges: Record<string, unknown> = {}): FhirMessageBundle {
  const [item, patient, role, practitioner, practice] = [urn(), urn(), urn(), urn(), urn()];
  return bundle(event, [
    {
      fullUrl: item,
      resource: {
        resourceType: "MedicationRequest",
        identifier: [{ system: "https://fhir.nhs.uk/Id/prescription-order-item-number", value: item.slice(9) }],
        status: "active",
        intent: "order",
        medicationCodeableConcept: paracetamol,
        subject: { reference: patient },
        requester: { reference: role },
        groupIdentifier: { system: ORDER_NUMBER, value: newPrescriptionId("A83008") },
        dosageInstruction: [{ text: "2 tablets up to four times a day" }],
        dispenseRequest: {
          quantity: { value: 60, unit: "tablet", system: "http://snomed.info/sct" },
          performer: { identifier: { system: ODS, value: "VNE51" } },
        },
        ...itemChanges,
      },
    },
    {
      fullUrl: patient,
      resource: {
        resourceType: "Patient",
        identifier: [{ system: NHS_NUMBER, value: "9449304130" }],
        name: [{ prefix: ["MS"], given: ["STACEY", "MARISA"], family: "TWITCHETT" }],
      },
    },
    {
      fullUrl: role,
      resource: {
        resourceType: "PractitionerRole",
        practitioner: { reference: practitioner },
        organization: { reference: practice },
      },
    },
    { fullUrl: practitioner, resource: { resourceType: "Practitioner", name: [{ family: "CARTER" }] } },
    {
      fullUrl: practice,
      resource: {
        resourceType: "Organization",
        identifier: [{ system: ODS, value: "A83008" }],
        name: "HALLGARTH SURGERY",
      },
    },
  ]);
}

/** A dispense notification: every item of the canned released prescription handed over in full. */
function dispenseNotification(prescriptionId: string): FhirMessageBundle {
  const [dispense, pharmacy] = [urn(), urn()];
  return bundle("dispense-notification", [
    {
      fullUrl: dispense,
      resource: {
        resourceType: "MedicationDispense",
        contained: [{ ...dispenser, id: "performer", organization: { reference: pharmacy } }],
        status: "completed",
        medicationCodeableConcept: paracetamol,
        subject: { identifier: { system: NHS_NUMBER, value: "9449304130" } },
        performer: [{ actor: { reference: "#performer" } }],
        authorizingPrescription: [{ identifier: { system: ORDER_NUMBER, value: prescriptionId } }],
        quantity: { value: 60, unit: "tablet", system: "http://snomed.info/sct" },
        whenHandedOver: new Date().toISOString(),
      },
    },
    {
      fullUrl: pharmacy,
      resource: {
        resourceType: "Organization",
        identifier: [{ system: ODS, value: "VNE51" }],
        name: "THE SIMPLE PHARMACY",
        extension: [
          {
            url: "https://fhir.nhs.uk/StructureDefinition/Extension-ODS-OrganisationRelationships",
            extension: [{ url: "reimbursementAuthority", valueIdentifier: { system: ODS, value: "T1450" } }],
          },
        ],
      },
    },
  ]);
}

const options = (baseUrl: string) => ({ baseUrl, retry: false as const });
// The hosted sandbox runs EPS's full FHIR validator; these scenarios are about the business rules and the
// canned replies, so writes ask it to skip the validator (as the client's `skipValidation` is meant for).
const skip = { skipValidation: true };

export const epsScenarios: Scenario[] = [
  {
    api: "eps",
    operation: "prepare-prescription",
    name: "prescribing: $prepare gives a digest",
    async run({ baseUrl }) {
      const prescribing = createEpsPrescribingClient(options(baseUrl("prescribing")));
      const { digest, algorithm, timestamp } = await prescribing.prepare(order(), skip);
      check(digest.length > 0 && timestamp.length > 0, "a digest and a timestamp");
      check(algorithm === "RS256", `algorithm RS256 (got ${algorithm})`);
      return { status: 200, detail: algorithm };
    },
  },
  {
    api: "eps",
    operation: "send-prescription-order-message",
    name: "prescribing: prepare, sign, send",
    async run({ baseUrl }) {
      const prescribing = createEpsPrescribingClient(options(baseUrl("prescribing")));
      // A stand-in signer: the sandboxes do not verify signatures.
      const { acknowledgement } = await prescribing.prescribe(order(), {
        sign: async () => ({ signatureValue: btoa("not a real signature"), certificate: btoa("not a certificate") }),
        ...skip,
      });
      const code = acknowledgement.operationOutcome.issue?.[0]?.code;
      check(code === "informational", `an informational acknowledgement (got ${code})`);
      return { status: 200, detail: code };
    },
  },
  {
    api: "eps",
    operation: "send-prescription-order-update-message",
    name: "prescribing: cancel an item",
    async run({ baseUrl }) {
      const prescribing = createEpsPrescribingClient(options(baseUrl("prescribing")));
      const cancellation = order("prescription-order-update", {
        status: "cancelled",
        statusReason: {
          coding: [{ system: "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-reason", code: "0001" }],
        },
      });
      const result = await prescribing.cancelPrescription(cancellation, skip);
      check(result.kind === "response", `a message Bundle back (got ${result.kind})`);
      return { status: 200, detail: `${result.medicationRequests.length} item(s)` };
    },
  },
  {
    api: "eps",
    operation: "release",
    name: "dispensing: nominated release for VNE51",
    async run({ baseUrl }) {
      const dispensing = createEpsDispensingClient(options(baseUrl("dispensing")));
      const { prescriptions, shape } = await dispensing.release(
        releaseParameters({ ownerOdsCode: "VNE51", ownerName: "THE SIMPLE PHARMACY", agent: dispenser }),
        skip,
      );
      check(prescriptions.length >= 1, `at least one released prescription (got ${prescriptions.length})`);
      return { status: 200, detail: `${shape}, ${prescriptions.length} prescription(s)` };
    },
  },
  {
    api: "eps",
    operation: "send-dispense-notification-message",
    name: "dispensing: dispense notification",
    async run({ baseUrl }) {
      const dispensing = createEpsDispensingClient(options(baseUrl("dispensing")));
      const ack = await dispensing.sendDispenseNotification(dispenseNotification(CANNED_ID), skip);
      const code = ack.operationOutcome.issue?.[0]?.code;
      check(code === "informational", `an informational acknowledgement (got ${code})`);
      return { status: 200, detail: code };
    },
  },
  {
    api: "eps",
    operation: "tracker (unpublished)",
    name: "combined: track 58EFB9-A83008-27693K",
    async run({ baseUrl }) {
      const { tasks } = await createEpsClient(options(baseUrl())).trackPrescription(CANNED_ID);
      const who = (tasks[0] as { for?: { display?: string } } | undefined)?.for?.display;
      check(who === "MS STACEY MARISA TWITCHETT", `the canned patient (got ${who})`);
      return { status: 200, detail: `${tasks.length} task(s)` };
    },
  },
  {
    api: "eps",
    operation: "send-prescription-order-message",
    name: "combined: draft item is 400 (business rule)",
    async run({ baseUrl }) {
      const eps = createEpsClient(options(baseUrl()));
      const error = await apiError(eps.sendPrescriptionOrder(order("prescription-order", { status: "draft" }), skip));
      check(error.status === 400, `400 (got ${error.status})`);
      check(
        error.diagnostics === "MedicationRequest.status must be active.",
        `EPS's diagnostics (got ${error.diagnostics})`,
      );
      return { status: error.status, detail: error.diagnostics };
    },
  },
  {
    api: "eps",
    operation: "tracker (unpublished)",
    name: "bad check character refused before sending",
    async run({ baseUrl }) {
      const error = await refusal((fetch) =>
        createEpsClient({ ...options(baseUrl()), fetch }).trackPrescription("58EFB9-A83008-27693X"),
      );
      check(error instanceof PrescriptionIdError, `PrescriptionIdError (got ${String(error)})`);
      return { status: "refused", detail: "check character" };
    },
  },
];
