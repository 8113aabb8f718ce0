import { createSdsClient } from "@nhskit/sds";

export async function findDevices() {
  const sds = createSdsClient({ environment: "sandbox" });

  // Which accredited system (ASID) does organisation YES use for this interaction?
  const { summaries, correlationId } = await sds.findDevices(
    { odsCode: "YES", interactionId: "urn:nhs:names:services:psis:REPC_IN150016UK05" },
    { correlationId: crypto.randomUUID() }, // optional; SDS echoes it (or mints one) in X-Correlation-Id
  );
  for (const device of summaries) {
    console.log(device.asid, device.partyKey, device.manufacturerOdsCode); // 928942012545 YES-0000806 X09001
  }
  return { summaries, correlationId };
}
