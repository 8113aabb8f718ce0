import { createEpsDispensingClient } from "@nhskit/eps";

export async function capabilityStatement() {
  const dispensing = createEpsDispensingClient({ environment: "sandbox" });

  const { capabilityStatement } = await dispensing.getCapabilityStatement();
  console.log(capabilityStatement.name, capabilityStatement.fhirVersion); // FHIR Dispensing API 4.0.1
  return capabilityStatement;
}
