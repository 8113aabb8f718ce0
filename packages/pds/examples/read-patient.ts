import { createPdsClient } from "@nhskit/pds";

export async function readPatient() {
  const pds = createPdsClient({ environment: "sandbox" });

  const { patient, version } = await pds.getPatient("9000000009");
  console.log(patient.name?.[0]?.family, patient.birthDate, version); // Smith 2010-10-22 2
  return { patient, version };
}
