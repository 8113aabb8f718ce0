import { createErsClient, referralWorklistParameters } from "@nhskit/e-rs";

export async function worklist() {
  const ers = createErsClient({
    environment: "sandbox",
    businessFunction: "SERVICE_PROVIDER_CLINICIAN",
    endUserOrganisationOds: "RCD",
  });

  const { data: list } = await ers.fetchReferralWorklist(referralWorklistParameters("REFERRALS_FOR_REVIEW"));
  const ubrns = (list.entry ?? []).map((entry) => entry.item.reference?.split("/")[1]);
  console.log(ubrns); // [ '000000070000', '000000070001' ]

  // What may this user do with version 6 of a referral?
  const { data: actions } = await ers.getAvailableActions("000000070001", 6);
  console.log(actions.entry?.length); // 1

  const accepted = await ers.acceptReferral("000000070000", { version: 8 });
  console.log(accepted.version); // 9
  return { ubrns, accepted };
}
