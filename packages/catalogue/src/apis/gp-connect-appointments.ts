import type { ApiEntry } from "../types.js";
import { LOCAL_SANDBOX_ORIGIN, platformUrls } from "../urls.js";

export const gpConnectAppointments = {
  id: "gp-connect-appointments",
  name: "GP Connect Appointment Management FHIR API",
  packageName: "@nhskit/gp-connect-appointments",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/gp-connect-appointment-management-fhir",
  status: "in-development",
  statusNote:
    "The patient-facing API is marked in development with no hosted sandbox yet; the provider API is reached through the Spine Secure Proxy at a base URL found in SDS.",
  auth: ["nhs-login", "spine-secure-proxy"],
  fhirVersion: "STU3",
  hostedSandbox: false,
  specSource: "upstream",
  tags: ["GP", "appointments", "FHIR", "primary care"],
  documents: [
    {
      name: "patient-facing",
      clientFactory: "createGpConnectPatientFacingClient",
      title: "GP Connect Appointment Management (patient facing)",
      specFile: "openapi.json",
      baseUrls: platformUrls("/gp-connect/patient-facing/appointments-management-fhir/FHIR/STU3"),
    },
    {
      name: "provider",
      clientFactory: "createGpConnectProviderClient",
      title: "GP Connect Appointment Management (provider, via Spine Secure Proxy)",
      specFile: "openapi.provider.json",
      // The provider's FHIR base is per practice (found through SDS), so only the local sandbox has a fixed URL.
      baseUrls: { local: `${LOCAL_SANDBOX_ORIGIN}/gp-connect/provider/FHIR/STU3` },
    },
  ],
} as const satisfies ApiEntry;
