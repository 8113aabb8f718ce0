import { createErsClient } from "@nhskit/e-rs";

export async function adviceAndGuidance() {
  const ers = createErsClient({
    environment: "sandbox",
    businessFunction: "SERVICE_PROVIDER_CLINICIAN",
    endUserOrganisationOds: "RCD",
  });

  const { data: request, version } = await ers.getAdviceRequest("000000070001");
  console.log(request.id, version); // 000000070001 5

  // The conversation on one version of the request (version 6 of 000000070001 in the sandbox).
  const { data: conversation } = await ers.getAdviceConversation("000000070001", 6);
  console.log(conversation.entry?.length); // 2

  const pdf = await ers.generateAdviceAndGuidancePdf("000049146177");
  console.log(pdf.fileName); // 000049146177_Advice_And_Guidance_20220610143044.pdf
  return { conversation, pdf };
}
