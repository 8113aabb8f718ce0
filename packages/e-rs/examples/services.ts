import { createErsClient } from "@nhskit/e-rs";

export async function services() {
  const ers = createErsClient({
    environment: "sandbox",
    businessFunction: "REFERRING_CLINICIAN",
    endUserOrganisationOds: "R69",
  });

  const { data: specialties } = await ers.getCodeSystem("SPECIALTY");
  console.log(specialties.concept?.[0]?.code); // CARDIOLOGY

  const { data: found } = await ers.searchHealthcareServices(["1", "2"]);
  console.log(found.entry?.map((entry) => entry.resource.id)); // [ '1', '2' ]

  // HEAD: only the version, to see whether a cached copy is still current.
  const { version } = await ers.getHealthcareServiceVersion("2");
  const { data: service } = await ers.getHealthcareService("2");
  console.log(service.name, version); // nhskit General Cardiology (full record) 1

  const { data: requests } = await ers.searchServiceRequests("000000070002");
  console.log(requests.entry?.length); // 2: a referral and an advice request share this UBRN
  return { specialties, found, version, requests };
}
