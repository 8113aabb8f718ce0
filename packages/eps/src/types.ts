import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/**
 * The published schemas pin `Bundle.id` to the single id of their own example (an `enum` of one value),
 * which no real message has; these aliases widen it back to any string. Everything else is as generated.
 */
type AnyId<T> = Omit<T, "id"> & { id?: string };

/** An unsigned prescription-order message Bundle, as `$prepare` takes it. */
export type PrescriptionBundle = AnyId<Schemas["Encode-Request-Bundle"]>;
/** A prescription-order message Bundle for `$process-message` (signed: it carries a Provenance). */
export type PrescriptionOrderBundle = AnyId<Schemas["Create-Request-Bundle"]>;
/** A prescription-order-update (cancellation) message Bundle. */
export type CancellationBundle = AnyId<Schemas["Cancel-Request-Bundle"]>;
/** What EPS answers to a cancellation: a message Bundle describing the cancelled item. */
export type CancellationResponseBundle = AnyId<Schemas["Cancel-Response-Bundle"]>;
/** A dispense-notification message Bundle. */
export type DispenseNotificationBundle = Schemas["DispenseNotification"];
/** `Task/$release` input: a Parameters resource (owner, status, optional group-identifier and agent). */
export type ReleaseParameters = Schemas["Release"];
/** `Task/$release` as the published spec describes the answer: Parameters with passed/failed prescriptions. */
export type ReleaseParametersResponse = Schemas["Release-2"];
/** A Task returning a released prescription (status `rejected`). */
export type ReturnTask = Schemas["Return"];
/** A Task withdrawing a dispense notification (status `in-progress`). */
export type WithdrawTask = Schemas["Withdraw"];
/** A dispense claim. */
export type DispenseClaim = Schemas["DispenseClaim"];
/** `$prepare`'s answer: Parameters with `digest`, `timestamp` and `algorithm`. */
export type PrepareResponse = Schemas["ParametersResponse"];
export type OperationOutcome = Schemas["OperationOutcome"];
export type MedicationRequest = Schemas["MedicationRequest"];
export type MedicationDispense = Schemas["MedicationDispense"];
export type Provenance = Schemas["Provenance"];
export type Patient = Schemas["Patient"];

/**
 * Any FHIR resource, loosely typed. The published EPS schemas cannot describe some valid messages (they type
 * `dosageInstruction` as one object instead of a list, a PractitionerRole's `telecom` as one object, SNOMED
 * quantity codes as numbers), so every method also accepts the loose shape and checks what matters at runtime.
 */
export interface FhirResource {
  resourceType: string;
  id?: string;
  [key: string]: unknown;
}

/** A FHIR message Bundle, loosely typed: MessageHeader first, then the resources it carries. */
export interface FhirMessageBundle extends FhirResource {
  resourceType: "Bundle";
  type: "message";
  entry: Array<{ fullUrl?: string; resource?: FhirResource; [key: string]: unknown }>;
}

/** A FHIR Task, loosely typed. */
export interface FhirTask extends FhirResource {
  resourceType: "Task";
  status: string;
}

/** A FHIR Claim, loosely typed. */
export interface FhirClaim extends FhirResource {
  resourceType: "Claim";
}

/** A FHIR Parameters resource, loosely typed. */
export interface FhirParameters extends FhirResource {
  resourceType: "Parameters";
  parameter: Array<{ name: string; [key: string]: unknown }>;
}

/** A FHIR Bundle, loosely typed. */
export interface FhirBundle extends FhirResource {
  resourceType: "Bundle";
  type?: string;
  total?: number;
  entry?: Array<{ fullUrl?: string; resource?: FhirResource; [key: string]: unknown }>;
}

/** A CapabilityStatement (`GET /metadata`), loosely typed: the spec publishes no schema for it. */
export interface CapabilityStatement extends FhirResource {
  resourceType: "CapabilityStatement";
  name?: string;
  fhirVersion?: string;
  extension?: Array<{ url: string; extension?: unknown[] }>;
}
