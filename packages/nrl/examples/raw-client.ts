import { createNrlConsumerClient } from "@nhskit/nrl";

export async function rawClient() {
  const nrl = createNrlConsumerClient({ environment: "sandbox", endUserOrganisationOds: "RJ11" });

  // Every operation in the consumer OpenAPI document, typed; the ODS header is a typed parameter.
  const { data, response } = await nrl.raw.GET("/DocumentReference", {
    params: {
      query: { "subject:identifier": "https://fhir.nhs.uk/Id/nhs-number|9448646348" },
      header: { "NHSD-End-User-Organisation-ODS": "RJ11" },
    },
  });
  console.log(data.total, response.headers.get("x-request-id")); // 2 <the request id>
  return data;
}
