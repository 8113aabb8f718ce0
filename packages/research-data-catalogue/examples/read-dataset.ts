import { createResearchDataCatalogueClient } from "@nhskit/research-data-catalogue";

export async function readDataset() {
  const catalogue = createResearchDataCatalogueClient({ environment: "sandbox" });

  const { dataset } = await catalogue.getDataset("dd5f0174-575f-4f4c-a4fc-b406aab953d9");
  console.log(dataset.summary.title, dataset.version); // Civil Registration - Deaths 1.0.1
  console.log(dataset.summary.publisher.name); // NHS DIGITAL
  console.log(dataset.provenance?.temporal.startDate, dataset.accessibility.access.dataController);
  return dataset;
}
