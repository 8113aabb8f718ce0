import { type BarsClientOptions, createBarsClient, dosService } from "@nhskit/bars";

export function barsClient(overrides: Partial<BarsClientOptions> = {}) {
  return createBarsClient({
    environment: "sandbox",
    // Who is calling: your user's organisation and your product. Sent base64-encoded on every call.
    endUserOrganisation: { odsCode: "A1001", name: "Riverside Surgery" },
    requestingSoftware: {
      name: "Referral Desk",
      version: "3.2.1",
      identifier: { system: "https://example.org/Id/device-identifier", value: "REFERRAL-DESK" },
    },
    // Who receives calls: a Directory of Services id (the sandbox accepts any starting 2000).
    target: dosService("2000011147"),
    // The workflow writes belong to, sent as use-context.
    useContext: "a4t2|validation|servicerequest-response|new",
    ...overrides,
  });
}
