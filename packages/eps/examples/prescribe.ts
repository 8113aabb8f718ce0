import { createEpsPrescribingClient, type PrescriptionSigner } from "@nhskit/eps";
import { prescriptionOrder } from "./messages.js";

// Your signing step: a smartcard middleware or a remote signing service. nhskit never sees a private key.
// This stand-in returns a dummy value, which the hosted sandbox accepts (it does not verify signatures).
const signer: PrescriptionSigner = async ({ signedInfo, algorithm }) => {
  console.log(`signing ${signedInfo.length} characters of SignedInfo with ${algorithm}`);
  return { signatureValue: btoa("not a real signature"), certificate: btoa("not a real certificate") };
};

export async function prescribe() {
  const prescribing = createEpsPrescribingClient({ environment: "sandbox" });

  // $prepare → sign → add the Provenance → $process-message (prescription-order), in one call.
  const { acknowledgement, signedBundle } = await prescribing.prescribe(prescriptionOrder(), { sign: signer });
  console.log(acknowledgement.operationOutcome.issue?.[0]?.code); // informational
  return { acknowledgement, signedBundle };
}
