import { barsClient } from "./create-client.js";

export async function sendMessage() {
  const bars = barsClient();

  // A message Bundle starts with its MessageHeader; the resources it points to follow.
  const { bundle, messageHeader } = await bars.sendMessage(
    {
      resourceType: "Bundle",
      type: "message",
      entry: [
        {
          fullUrl: "urn:uuid:2b6a7c0e-1111-4c6e-9a50-0d9f3e0c1a01",
          resource: {
            resourceType: "MessageHeader",
            eventCoding: { system: "https://fhir.nhs.uk/CodeSystem/message-events-bars", code: "booking-request" },
            focus: [{ reference: "urn:uuid:2b6a7c0e-2222-4c6e-9a50-0d9f3e0c1a02" }],
          },
        },
        {
          fullUrl: "urn:uuid:2b6a7c0e-2222-4c6e-9a50-0d9f3e0c1a02",
          resource: { resourceType: "Appointment", status: "booked" },
        },
      ],
    },
    { useContext: "a1t1|booking|booking-request|new" },
  );
  console.log(bundle.id, messageHeader?.resourceType); // 99173438-ebba-453a-998d-8f1ef006d76e MessageHeader
  return bundle;
}
