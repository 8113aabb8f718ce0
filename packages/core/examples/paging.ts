import { pds } from "@nhskit/catalogue";
import { createApiClient, paginate } from "@nhskit/core";

interface Bundle {
  resourceType: "Bundle";
  link?: Array<{ relation: string; url: string }>;
  entry?: Array<{ resource: { resourceType: string; id: string } }>;
}
interface paths {
  "/Patient": {
    get: {
      parameters: { query: { family: string; birthdate: string[] } };
      responses: { 200: { content: { "application/fhir+json": Bundle } } };
    };
  };
}

export async function everyEntry() {
  const client = createApiClient<paths>({ api: pds, environment: "sandbox" });
  const ids: string[] = [];
  // Follows link[relation=next] through the same client (auth, retries, errors), on the API's own origin only.
  const search = () => client.GET("/Patient", { params: { query: { family: "Smith", birthdate: ["eq2010-10-22"] } } });
  for await (const entry of paginate(client, search)) ids.push(entry.resource.id);
  return ids;
}
