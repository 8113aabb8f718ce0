import { barsClient } from "./create-client.js";

export async function findSlots() {
  const bars = barsClient();

  const { slots, included, total } = await bars.searchSlots({
    status: "free",
    start: "2022-03-01T12:00:00+00:00",
    // The hosted sandbox only knows its own _include spellings; real receivers use Slot:schedule etc.
    include: ["Schedule:actor:HealthcareService"],
  });
  console.log(
    total,
    slots.map((s) => s.id),
  ); // 8 [ 'slot001', 'slot002', 'slot003' ]
  console.log(included.map((r) => r.resourceType)); // Schedule, HealthcareService, Practitioner, ...
  return slots;
}
