import type { ApiEntry } from "../types.js";
import { LOCAL_SANDBOX_ORIGIN } from "../urls.js";

export const mesh = {
  id: "mesh",
  name: "Message Exchange for Social Care and Health (MESH) API",
  packageName: "@nhskit/mesh",
  docsUrl: "https://digital.nhs.uk/developer/api-catalogue/message-exchange-for-social-care-and-health-api",
  status: "live",
  statusNote: "Not on the API platform: no hosted sandbox; every environment needs a client TLS certificate.",
  auth: ["mesh"],
  hostedSandbox: false,
  specSource: "upstream",
  tags: ["messaging", "MESH", "interoperability", "data exchange"],
  documents: [
    {
      name: "default",
      clientFactory: "createMeshClient",
      title: "MESH API v2",
      specFile: "openapi.json",
      baseUrls: {
        local: `${LOCAL_SANDBOX_ORIGIN}/mesh-mailbox`,
        dep: "https://msg.depspineservices.nhs.uk",
        int: "https://msg.intspineservices.nhs.uk",
        prod: "https://mesh-sync.spineservices.nhs.uk",
      },
    },
  ],
} as const satisfies ApiEntry;
