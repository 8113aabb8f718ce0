import { buildPointer, createNrlProducerClient, NRL_POINTER_TYPES } from "@nhskit/nrl";

export async function createPointer() {
  const nrl = createNrlProducerClient({ environment: "sandbox", endUserOrganisationOds: "Y05868" });

  const pointer = buildPointer({
    nhsNumber: "9449305552",
    type: NRL_POINTER_TYPES.EMERGENCY_HEALTH_CARE_PLAN, // the category (care plan) is filled in
    custodian: "Y05868",
    url: "ssp://records.example.nhs.uk/plans/ehcp-0001.pdf",
    contentType: "application/pdf",
    retrieval: "SSP",
    asid: "200000001234", // your system's ASID: needed for ssp:// URLs
    practiceSetting: { code: "394802001", display: "General medicine" },
  });
  const { id, kind } = await nrl.createPointer(pointer);
  console.log(kind, id); // created Y05868-<uuid>
  return id;
}
