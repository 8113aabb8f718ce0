import { cancelReferralParameters, createErsClient } from "@nhskit/e-rs";

export async function referrals() {
  // A referring clinician at organisation R69, signed in with NHS CIS2 (the hosted sandbox needs no token).
  const ers = createErsClient({
    environment: "sandbox",
    businessFunction: "REFERRING_CLINICIAN",
    endUserOrganisationOds: "R69",
  });

  const { data: referral, version } = await ers.getReferral("000000070000");
  console.log(referral.id, version); // 000000070000 5

  // Writes quote the version they change; it is sent as If-Match: W/"5".
  const reason = {
    system: "https://fhir.nhs.uk/STU3/CodeSystem/REFERRAL-CANCELLATION-REASON",
    code: "RAISED_IN_ERROR",
  };
  const { data: outcome } = await ers.cancelReferral("000000070000", cancelReferralParameters(reason), {
    version: version ?? 0,
  });
  console.log(outcome.parameter[0]?.name); // updatedReferralRequest
  return { version, outcome };
}
