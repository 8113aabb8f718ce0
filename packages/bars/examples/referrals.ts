import { barsClient } from "./create-client.js";

export async function referrals() {
  const bars = barsClient();

  const { referrals } = await bars.searchReferrals({ nhsNumber: "9000000009" });
  const { referral } = await bars.getReferral("c3f6145e-1a26-4345-b3f2-dccbcba62049");

  const request = {
    resourceType: "ServiceRequest",
    meta: { profile: ["https://fhir.nhs.uk/StructureDefinition/BARSServiceRequest-request-referral"] },
    status: "active",
    intent: "plan",
  };
  const created = await bars.createReferral(request);
  await bars.updateReferral("c3f6145e-1a26-4345-b3f2-dccbcba62049", request);
  await bars.patchReferral("c3f6145e-1a26-4345-b3f2-dccbcba62049", { ...request, status: "revoked" });
  const { outcome } = await bars.deleteReferral("c3f6145e-1a26-4345-b3f2-dccbcba62049");
  console.log(referrals.length, referral.id, created.referral.status, outcome.issue?.[0]?.code); // 1 71d2b38e-... active informational
  return { referrals, referral, outcome };
}
