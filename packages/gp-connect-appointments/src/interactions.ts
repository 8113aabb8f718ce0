// The Spine interaction id and JWT scope for each provider operation. The SSP routes and authorises on
// Ssp-InteractionID; the provider checks that requested_scope fits the operation.

const PREFIX = "urn:nhs:names:services:gpconnect";

export type RequestedScope = "patient/*.read" | "patient/*.write" | "organization/*.read" | "organization/*.write";

export interface ProviderOperation {
  readonly method: "GET" | "POST" | "PUT";
  /** The OpenAPI path (`/Appointment/{id}`). */
  readonly path: string;
  readonly interactionId: string;
  readonly scope: RequestedScope;
}

/** Every provider operation, by the name of the client method that calls it. */
export const PROVIDER_OPERATIONS = {
  getCapabilityStatement: {
    method: "GET",
    path: "/metadata",
    interactionId: `${PREFIX}:fhir:rest:read:metadata-1`,
    scope: "organization/*.read",
  },
  findPatient: {
    method: "GET",
    path: "/Patient",
    interactionId: `${PREFIX}:fhir:rest:search:patient-1`,
    scope: "patient/*.read",
  },
  readPatient: {
    method: "GET",
    path: "/Patient/{id}",
    interactionId: `${PREFIX}:fhir:rest:read:patient-1`,
    scope: "patient/*.read",
  },
  findPractitioner: {
    method: "GET",
    path: "/Practitioner",
    interactionId: `${PREFIX}:fhir:rest:search:practitioner-1`,
    scope: "organization/*.read",
  },
  readPractitioner: {
    method: "GET",
    path: "/Practitioner/{id}",
    interactionId: `${PREFIX}:fhir:rest:read:practitioner-1`,
    scope: "organization/*.read",
  },
  findOrganization: {
    method: "GET",
    path: "/Organization",
    interactionId: `${PREFIX}:fhir:rest:search:organization-1`,
    scope: "organization/*.read",
  },
  readOrganization: {
    method: "GET",
    path: "/Organization/{id}",
    interactionId: `${PREFIX}:fhir:rest:read:organization-1`,
    scope: "organization/*.read",
  },
  readLocation: {
    method: "GET",
    path: "/Location/{id}",
    interactionId: `${PREFIX}:fhir:rest:read:location-1`,
    scope: "organization/*.read",
  },
  registerPatient: {
    method: "POST",
    path: "/Patient/$gpc.registerpatient",
    interactionId: `${PREFIX}:fhir:operation:gpc.registerpatient-1`,
    scope: "patient/*.write",
  },
  getPatientAppointments: {
    method: "GET",
    path: "/Patient/{id}/Appointment",
    interactionId: `${PREFIX}:fhir:rest:search:patient_appointments-1`,
    scope: "patient/*.read",
  },
  searchFreeSlots: {
    method: "GET",
    path: "/Slot",
    interactionId: `${PREFIX}:fhir:rest:search:slot-1`,
    scope: "organization/*.read",
  },
  bookAppointment: {
    method: "POST",
    path: "/Appointment",
    interactionId: `${PREFIX}:fhir:rest:create:appointment-1`,
    scope: "patient/*.write",
  },
  readAppointment: {
    method: "GET",
    path: "/Appointment/{id}",
    interactionId: `${PREFIX}:fhir:rest:read:appointment-1`,
    scope: "patient/*.read",
  },
  amendAppointment: {
    method: "PUT",
    path: "/Appointment/{id}",
    interactionId: `${PREFIX}:fhir:rest:update:appointment-1`,
    scope: "patient/*.write",
  },
  cancelAppointment: {
    method: "PUT",
    path: "/Appointment/{id}",
    interactionId: `${PREFIX}:fhir:rest:cancel:appointment-1`,
    scope: "patient/*.write",
  },
} as const satisfies Record<string, ProviderOperation>;

export type ProviderOperationName = keyof typeof PROVIDER_OPERATIONS;

/** Interaction id constants, e.g. `INTERACTION_IDS.searchFreeSlots`. */
export const INTERACTION_IDS = Object.fromEntries(
  Object.entries(PROVIDER_OPERATIONS).map(([name, op]) => [name, op.interactionId]),
) as { readonly [K in ProviderOperationName]: (typeof PROVIDER_OPERATIONS)[K]["interactionId"] };
