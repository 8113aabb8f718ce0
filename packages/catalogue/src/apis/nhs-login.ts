import type { ApiEntry } from "../types.js";
import { platformUrls } from "../urls.js";

export const nhsLogin = {
  id: "nhs-login",
  name: "NHS login and the API platform identity service (OAuth 2.0)",
  packageName: "@nhskit/nhs-login",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/nhs-login",
  status: "live",
  statusNote:
    "The published identity-service specification is a stub covering /authorize and /token only; the client also follows the platform's documented token rules.",
  auth: ["signed-jwt", "cis2", "nhs-login"],
  hostedSandbox: true,
  specSource: "upstream",
  tags: ["authentication", "identity", "OAuth 2.0", "OpenID Connect", "patients"],
  documents: [
    {
      name: "default",
      clientFactory: "createIdentityServiceClient",
      title: "API platform identity service (/oauth2)",
      specFile: "openapi.json",
      baseUrls: platformUrls("/oauth2"),
    },
  ],
} as const satisfies ApiEntry;
