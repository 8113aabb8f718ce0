import { createNrlConsumerClient } from "@nhskit/nrl";

export async function readPointer() {
  const nrl = createNrlConsumerClient({ environment: "sandbox", endUserOrganisationOds: "RJ11" });

  const { pointer } = await nrl.readPointer("RJ11-DEMO_1001");
  const [content] = pointer.content;
  console.log(pointer.custodian.identifier.value, content?.attachment.contentType, content?.attachment.url);
  return pointer;
}
