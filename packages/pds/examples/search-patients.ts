import { createPdsClient } from "@nhskit/pds";

export async function searchPatients() {
  const pds = createPdsClient({ environment: "sandbox" });

  const result = await pds.searchPatients({ family: "Smith", gender: "female", birthdate: ["eq2010-10-22"] });
  switch (result.kind) {
    case "matches":
      for (const { patient, score } of result.patients) console.log(patient.id, score); // 9000000009 1
      break;
    case "no-match":
      console.log("nobody matched");
      break;
    case "too-many-matches":
      console.log("too many people matched: add more search parameters");
      break;
    case "outcome":
      console.log(result.operationOutcome.issue?.[0]?.diagnostics);
  }
  return result;
}
