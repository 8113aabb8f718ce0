import { createEpsPrescribingClient } from "@nhskit/eps";
import { prescriptionOrder } from "./messages.js";

export async function prepareForSigning() {
  const prescribing = createEpsPrescribingClient({ environment: "sandbox" });

  // $prepare turns the unsigned prescription into the XML-DSig SignedInfo the prescriber signs.
  const { digest, algorithm, timestamp } = await prescribing.prepare(prescriptionOrder());
  console.log(algorithm, timestamp, `${digest.slice(0, 16)}…`); // RS256 2026-… PFNpZ25lZEluZm8…
  return { digest, algorithm, timestamp };
}
