import {
  type FhirBundle,
  type FhirClaim,
  type FhirMessageBundle,
  type FhirResource,
  type FhirTask,
  newPrescriptionId,
} from "@nhskit/eps";

// Sample EPS messages for the sandbox: enough to show each message's shape, not a full clinical record.

const uuid = () => crypto.randomUUID();
const urn = (id: string) => `urn:uuid:${id}`;
const ods = (value: string) => ({ system: "https://fhir.nhs.uk/Id/ods-organization-code", value });
const orderNumber = (value: string) => ({ system: "https://fhir.nhs.uk/Id/prescription-order-number", value });
const header = (code: string, focus: string[]) => ({
  resourceType: "MessageHeader",
  eventCoding: { system: "https://fhir.nhs.uk/CodeSystem/message-event", code },
  sender: { identifier: ods("A83008"), display: "HALLGARTH SURGERY" },
  source: { endpoint: "https://directory.spineservices.nhs.uk/STU3/Organization/A83008" },
  focus: focus.map((reference) => ({ reference })),
});

/** The pharmacy in these samples, and its dispenser (the CIS2 user). */
export const pharmacy = { odsCode: "VNE51", name: "THE SIMPLE PHARMACY" };
export const dispenser = {
  resourceType: "PractitionerRole",
  identifier: [{ system: "https://fhir.nhs.uk/Id/sds-role-profile-id", value: "555254240100" }],
  practitioner: { identifier: { system: "https://fhir.nhs.uk/Id/sds-user-id", value: "555254239107" } },
  telecom: [{ system: "phone", use: "work", value: "01234567890" }],
};

/** An unsigned prescription-order message: one item for patient 9449304130, from practice A83008. */
export function prescriptionOrder(prescriptionId = newPrescriptionId("A83008")): FhirMessageBundle {
  const [item, patient, role, practitioner, practice] = [uuid(), uuid(), uuid(), uuid(), uuid()];
  const id = uuid();
  return {
    resourceType: "Bundle",
    id,
    identifier: { system: "https://tools.ietf.org/html/rfc4122", value: id },
    type: "message",
    entry: [
      { fullUrl: urn(uuid()), resource: header("prescription-order", [urn(item), urn(patient)]) },
      {
        fullUrl: urn(item),
        resource: {
          resourceType: "MedicationRequest",
          identifier: [{ system: "https://fhir.nhs.uk/Id/prescription-order-item-number", value: item }],
          status: "active",
          intent: "order",
          medicationCodeableConcept: {
            coding: [
              {
                system: "http://snomed.info/sct",
                code: "39720311000001101",
                display: "Paracetamol 500mg soluble tablets",
              },
            ],
          },
          subject: { reference: urn(patient) },
          requester: { reference: urn(role) },
          groupIdentifier: orderNumber(prescriptionId),
          dosageInstruction: [{ text: "2 tablets up to four times a day" }],
          dispenseRequest: {
            quantity: { value: 60, unit: "tablet", system: "http://snomed.info/sct" },
            performer: { identifier: ods(pharmacy.odsCode) },
          },
        },
      },
      {
        fullUrl: urn(patient),
        resource: {
          resourceType: "Patient",
          identifier: [{ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9449304130" }],
          name: [{ prefix: ["MS"], given: ["STACEY", "MARISA"], family: "TWITCHETT" }],
        },
      },
      {
        fullUrl: urn(role),
        resource: {
          resourceType: "PractitionerRole",
          practitioner: { reference: urn(practitioner) },
          organization: { reference: urn(practice) },
        },
      },
      { fullUrl: urn(practitioner), resource: { resourceType: "Practitioner", name: [{ family: "CARTER" }] } },
      {
        fullUrl: urn(practice),
        resource: { resourceType: "Organization", identifier: [ods("A83008")], name: "HALLGARTH SURGERY" },
      },
    ],
  };
}

/** A cancellation (prescription-order-update) of a prescription's item, made from the order that created it. */
export function cancellation(order: FhirMessageBundle): FhirMessageBundle {
  const id = uuid();
  const entry = order.entry.map((e) =>
    e.resource?.resourceType === "MedicationRequest"
      ? {
          ...e,
          resource: {
            ...e.resource,
            status: "cancelled",
            statusReason: {
              coding: [{ system: "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-reason", code: "0001" }],
            },
          },
        }
      : e,
  );
  const focus = order.entry.slice(1).map((e) => e.fullUrl ?? "");
  return {
    ...order,
    id,
    entry: [{ fullUrl: urn(uuid()), resource: header("prescription-order-update", focus) }, ...entry.slice(1)],
  };
}

const itemsOf = (prescription: FhirBundle) =>
  (prescription.entry ?? []).flatMap((e) => (e.resource?.resourceType === "MedicationRequest" ? [e.resource] : []));
const idOf = (prescription: FhirBundle) =>
  String((itemsOf(prescription)[0]?.groupIdentifier as { value?: string } | undefined)?.value);

/** A dispense notification saying every item of a released prescription was handed over in full. */
export function dispenseNotification(prescription: FhirBundle): FhirMessageBundle {
  const organization = uuid();
  const dispenses = itemsOf(prescription).map((request: FhirResource) => ({
    fullUrl: urn(uuid()),
    resource: {
      resourceType: "MedicationDispense",
      contained: [{ ...dispenser, id: "performer", organization: { reference: urn(organization) } }],
      status: "completed",
      medicationCodeableConcept: request.medicationCodeableConcept,
      subject: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: "9449304130" } },
      performer: [{ actor: { reference: "#performer" } }],
      authorizingPrescription: [{ identifier: orderNumber(idOf(prescription)) }],
      quantity: (request.dispenseRequest as { quantity?: unknown } | undefined)?.quantity,
      whenHandedOver: new Date().toISOString(),
    },
  }));
  const id = uuid();
  return {
    resourceType: "Bundle",
    id,
    identifier: { system: "https://tools.ietf.org/html/rfc4122", value: id },
    type: "message",
    entry: [
      {
        fullUrl: urn(uuid()),
        resource: header(
          "dispense-notification",
          dispenses.map((d) => d.fullUrl),
        ),
      },
      ...dispenses,
      {
        fullUrl: urn(organization),
        resource: {
          resourceType: "Organization",
          identifier: [ods(pharmacy.odsCode)],
          name: pharmacy.name,
          extension: [
            {
              url: "https://fhir.nhs.uk/StructureDefinition/Extension-ODS-OrganisationRelationships",
              extension: [{ url: "reimbursementAuthority", valueIdentifier: ods("T1450") }],
            },
          ],
        },
      },
    ],
  };
}

