import type { AuthStrategy } from "@nhskit/core";
import { createDosClient } from "@nhskit/dos";

export async function lookups(auth: AuthStrategy) {
  const directory = createDosClient({ environment: "local", auth });

  // An ODS code usually names one service, but duplicated records share codes.
  const byCode = await directory.getServicesByOdsCode("RX801");
  console.log(byCode.services.map((s) => s.name));

  const byId = await directory.getServiceById(2000003);
  console.log(byId.services[0]?.name); // Headingley Pharmacy
  return { byCode, byId };
}
