import { createServiceSearchClient } from "@nhskit/service-search";

export async function searchByOdsCode() {
  const directory = createServiceSearchClient({ environment: "sandbox" });

  // api-version=3 is added to every call for you.
  const { organisations } = await directory.searchOrganisations({ search: "Y02494" });
  const practice = organisations[0];
  console.log(practice?.OrganisationName, practice?.Postcode); // Shakespeare Medical Practice LS9 7TA
  console.log(practice?.ParentOrganisation?.OrganisationName); // NHS Leeds CCG
  return organisations;
}
