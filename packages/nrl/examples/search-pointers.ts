import { createNrlConsumerClient, NRL_POINTER_TYPES } from "@nhskit/nrl";

export async function searchPointers() {
  const nrl = createNrlConsumerClient({ environment: "sandbox", endUserOrganisationOds: "Y05868" });

  // Only the pointer types Y05868 may see come back.
  const { pointers, total } = await nrl.searchPointers({ nhsNumber: "9278693472" });
  for (const pointer of pointers) {
    console.log(pointer.id, pointer.type.coding[0]?.display, pointer.content[0]?.attachment.url);
  }

  // Just the number, for one type.
  const plans = await nrl.countPointers({
    nhsNumber: "9278693472",
    type: NRL_POINTER_TYPES.EMERGENCY_HEALTH_CARE_PLAN,
  });
  console.log(total, plans.total); // 4 1
  return { total, plans: plans.total };
}
