import { createResearchDataCatalogueClient } from "@nhskit/research-data-catalogue";

export async function listDatasets() {
  const catalogue = createResearchDataCatalogueClient({ environment: "sandbox" });

  const { datasets, total } = await catalogue.listDatasets();
  console.log(total); // 2 (the service sends "2"; the client reads it as a number)
  for (const d of datasets) console.log(d.persistentId, d.name, d.version);
  return datasets;
}
