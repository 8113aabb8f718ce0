import { createOdsFhirClient, type OrganizationBundle } from "@nhskit/ods-fhir";

export async function rawClient() {
  const ods = createOdsFhirClient({ environment: "sandbox" });

  // Every operation in the OpenAPI document. Its bodies are untyped upstream: cast to this package's types.
  const { data } = await ods.raw.GET("/Organization", { params: { query: { "name:contains": "SURGERY" } } });
  const bundle = data as OrganizationBundle;
  console.log(bundle.entry?.map((e) => e.resource?.id)); // [ "G81086" ]
  return bundle;
}
