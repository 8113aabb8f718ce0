import { providerClient } from "./provider-client.js";

export async function providerFoundations() {
  const gpc = providerClient();

  const { capabilityStatement } = await gpc.getCapabilityStatement();
  const { patient } = await gpc.findPatient("9690937286");
  if (!patient?.id) throw new Error("not registered at this practice: use registerPatient first");
  const { practitioners } = await gpc.findPractitioner("G13579135");
  const { organizations } = await gpc.findOrganization("GPC001");
  const { location } = await gpc.readLocation("1");

  console.log(capabilityStatement.fhirVersion, patient.id, practitioners[0]?.id, organizations[0]?.id, location.name);
  // 3.0.1 2 1 2 nhskit Provider Practice, main site
  return { capabilityStatement, patient, practitioners, organizations, location };
}
