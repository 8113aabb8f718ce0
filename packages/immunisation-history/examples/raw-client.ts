import { createImmunisationHistoryClient } from "@nhskit/immunisation-history";

export async function rawClient() {
  const history = createImmunisationHistoryClient({ environment: "sandbox" });

  // The operation as the OpenAPI document types it: you build the query yourself.
  const { data, response } = await history.raw.GET("/Immunization", {
    params: {
      query: {
        "patient.identifier": "https://fhir.nhs.uk/Id/nhs-number|9000000009",
        "immunization.target": "FLU",
        _include: "Immunization:patient",
      },
    },
  });
  console.log(data.total, response.headers.get("version")); // 1 1.0
  return data;
}
