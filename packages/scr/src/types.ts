import type { ScrAlertReason, ScrAlertType } from "./codes.js";
import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

/** What `GET /DocumentReference` answers: the latest SCR's DocumentReference and the patient. */
export type ScrIdBundle = Schemas["DocumentReferenceBundle"];
export type ScrDocumentReferenceEntry = Schemas["DocumentReference"];
/** A patient's Summary Care Record as a FHIR Bundle (`GET /Bundle`). */
export type ScrBundle = Schemas["GetScrBundle"];
export type ScrBundleEntry = ScrBundle["entry"][number];
/** The Composition at the head of an SCR. */
export type ScrComposition = NonNullable<Schemas["CompositionEntryGet"]["resource"]>;
/** A GP summary to upload (`POST /Bundle`). */
export type ScrUploadBundle = Schemas["UploadBundle"];
/** The FHIR Parameters `POST /$setPermission` takes. */
export type ScrPermissionParameters = Schemas["Parameters"];
/** SCR error bodies: an OperationOutcome whose issues carry `details.text`. */
export type OperationOutcome = Schemas["OperationOutcome"];
export type AuditEventAgent = Schemas["agentElement"];

/**
 * A privacy alert (`POST /AuditEvent`). The generated type gives `type.code` and `subtype[].code` as numbers;
 * the API's own examples send strings ("1"), so this type uses the string codes.
 */
export type ScrAuditEvent = Omit<Schemas["AuditEvent"], "type" | "subtype"> & {
  type: { system: string; code: ScrAlertType; display: string };
  subtype: Array<{ system: string; code: ScrAlertReason; display: string }>;
};
