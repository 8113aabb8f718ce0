import { createScrClient } from "@nhskit/scr";

export async function rawClient() {
  const scr = createScrClient({ environment: "sandbox" });

  // Every operation in the OpenAPI document, typed, for what the named methods do not cover.
  const { data, response } = await scr.raw.GET("/DocumentReference", {
    params: { query: { patient: "https://fhir.nhs.uk/Id/nhs-number|9000000009" } },
  });
  console.log(data.total, response.headers.get("content-type")); // 1 application/fhir+json
  return data;
}
