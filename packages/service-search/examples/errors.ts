import { createServiceSearchClient, NhsApiError, NhsValidationError } from "@nhskit/service-search";

export async function handleErrors() {
  const directory = createServiceSearchClient({ environment: "sandbox", retry: false });
  const seen: string[] = [];

  try {
    await directory.searchOrganisations({ $top: 5000 }); // refused before sending
  } catch (error) {
    if (error instanceof NhsValidationError) seen.push(error.issues[0]?.message ?? "");
  }

  // The sandbox has no POST /search (the path the upstream integration tests use).
  const onSearchPath = createServiceSearchClient({ environment: "sandbox", postPath: "/search", retry: false });
  try {
    await onSearchPath.searchOrganisationsWithBody({ search: "Y02494" });
  } catch (error) {
    if (error instanceof NhsApiError) seen.push(`${error.status}`); // 404
  }
  return seen;
}
