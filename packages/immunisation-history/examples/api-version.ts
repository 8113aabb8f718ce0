import { createImmunisationHistoryClient } from "@nhskit/immunisation-history";

export async function apiVersion() {
  // Sent as `Accept: application/fhir+json; version=2.0`; a call can override it with { apiVersion }.
  const history = createImmunisationHistoryClient({ environment: "sandbox", apiVersion: "2.0" });

  const hpv = await history.searchImmunisations({ nhsNumber: "9000000009", target: "HPV" });
  console.log(hpv.apiVersion, hpv.total); // 2.0 3
  const flu = await history.searchImmunisations({ nhsNumber: "9000000009", target: "FLU" }, { apiVersion: "1.0" });
  console.log(flu.apiVersion, flu.total); // 1.0 1
  return { hpv, flu };
}
