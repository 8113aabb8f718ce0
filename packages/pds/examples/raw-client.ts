import { createPdsClient } from "@nhskit/pds";

export async function rawClient() {
  const pds = createPdsClient({ environment: "sandbox" });

  // Every operation in the OpenAPI document, typed, for what the helpers do not cover.
  const { data, response } = await pds.raw.GET("/Patient/{id}", { params: { path: { id: "9000000025" } } });
  console.log(data.meta?.security?.[0]?.code, response.headers.get("etag")); // R W/"2"
  return data;
}
