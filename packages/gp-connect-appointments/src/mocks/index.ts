import type { RequestHandler } from "msw";
import { PATIENT_FACING_BASE_PATH, patientFacingHandlers } from "./patient-facing.js";
import { PROVIDER_BASE_PATH, type ProviderMockOptions, providerHandlers } from "./provider.js";

export type GpConnectDocument = "patient-facing" | "provider";

export interface GpConnectAppointmentsMockOptions extends ProviderMockOptions {
  /** Which document(s) to serve. Default: both. */
  document?: GpConnectDocument | readonly GpConnectDocument[];
}

/**
 * msw handlers for GP Connect Appointment Management, on any origin:
 * - `patient-facing` under `/gp-connect/patient-facing/appointments-management-fhir/FHIR/STU3`, answering like its
 *   hosted sandbox (a Prism mock of the specification);
 * - `provider` under `/gp-connect/provider/FHIR/STU3` (or `basePath`), nhskit's model of a practice behind the
 *   Spine Secure Proxy: it checks the Ssp-* headers and the audit JWT, and keeps state only when `stateful`.
 */
export function gpConnectAppointmentsHandlers(options: GpConnectAppointmentsMockOptions = {}): RequestHandler[] {
  const documents: readonly GpConnectDocument[] =
    options.document === undefined
      ? ["patient-facing", "provider"]
      : typeof options.document === "string"
        ? [options.document]
        : options.document;
  for (const document of documents) {
    if (document !== "patient-facing" && document !== "provider") {
      throw new Error(`GP Connect has no document "${String(document)}"; use "patient-facing" or "provider".`);
    }
  }
  return [
    ...(documents.includes("patient-facing") ? patientFacingHandlers() : []),
    ...(documents.includes("provider") ? providerHandlers(options) : []),
  ];
}

export { PRACTICE_ODS, REGISTERED_NHS_NUMBER } from "./provider-fixtures.js";
export { PATIENT_FACING_BASE_PATH, PROVIDER_BASE_PATH, type ProviderMockOptions };
