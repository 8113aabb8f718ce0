import { createSdsClient } from "@nhskit/sds";

export async function findEndpoints() {
  const sds = createSdsClient({ environment: "sandbox" });

  // Where does a GP Connect structured-record request for practice B82617 go?
  const { summaries } = await sds.findEndpoints({
    odsCode: "B82617",
    interactionId: "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1",
  });
  const [endpoint] = summaries;
  console.log(endpoint?.address, endpoint?.partyKey); // https://orange.testlab.nhs.uk/B82617/STU3/1/gpconnect/ B82617-0000806

  // Spine messaging: reliability settings come with the address.
  const spine = await sds.findEndpoints({
    interactionId: "urn:nhs:names:services:psis:REPC_IN150016UK05",
    partyKey: "YES-0000806",
  });
  console.log(spine.summaries[0]?.reliability); // { syncReplyMode: "MSHSignalsOnly", retries: 2, ... }
  return { endpoint, reliability: spine.summaries[0]?.reliability };
}
