import { createPdsClient } from "@nhskit/pds";

export async function relatedPeople() {
  const pds = createPdsClient({ environment: "sandbox" });

  const { relatedPeople } = await pds.getRelatedPeople("9000000009");
  for (const person of relatedPeople) console.log(person.id); // 507B7621, B3380E98
  return relatedPeople;
}
