import { API_VERSION, createServiceSearchClient } from "@nhskit/service-search";

export async function rawClient() {
  const directory = createServiceSearchClient({ environment: "sandbox" });

  // The typed OpenAPI client, for anything the helpers do not cover. Here api-version is yours to send.
  const { data } = await directory.raw.GET("/", {
    params: { query: { "api-version": API_VERSION, search: "no-organisation" } },
  });
  console.log(data.value?.length); // 0
  return data;
}
