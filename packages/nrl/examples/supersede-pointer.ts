import { buildPointer, createNrlProducerClient, NRL_POINTER_TYPES } from "@nhskit/nrl";

export async function supersedePointer() {
  const nrl = createNrlProducerClient({ environment: "sandbox", endUserOrganisationOds: "Y05868" });
  const plan = (url: string) =>
    buildPointer({
      nhsNumber: "9449305552",
      type: NRL_POINTER_TYPES.EMERGENCY_HEALTH_CARE_PLAN,
      custodian: "Y05868",
      url,
      contentType: "application/pdf",
      asid: "200000001234",
      practiceSetting: { code: "394802001", display: "General medicine" },
    });

  const first = await nrl.createPointer(plan("ssp://records.example.nhs.uk/plans/v1.pdf"));
  // A new version replaces the old pointer: NRL deletes it and keeps the new one.
  const second = await nrl.supersedePointers(plan("ssp://records.example.nhs.uk/plans/v2.pdf"), first.id);
  console.log(second.kind, second.id); // superseded Y05868-<uuid>
  return { replaced: first.id, current: second.id };
}
