import { createServiceSearchClient } from "@nhskit/service-search";

export async function searchWithBody() {
  const directory = createServiceSearchClient({ environment: "sandbox" });

  // The POST form takes the same options without the `$` (and `orderby` in lower case).
  const { organisations, count } = await directory.searchOrganisationsWithBody({
    search: "Bletchley",
    searchMode: "all",
    searchFields: ["Address3", "City", "County"],
    select: ["Latitude", "Longitude", "Address3", "City", "County", "Postcode"],
    top: 10,
    count: true,
  });
  console.log(count, organisations[0]?.Postcode); // 22 MK3 6EN
  return { organisations, count };
}