/** A claim for a dispensed prescription, with the "no endorsement" code on its item. */
export function dispenseClaim(prescription: FhirBundle): FhirClaim {
  return {
    resourceType: "Claim",
    status: "active",
    type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/claim-type", code: "pharmacy" }] },
    use: "claim",
    created: new Date().toISOString(),
    patient: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: "9449304130" } },
    provider: { reference: "#performer" },
    contained: [{ ...dispenser, id: "performer" }],
    priority: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/processpriority", code: "normal" }] },
    insurance: [{ sequence: 1, focal: true, coverage: { identifier: ods("T1450") } }],
    prescription: { identifier: orderNumber(idOf(prescription)) },
    item: [
      {
        sequence: 1,
        detail: itemsOf(prescription).map((request, i) => ({
          sequence: i + 1,
          productOrService: request.medicationCodeableConcept,
          programCode: [
            { coding: [{ system: "https://fhir.nhs.uk/CodeSystem/medicationdispense-endorsement", code: "NDEC" }] },
          ],
        })),
      },
    ],
  };
}

function task(prescriptionId: string, status: string, extra: Record<string, unknown>): FhirTask {
  return {
    resourceType: "Task",
    contained: [{ ...dispenser, id: "requester" }],
    identifier: [{ system: "https://tools.ietf.org/html/rfc4122", value: uuid() }],
    status,
    intent: "order",
    groupIdentifier: orderNumber(prescriptionId),
    for: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: "9449304130" } },
    authoredOn: new Date().toISOString(),
    requester: { reference: "#requester" },
    owner: { identifier: ods(pharmacy.odsCode) },
    ...extra,
  };
}

/** A Task handing a released prescription back to EPS (the patient went elsewhere). */
export function returnTask(prescriptionId: string): FhirTask {
  return task(prescriptionId, "rejected", {
    statusReason: {
      coding: [{ system: "https://fhir.nhs.uk/CodeSystem/EPS-task-dispense-return-status-reason", code: "0002" }],
    },
  });
}

/** A Task withdrawing the last dispense notification (the quantity was wrong). */
export function withdrawTask(prescriptionId: string): FhirTask {
  return task(prescriptionId, "in-progress", {
    code: { coding: [{ system: "http://hl7.org/fhir/CodeSystem/task-code", code: "abort" }] },
    statusReason: {
      coding: [{ system: "https://fhir.nhs.uk/CodeSystem/EPS-task-dispense-withdraw-reason", code: "QU" }],
    },
  });
}
