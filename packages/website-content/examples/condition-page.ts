import { attribution, createWebsiteContentClient } from "@nhskit/website-content";

export async function conditionPage() {
  const content = createWebsiteContentClient({ environment: "sandbox" });

  // modules: true returns only the labelled sections (overview, symptoms, treatments...).
  const { page, refreshBy } = await content.getCondition("acne", { modules: true });
  for (const section of page.hasPart ?? []) console.log(section.hasHealthAspect, section.headline);

  // Show the NHS attribution with the content, linked to the original page, and fetch again by refreshBy.
  const credit = attribution(page);
  console.log(credit.href); // https://www.nhs.uk/conditions/acne/
  return { page, credit, refreshBy };
}
