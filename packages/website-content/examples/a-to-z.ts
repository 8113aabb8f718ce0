import { createWebsiteContentClient } from "@nhskit/website-content";

export async function aToZ() {
  const content = createWebsiteContentClient({ environment: "sandbox" });

  // One letter of the conditions A to Z...
  const letterA = await content.listConditions({ category: "a" });
  console.log(letterA.links.map((link) => link.name)); // [ 'Abdominal aortic aneurysm', ... ]

  // ...or the whole listing page by page (paging numbers come from the listing's links).
  const first = await content.listMedicines();
  console.log(first.paging); // { first: 1, previous: undefined, next: 2, last: 11 }
  const last = await content.listMedicines({ page: first.paging.last });
  return { letterA, last };
}
