import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const bars = {
  id: "bars",
  name: "Booking and Referral (BaRS) FHIR API",
  packageName: "@nhskit/bars",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/booking-and-referral-fhir",
  status: "live",
  statusNote: "Types follow BaRS Core 1.4.0; the version is chosen per call with the Accept header.",
  auth: ["signed-jwt"],
  fhirVersion: "R4",
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["referrals", "bookings", "FHIR", "urgent care"],
  documents: [
    {
      name: "default",
      clientFactory: "createBarsClient",
      title: "BaRS FHIR API (BaRS Core 1.4.0)",
      specFile: "openapi.json",
      baseUrls: platformUrls("/booking-and-referral/FHIR/R4"),
    },
  ],
} as const satisfies ApiEntry;
