import { createErsClient } from "@nhskit/e-rs";

export async function rawClient() {
  const ers = createErsClient({ environment: "sandbox", accessMode: "application-restricted" });

  // Every operation in the OpenAPI document, typed, for what the methods do not cover.
  const { data, response } = await ers.raw.GET("/STU3/ReferralRequest/{ubrn}/_history/{version}", {
    params: { path: { ubrn: "000000070002", version: "5" } },
  });
  console.log(data.status, response.headers.get("etag")); // active W/"5"
  return data;
}
