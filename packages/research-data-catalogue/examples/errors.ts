import { createResearchDataCatalogueClient, NhsApiError, NhsValidationError } from "@nhskit/research-data-catalogue";

export async function handleErrors() {
  const catalogue = createResearchDataCatalogueClient({ environment: "sandbox", retry: false });
  const seen: string[] = [];

  try {
    await catalogue.getDataset("../datasets"); // refused before sending
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.path ?? "");
  }
  try {
    await catalogue.getDataset("CV19-12345"); // listed, but the sandbox serves no detail for it
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status} ${error.code}`); // 404 RESOURCE_NOT_FOUND
  }
  return seen;
}
