import type { AuthStrategy } from "@nhskit/core";
import { createDosClient, dosPathSerializer } from "@nhskit/dos";

export async function rawClient(auth: AuthStrategy) {
  const directory = createDosClient({ environment: "local", auth });

  // Every segment is yours to fill; dosPathSerializer keeps "=" and "," as the API expects.
  const { data } = await directory.raw.GET(
    "/byClinicalTerm/{caseId}/{postcode}/{searchDistance}/{gpPracticeId}/{age}/{gender}/{disposition}/{symptomGroupDiscriminatorCombos}/{numberPerType}",
    {
      params: {
        path: {
          caseId: "TEST",
          postcode: "LS1 4HR",
          searchDistance: 0,
          gpPracticeId: 0,
          age: 0,
          gender: "0",
          disposition: "0",
          symptomGroupDiscriminatorCombos: "1035=4052",
          numberPerType: 0,
        },
      },
      pathSerializer: dosPathSerializer,
    },
  );
  console.log(data.success.serviceCount);
  return data.success;
}
