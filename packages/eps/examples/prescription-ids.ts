import { isValidPrescriptionId, newPrescriptionId, prescriptionIdProblem } from "@nhskit/eps";

export function prescriptionIds() {
  // Short-form ids end in a check character (ISO 7064 MOD 37-2); nhskit checks every id before sending.
  const fresh = newPrescriptionId("A83008"); // e.g. 7D9625-A83008-1A4F2C
  console.log(isValidPrescriptionId(fresh), isValidPrescriptionId("58EFB9-A83008-27693K")); // true true
  const problem = prescriptionIdProblem("58EFB9-A83008-27693X");
  console.log(problem); // "58EFB9-A83008-27693X" has the wrong check character: X should be K (…)
  return { fresh, problem };
}
