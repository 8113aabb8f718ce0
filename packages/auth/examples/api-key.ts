import { apiKey } from "@nhskit/auth";
import { websiteContent } from "@nhskit/catalogue";
import { createApiClient } from "@nhskit/core";

/** Reads a condition page from the NHS website content API with your app's API key. */
export async function readConditionPage(slug: string, key: string, baseUrl?: string) {
  const content = createApiClient({ api: websiteContent, environment: "int", baseUrl, auth: apiKey({ key }) });
  const { data } = await content.getUrl(`conditions/${slug}`);
  return data;
}
