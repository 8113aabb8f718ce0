import { createErsClient } from "@nhskit/e-rs";

export async function applicationRestricted() {
  // Unattended access (a signed JWT in integration and production): only the operations e-RS offers this way,
  // and the business function and ODS headers are optional.
  const ers = createErsClient({ environment: "sandbox", accessMode: "application-restricted" });

  const { data: referral, version } = await ers.getReferral("000000070003");
  const pdf = await ers.generateClinicalInformationPdf("000000070003");
  console.log(referral.id, version, pdf.fileName); // 000000070003 5 000000070000_Clinical_Information_Summary_20210706114852.pdf
  return { version, pdf };
}
