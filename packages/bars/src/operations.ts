import type { BarsCoreVersion } from "./schemas.js";

/** How an operation treats `NHSD-Target-Identifier`. */
export type TargetRule = "required" | "optional" | "none";

export interface BarsOperation {
  /** The client method that calls it. */
  readonly clientMethod: string;
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly path: string;
  /** First BaRS Core version whose specification has the operation. */
  readonly since: BarsCoreVersion;
  readonly target: TargetRule;
  /** Writes carry `use-context`. */
  readonly useContext: boolean;
  /** Endpoint-catalogue calls send a plain `Accept: application/fhir+json`; the rest name the BaRS version. */
  readonly versionedAccept: boolean;
}

const op = (
  clientMethod: string,
  method: BarsOperation["method"],
  path: string,
  since: BarsCoreVersion,
  target: TargetRule,
  useContext = false,
  versionedAccept = true,
): BarsOperation => ({ clientMethod, method, path, since, target, useContext, versionedAccept });

/**
 * Every operation in the BaRS Core 1.4.0 OpenAPI document, by its upstream operationId, with the client
 * method that calls it and what the client sends with it.
 */
export const BARS_OPERATIONS = {
  getMeta: op("getCapabilityStatement", "GET", "/metadata", "1.0.0", "optional"),
  getMessageDefinition: op("getMessageDefinitions", "GET", "/MessageDefinition", "1.0.0", "required"),
  processMessage: op("sendMessage", "POST", "/$process-message", "1.0.0", "required", true),
  getSlots: op("searchSlots", "GET", "/Slot", "1.0.0", "required"),
  getBookingByPatient: op("searchAppointments", "GET", "/Appointment", "1.0.0", "required"),
  createAppointment: op("createAppointment", "POST", "/Appointment", "1.1.0", "required", true),
  getBooking: op("getAppointment", "GET", "/Appointment/{id}", "1.0.0", "required"),
  updateAppointment: op("updateAppointment", "PUT", "/Appointment/{id}", "1.1.0", "required", true),
  patchAppointment: op("patchAppointment", "PATCH", "/Appointment/{id}", "1.1.0", "required", true),
  deleteAppointment: op("deleteAppointment", "DELETE", "/Appointment/{id}", "1.1.0", "required", true),
  getReferralByPatient: op("searchReferrals", "GET", "/ServiceRequest", "1.0.0", "required"),
  createReferral: op("createReferral", "POST", "/ServiceRequest", "1.1.0", "required", true),
  getReferral: op("getReferral", "GET", "/ServiceRequest/{id}", "1.0.0", "required"),
  putReferral: op("updateReferral", "PUT", "/ServiceRequest/{id}", "1.1.0", "required", true),
  patchReferral: op("patchReferral", "PATCH", "/ServiceRequest/{id}", "1.1.0", "required", true),
  deleteReferral: op("deleteReferral", "DELETE", "/ServiceRequest/{id}", "1.1.0", "required", true),
  searchDocumentReference: op("searchPointers", "GET", "/DocumentReference", "1.1.0", "none"),
  createDocumentReference: op("createPointer", "POST", "/DocumentReference", "1.1.0", "none", true),
  readDocumentReference: op("readPointer", "GET", "/DocumentReference/{id}", "1.1.0", "none"),
  updateDocumentReference: op("updatePointer", "PUT", "/DocumentReference/{id}", "1.1.0", "none", true),
  deleteDocumentReference: op("deletePointer", "DELETE", "/DocumentReference/{id}", "1.1.0", "none", true),
  getHealthcareServices: op("searchHealthcareServices", "GET", "/HealthcareService", "1.2.0", "none", false, false),
  createHealthcareService: op("createHealthcareService", "POST", "/HealthcareService", "1.2.0", "none", false, false),
  getHealthcareService: op("getHealthcareService", "GET", "/HealthcareService/{id}", "1.2.0", "none", false, false),
  replaceHealthcareService: op(
    "replaceHealthcareService",
    "PUT",
    "/HealthcareService/{id}",
    "1.2.0",
    "none",
    false,
    false,
  ),
  deleteHealthcareService: op(
    "deleteHealthcareService",
    "DELETE",
    "/HealthcareService/{id}",
    "1.2.0",
    "none",
    false,
    false,
  ),
  getEndpoints: op("searchEndpoints", "GET", "/Endpoint", "1.2.0", "none", false, false),
  createEndpoint: op("createEndpoint", "POST", "/Endpoint", "1.2.0", "none", false, false),
  getEndpointTemplates: op("searchEndpointTemplates", "GET", "/Endpoint/$template", "1.4.0", "none", false, false),
  createEndpointTemplate: op("createEndpointTemplate", "POST", "/Endpoint/$template", "1.4.0", "none", false, false),
  getEndpoint: op("getEndpoint", "GET", "/Endpoint/{id}", "1.2.0", "none", false, false),
  replaceEndpoint: op("replaceEndpoint", "PUT", "/Endpoint/{id}", "1.2.0", "none", false, false),
  deleteEndpoint: op("deleteEndpoint", "DELETE", "/Endpoint/{id}", "1.2.0", "none", false, false),
  replaceEndpointTemplate: op(
    "replaceEndpointTemplate",
    "PUT",
    "/Endpoint/{id}/$template",
    "1.4.0",
    "none",
    false,
    false,
  ),
  deleteEndpointTemplate: op(
    "deleteEndpointTemplate",
    "DELETE",
    "/Endpoint/{id}/$template",
    "1.4.0",
    "none",
    false,
    false,
  ),
} as const satisfies Record<string, BarsOperation>;

export type BarsOperationId = keyof typeof BARS_OPERATIONS;

/** 1.2.0 -> [1, 2, 0], for comparing versions. */
export function versionParts(version: string): number[] {
  return version.split(".").map((p) => Number.parseInt(p, 10) || 0);
}

export function versionAtLeast(version: string, floor: string): boolean {
  const a = versionParts(version);
  const b = versionParts(floor);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}
