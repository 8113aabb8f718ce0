import { createWebsiteContentClient } from "@nhskit/website-content";

export async function hubs() {
  const content = createWebsiteContentClient({ environment: "sandbox" });

  const { page: hub } = await content.getLiveWell();
  console.log(hub.hasPart?.map((part) => part.url)); // the pages below Live well

  // The pages below a hub are not in the spec; getPage reads any of them by path.
  const { page } = await content.getPage("live-well/exercise");
  console.log(page.name); // Exercise
  return page;
}
