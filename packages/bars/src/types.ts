import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/**
 * The generated schemas are a loose sketch of the FHIR resources BaRS carries; real resources have more
 * elements. Inputs accept any extra element so a full UK Core resource can be passed as it is.
 */
export type FhirInput<T> = T & { [element: string]: unknown };

export type Appointment = Schemas["Appointment"];
export type ServiceRequest = Schemas["ServiceRequest"];
export type CapabilityStatement = Schemas["Capability"];
/** GET /MessageDefinition answers a searchset Bundle of MessageDefinitions (the schema is named for its entries). */
export type MessageDefinitionBundle = Schemas["MessageDefinition"];
export type MessageDefinition = NonNullable<NonNullable<MessageDefinitionBundle["entry"]>[number]["resource"]>;
/** A FHIR message: a Bundle of type `message` whose first entry is the MessageHeader. */
export type MessageBundle = Schemas["MessageBundle"];
export type SlotBundle = Schemas["SearchBundleSlot"];
export type AppointmentBundle = Schemas["SearchBundleAppt"];
export type ServiceRequestBundle = Schemas["SearchBundleRef"];
/**
 * An NRL pointer. The generated schema leaves out `id` (always there: `<custodian ODS>-<local id>`), makes
 * `category` required and types `content[].format` as a list; FHIR R4 and NRL use one Coding there.
 */
export type DocumentReference = Omit<Schemas["DocumentReference"], "content" | "category"> & {
  id?: string;
  category?: Schemas["DocumentReference"]["category"];
  content: Array<{
    attachment: { contentType?: string; url: string; [element: string]: unknown };
    format?: { system?: string; code?: string; display?: string };
    [element: string]: unknown;
  }>;
};
export type DocumentReferenceBundle = Schemas["DocumentReferenceBundle"];
/** A pointer to send to NRL. */
export type PointerInput = FhirInput<DocumentReference>;
export type HealthcareService = Schemas["HealthcareService"];
export type HealthcareServiceBundle = Schemas["HealthcareServiceBundle"];
export type Endpoint = Schemas["Endpoint"];
export type EndpointBundle = Schemas["EndpointBundle"];
export type EndpointTemplate = Schemas["EndpointTemplate"];
export type EndpointTemplateBundle = Schemas["EndpointTemplateBundle"];
export type OperationOutcome = Schemas["OperationalOutcome"];

/** Any FHIR resource found in a Bundle entry (Slot bundles carry Schedules, Practitioners...). */
export interface FhirResource {
  resourceType: string;
  id?: string;
  [element: string]: unknown;
}
