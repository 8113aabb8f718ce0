import { createGpConnectProviderClient } from "@nhskit/gp-connect-appointments";

export function providerClient() {
  return createGpConnectProviderClient({
    // nhskit's local sandbox; in real use pass baseUrl (the practice's endpoint from SDS) and sspUrl.
    environment: "local",
    fromAsid: "200000000359", // your system's ASID (Ssp-From)
    toAsid: "918999198738", // the practice system's ASID from SDS (Ssp-To)
    audit: {
      issuer: "https://consumer.example.nhs.uk",
      practitioner: {
        id: "user-42",
        sdsUserId: "111111111111",
        sdsRoleProfileId: "22222222222222",
        name: { family: "Patel", given: ["Asha"], prefix: ["Dr"] },
      },
      organization: { odsCode: "A11111", name: "Example Urgent Care" },
      device: {
        identifier: { system: "https://consumer.example.nhs.uk/Id/instance", value: "booking-1" },
        model: "Example Booking",
        version: "2.3.0",
      },
    },
  });
}
