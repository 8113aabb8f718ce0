import { createSdsClient, interactionIdToken, odsCodeToken, partyKeyToken } from "@nhskit/sds";

export async function rawClient() {
  const sds = createSdsClient({ environment: "sandbox" });

  // The typed OpenAPI operations, with `system|value` tokens built by the helpers.
  const { data } = await sds.raw.GET("/Endpoint", {
    params: {
      query: {
        organization: odsCodeToken("X26"),
        identifier: [interactionIdToken("urn:nhs:names:services:ebs:PRSC_IN080000UK03"), partyKeyToken("X26-200150")],
      },
    },
  });
  console.log(data.total, data.entry?.[0]?.resource?.address); // 1 https://msg.int.spine2.ncrs.nhs.uk/...
  return data;
}
