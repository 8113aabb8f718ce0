import type { AuthStrategy } from "@nhskit/core";
import { createDosClient } from "@nhskit/dos";

export async function searchByServiceType(auth: AuthStrategy) {
  const directory = createDosClient({ environment: "local", auth });

  // Up to two services of each type near the postcode; the patient's GP-listed service comes first.
  const { services } = await directory.searchByServiceType({
    postcode: "LS9 7TA",
    serviceTypeIds: [40, 13],
    numberPerType: 2,
    gpPracticeId: 2000001,
  });
  // Only id, name and endpoints are confirmed keys; anything else is `unknown` until checked.
  return services.map((s) => ({ id: s.id, name: s.name, distance: s.distance }));
}
