import { openAccess } from "@nhskit/auth";
import { odsOrd } from "@nhskit/catalogue";
import { createApiClient } from "@nhskit/core";

/** Looks an organisation up in the ODS ORD API, which needs no credentials at all. */
export async function lookUpOrganisation(odsCode: string, baseUrl?: string) {
  const ord = createApiClient({ api: odsOrd, environment: "prod", baseUrl, auth: openAccess() });
  const { data } = await ord.getUrl(`organisations/${odsCode}`);
  return data;
}
