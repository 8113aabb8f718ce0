import { createWebsiteContentClient } from "@nhskit/website-content";

export async function manifest() {
  const content = createWebsiteContentClient({ environment: "sandbox" });

  // Every page on the site with its dates: use it to find pages that changed since your last refresh.
  const modularised: string[] = [];
  for await (const entry of content.manifest({ maxPages: 2 })) {
    if (entry.modules) modularised.push(entry.name);
  }
  console.log(modularised); // [ 'Acanthosis nigricans', 'Acne', 'Acrivastine' ]
  return modularised;
}
