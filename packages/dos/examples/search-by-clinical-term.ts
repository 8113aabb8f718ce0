import type { AuthStrategy } from "@nhskit/core";
import { createDosClient } from "@nhskit/dos";

// `auth` is basicAuth({ username, password }) from @nhskit/auth with your DoS account.
export async function searchByClinicalTerm(auth: AuthStrategy) {
  const directory = createDosClient({ environment: "local", auth });

  // Everything left out is sent as 0 (the API's "not given"); outside live the case id is TEST.
  const { services, serviceCount } = await directory.searchByClinicalTerm({
    postcode: "LS1 4HR",
    symptomGroupId: 1011,
    symptomDiscriminatorId: 4003,
    ageGroup: 1, // adult
    gender: "F",
    searchDistance: 10, // miles, at most 100
  });
  console.log(serviceCount);
  for (const service of services) console.log(service.id, service.name); // nearest first
  return services;
}
