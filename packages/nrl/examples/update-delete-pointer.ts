import { buildPointer, createNrlProducerClient, NRL_POINTER_TYPES } from "@nhskit/nrl";

export async function updateAndDeletePointer() {
  const nrl = createNrlProducerClient({ environment: "sandbox", endUserOrganisationOds: "RJ11" });
  const { id } = await nrl.createPointer(
    buildPointer({
      nhsNumber: "9449304130",
      type: NRL_POINTER_TYPES.MENTAL_HEALTH_CRISIS_PLAN,
      custodian: "RJ11",
      url: "https://trust.example.nhs.uk/crisis-plans/contact",
      contentType: "text/html",
      format: "contact-details",
      practiceSetting: { code: "788002001", display: "Adult mental health service" },
    }),
  );

  // Send the whole pointer back with your changes; id, subject, type and custodian cannot change.
  const { pointer } = await nrl.readPointer(id);
  const updated = await nrl.updatePointer(id, { ...pointer, description: "Reviewed in clinic" });
  console.log(updated.outcome.issue[0]?.details?.coding?.[0]?.code); // RESOURCE_UPDATED

  const deleted = await nrl.deletePointer(id);
  console.log(deleted.outcome.issue[0]?.details?.coding?.[0]?.code); // RESOURCE_DELETED
  return deleted.outcome;
}
