import { barsClient } from "./create-client.js";

export async function capabilities() {
  const bars = barsClient();

  // What the receiver supports, then what it needs in a message for a service and use case.
  const { capabilityStatement } = await bars.getCapabilityStatement();
  console.log(capabilityStatement.messaging?.[0]?.supportedMessage?.length); // 18
  const { messageDefinitions } = await bars.getMessageDefinitions({
    context: [
      "https://fhir.nhs.uk/Id/dos-service-id|2000099999",
      "https://fhir.nhs.uk/CodeSystem/usecases-categories-bars|a1t1",
    ],
  });
  console.log(messageDefinitions[0]?.url); // https://fhir.nhs.uk/MessageDefinition/bars-message-servicerequest-request
  return { capabilityStatement, messageDefinitions };
}
