import { createErsClient } from "@nhskit/e-rs";

export async function onBehalfOf() {
  const ers = createErsClient({ environment: "sandbox", endUserOrganisationOds: "RCD" });

  // Which roles does the signed-in user hold? (No e-RS headers are sent for this one.)
  const { data: roles } = await ers.getBusinessFunctions();
  console.log(roles.entry?.length); // 2

  // An admin lists the clinicians they may act for, then acts for one of them.
  const admin = { businessFunction: "SERVICE_PROVIDER_CLINICIAN_ADMIN" } as const;
  const { data: clinicians } = await ers.getOnBehalfOfUsers(admin);
  const clinician = clinicians.entry?.[0]?.resource?.id;
  console.log(clinician); // 921600556514

  const { version } = await ers.getReferral("000000070000", { ...admin, onBehalfOfUserId: clinician });
  console.log(version); // 5
  return { clinician, version };
}
