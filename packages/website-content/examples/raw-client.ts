import { createWebsiteContentClient } from "@nhskit/website-content";

export async function rawClient() {
  const content = createWebsiteContentClient({ environment: "sandbox" });

  // The typed OpenAPI client: the `{slug}` templates stand for the spec's /conditions/* and /medicines/*.
  const { data } = await content.raw.GET("/medicines/{slug}", { params: { path: { slug: "acrivastine" } } });
  console.log(data.name); // Acrivastine
  return data;
}
