import { barsClient } from "./create-client.js";

export async function pointers() {
  // NRL decides what an organisation may see by its ODS code (RJ11 may see mental health crisis plans).
  const bars = barsClient({ endUserOrganisation: { odsCode: "RJ11", name: "Mental health trust" } });

  const found = await bars.searchPointers({ nhsNumber: "9278693472" });
  console.log(found.pointers.map((p) => p.id)); // [ 'RJ11-DEMO_1002' ]

  const { pointerId } = await bars.createPointer({
    resourceType: "DocumentReference",
    status: "current",
    identifier: [{ system: "https://fhir.nhs.uk/Id/BaRS-Identifier", value: "BOOKING-42" }],
    type: { coding: [{ system: "http://snomed.info/sct", code: "736253002" }] },
    subject: { identifier: { system: "https://fhir.nhs.uk/Id/nhs-number", value: "9278693472" } },
    custodian: { identifier: { system: "https://fhir.nhs.uk/Id/ods-organization-code", value: "RJ11" } },
    content: [
      {
        attachment: { contentType: "application/fhir+json", url: "https://example.org/fhir/Appointment/42" },
        format: {
          system: "https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode",
          code: "urn:nhs-ic:structured",
        },
      },
    ],
  });
  if (!pointerId) throw new Error("NRL gave no pointer id");

  const { pointer } = await bars.readPointer(pointerId);
  await bars.updatePointer(pointerId, { ...pointer, id: pointerId, status: "current" });
  await bars.deletePointer(pointerId);
  return { found, pointerId };
}
