import { createOdsOrdClient } from "@nhskit/ods-ord";

export async function changedSince() {
  const ord = createOdsOrdClient({ environment: "prod" });

  // Every record changed on or after a date (the API serves about the last six months), without paging.
  const { odsCodes, links } = await ord.syncOrganisations("2025-06-01");
  console.log(odsCodes.length, links[0]); // 7 https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations/FZZ06
  return odsCodes;
}
